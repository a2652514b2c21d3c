/// Colours and legend labels of the chart, one per effective status.
extension GanttChart {
    static func colour(_ status: EffectiveStatus) -> String {
        switch status {
        case .notStarted: "#b0bec5"
        case .inProgress: "#42a5f5"
        case .done: "#66bb6a"
        case .lateStart: "#ffb74d"
        case .late: "#e53935"
        case .delayed: "#fb8c00"
        case .cancelled: "#eeeeee"
        }
    }

    static func labelJa(_ status: EffectiveStatus) -> String {
        switch status {
        case .notStarted: "未着手"
        case .inProgress: "実施中"
        case .done: "完了"
        case .lateStart: "着手遅れ"
        case .late: "完了遅れ"
        case .delayed: "遅延"
        case .cancelled: "中止"
        }
    }

    static let actualColour = "#263238"
    static let todayColour = "#d50000"
    static let closureColour = "#8e24aa"
    static let stepColours = ["#e3f2fd", "#e8f5e9", "#fff3e0"]
    static let managerColours = ["#d1c4e9", "#b2dfdb"]
}
