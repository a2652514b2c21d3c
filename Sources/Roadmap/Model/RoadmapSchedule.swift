/// The whole roadmap (整備スケジュール): the steps, their items and the
/// designated-manager terms, as loaded from `schedules/roadmap.json` and
/// `schedules/designated-managers.json` and validated.
public struct RoadmapSchedule: Hashable, Sendable {
    public var steps: [RoadmapStep]
    public var items: [RoadmapItem]
    /// Terms in date order, without gaps or overlaps.
    public var managers: [ManagerTerm]

    public init(steps: [RoadmapStep], items: [RoadmapItem], managers: [ManagerTerm]) {
        self.steps = steps
        self.items = items
        self.managers = managers
    }

    public func item(_ id: String) -> RoadmapItem? { items.first { $0.id == id } }

    /// The fiscal years the steps cover (FY2025...FY2030 for the report).
    public var fiscalYears: ClosedRange<Int> {
        let first = steps.map(\.firstFiscalYear).min() ?? 2025
        let last = steps.map(\.lastFiscalYear).max() ?? first
        return first...max(first, last)
    }

    /// The same schedule with one item replaced by a new version of it.
    public func replacing(_ item: RoadmapItem) -> RoadmapSchedule {
        var copy = self
        if let index = copy.items.firstIndex(where: { $0.id == item.id }) {
            copy.items[index] = item
        }
        return copy
    }
}
