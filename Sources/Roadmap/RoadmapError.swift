/// A failure of a roadmap rule or schedule file, with a stable code.
public struct RoadmapError: Error, Sendable, Equatable {
    /// The stable codes; CenterAPI decides how each is answered.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        /// A schedule file is malformed or inconsistent (start-up failure).
        case invalidSchedule = "invalid_schedule"
        /// An item cannot be done, or end, before an item it depends on.
        case dependencyNotDone = "dependency_not_done"
        /// Dates of an update contradict each other or the plan.
        case invalidDates = "invalid_dates"
        /// A works closure falls outside its item's planned or actual dates.
        case closureOutsideItemDates = "closure_outside_item_dates"
        /// A done item's works cannot close more rooms.
        case itemDone = "item_done"
        /// No item has the id.
        case unknownItem = "unknown_item"
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }
}

extension RoadmapError: CustomStringConvertible {
    /// The message alone, as a command line prints it.
    public var description: String { message }
}
