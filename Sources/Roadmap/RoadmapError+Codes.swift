/// The stable codes of `RoadmapError`; CenterAPI maps them to HTTP statuses.
extension RoadmapError {
    /// A schedule file is malformed or inconsistent (start-up failure).
    public static let invalidSchedule = "invalid_schedule"
    /// An item cannot be done, or end, before an item it depends on.
    public static let dependencyNotDone = "dependency_not_done"
    /// Dates of an update contradict each other or the plan.
    public static let invalidDates = "invalid_dates"
    /// No item has the id.
    public static let unknownItem = "unknown_item"
}
