import CalendarValues

/// What a delay would push (遅延の影響): the items that depend, directly or
/// through others, on an item, and which of them would have to be re-planned
/// if its planned end moved to a later month. The dependency rule refuses a
/// plan in which an item ends before what it depends on, so a planner moves
/// these first, latest dependents first.
public enum DelayImpact {
    /// Every item depending on `id`, directly or not, in schedule order.
    public static func dependents(of id: String, in schedule: RoadmapSchedule) -> [RoadmapItem] {
        var found: Set<String> = []
        var frontier = [id]
        while let current = frontier.popLast() {
            for item in schedule.items where item.dependsOn.contains(current) && !found.contains(item.id) && item.id != id {
                found.insert(item.id)
                frontier.append(item.id)
            }
        }
        return schedule.items.filter { found.contains($0.id) }
    }

    /// The dependents of `id` planned to end before `newPlannedEnd`: those a
    /// move of its planned end to that month would leave out of order.
    /// Cancelled and done items are not affected.
    public static func itemsToReplan(ifItem id: String, endsIn newPlannedEnd: YearMonth,
                                     in schedule: RoadmapSchedule) -> [RoadmapItem] {
        dependents(of: id, in: schedule).filter {
            $0.status != .cancelled && $0.status != .done && $0.plannedEnd < newPlannedEnd
        }
    }
}
