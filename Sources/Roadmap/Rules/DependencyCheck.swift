/// The dependency rule (依存関係の確認): an item cannot finish before what it
/// depends on.
/// - A done item needs every dependency done (or cancelled: dropped work
///   blocks nothing), and its actual end not before any dependency's.
/// - An item cannot leave `done` while an item depending on it is done.
/// - Planned ends keep the same order: no item planned to end before a
///   dependency's planned end (`invalid_dates`).
public enum DependencyCheck {
    /// Throws `dependency_not_done` or `invalid_dates` when `item`, as it
    /// would be after a change, breaks the rule within `schedule`.
    public static func check(_ item: RoadmapItem, in schedule: RoadmapSchedule) throws(RoadmapError) {
        for id in item.dependsOn {
            guard let dependency = schedule.item(id) else {
                throw RoadmapError(.unknownItem, "\(item.id) depends on unknown item \"\(id)\"")
            }
            try checkOrder(item, after: dependency)
        }
        for dependent in schedule.items where dependent.id != item.id && dependent.dependsOn.contains(item.id) {
            try checkOrder(dependent, after: item)
        }
    }

    private static func checkOrder(_ item: RoadmapItem, after dependency: RoadmapItem) throws(RoadmapError) {
        if item.plannedEnd < dependency.plannedEnd {
            throw RoadmapError(.invalidDates,
                               "\(item.id) is planned to end \(item.plannedEnd), before \(dependency.id) it depends on (\(dependency.plannedEnd))")
        }
        guard item.status == .done, dependency.status != .cancelled else { return }
        guard dependency.status == .done else {
            throw RoadmapError(.dependencyNotDone,
                               "\(item.id) cannot be done before \(dependency.id) is done (it is \(dependency.status.rawValue))")
        }
        if let end = item.actualEnd, let dependencyEnd = dependency.actualEnd, end < dependencyEnd {
            throw RoadmapError(.dependencyNotDone,
                               "\(item.id) cannot end \(end), before \(dependency.id) it depends on ended (\(dependencyEnd))")
        }
    }
}

extension RoadmapSchedule {
    /// Applies a planner's update to item `id` and returns the checked new
    /// item, or throws `unknown_item`, `invalid_dates`,
    /// `closure_outside_item_dates`, `item_done` (`ClosureScope`) or
    /// `dependency_not_done`. The schedule itself is not changed: use
    /// `replacing(_:)` once the change is committed.
    public func applying(_ update: RoadmapUpdate, toItem id: String) throws(RoadmapError) -> RoadmapItem {
        guard let item = item(id) else {
            throw RoadmapError(.unknownItem, "no roadmap item \"\(id)\"")
        }
        let new = update.applied(to: item)
        if let problem = ItemDates.problems(of: new).first {
            throw RoadmapError(.invalidDates, "\(id): \(problem)")
        }
        try ClosureScope.check(new, replacing: item)
        try DependencyCheck.check(new, in: replacing(new))
        return new
    }
}
