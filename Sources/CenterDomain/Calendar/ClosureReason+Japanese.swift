extension ClosureReason.Kind {
    /// The kind of closed day as the calendar says it (休館の種類).
    public var japaneseName: String {
        switch self {
        case .yearEnd: "年末年始"
        case .regularClosedDay: "定期休館日"
        case .holiday: "祝日"
        case .adHoc: "臨時休館"
        case .works: "工事"
        }
    }
}
