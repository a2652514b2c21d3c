/// The stable codes of `RoadmapError`; CenterAPI maps them to HTTP statuses.
extension RoadmapError {
    /// A schedule file is malformed or inconsistent (start-up failure).
    public static let invalidSchedule = "invalid_schedule"
    /// An item cannot be done, or end, before an item it depends on.
    public static let dependencyNotDone = "dependency_not_done"
    /// Dates of an update contradict each other or the plan.
    public static let invalidDates = "invalid_dates"
    /// A works closure falls outside its item's planned or actual dates.
    public static let closureOutsideItemDates = "closure_outside_item_dates"
    /// A done item's works cannot close more rooms.
    public static let itemDone = "item_done"
    /// No item has the id.
    public static let unknownItem = "unknown_item"
}
