/// The date rules of one item (日付の整合性), shared by the start-up
/// validation and by planner updates:
/// - the planned end is not before the planned start;
/// - an actual end needs an actual start and is not before it;
/// - a done item has an actual end;
/// - a closure window's last day is not before its first.
enum ItemDates {
    /// Problems as `field: what is wrong`, relative to the item.
    static func problems(of item: RoadmapItem) -> [String] {
        var problems: [String] = []
        if item.plannedEnd < item.plannedStart {
            problems.append("planned_end: \(item.plannedEnd) before planned_start \(item.plannedStart)")
        }
        if let end = item.actualEnd {
            if let start = item.actualStart {
                if end < start { problems.append("actual_end: \(end) before actual_start \(start)") }
            } else {
                problems.append("actual_end: set without actual_start")
            }
        }
        if item.status == .done && item.actualEnd == nil {
            problems.append("actual_end: required when status is done")
        }
        for (index, closure) in item.closures.enumerated() where closure.to < closure.from {
            problems.append("closures[\(index)].to: \(closure.to) before from \(closure.from)")
        }
        return problems
    }
}
