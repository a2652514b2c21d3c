import CalendarValues

/// What an item's works closures may close (工事による利用停止の範囲):
/// - only days inside the item's own dates: its planned months (first day
///   of the planned start to last day of the planned end) or its actual
///   dates (actual start to actual end; while it runs, to the later of the
///   planned end and the actual start). A planner moving works moves the
///   plan with them, so a closure cannot be parked on any date of any item;
/// - nothing new for an item that is done (before or after the change):
///   finished works close no more rooms. Removing or narrowing a closure is
///   always allowed.
public enum ClosureScope {
    /// The day ranges `item`'s closures may fall in, merged where they touch.
    public static func allowedRanges(of item: RoadmapItem) -> [ClosedRange<LocalDate>] {
        var ranges = [item.plannedStart.firstDay...item.plannedEnd.lastDay]
        if let start = item.actualStart {
            let end = item.actualEnd ?? max(start, item.plannedEnd.lastDay)
            if start <= end { ranges.append(start...end) }
        }
        ranges.sort { $0.lowerBound < $1.lowerBound }
        var merged: [ClosedRange<LocalDate>] = []
        for range in ranges {
            if let last = merged.last, range.lowerBound <= last.upperBound.adding(days: 1) {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        return merged
    }

    /// Throws `closure_outside_item_dates` (422) for the first closure of
    /// `new` outside its dates, or `item_done` (409) when `new` adds or
    /// changes a closure and the item is done in `old` or in `new`.
    public static func check(_ new: RoadmapItem, replacing old: RoadmapItem) throws(RoadmapError) {
        let added = new.closures.filter { closure in !old.closures.contains { covers($0, closure) } }
        if !added.isEmpty, old.status == .done || new.status == .done {
            throw RoadmapError(.itemDone,
                               "\(new.id) is done: its works close no more rooms (closures may only be removed)")
        }
        let ranges = allowedRanges(of: new)
        for (index, closure) in new.closures.enumerated()
        where !ranges.contains(where: { $0.contains(closure.from) && $0.contains(closure.to) }) {
            let allowed = ranges.map { "\($0.lowerBound)–\($0.upperBound)" }.joined(separator: ", ")
            throw RoadmapError(.closureOutsideItemDates,
                               "\(new.id): closures[\(index)] \(closure.from)–\(closure.to) is outside the item's planned or actual dates (\(allowed)); move the plan with the works")
        }
    }

    /// Whether `outer` already closes everything `inner` closes (the same or
    /// fewer facilities, on the same or fewer days): narrowing a closure
    /// reopens rooms and adds nothing.
    static func covers(_ outer: WorksClosure, _ inner: WorksClosure) -> Bool {
        Set(inner.facilities).isSubset(of: outer.facilities) && outer.from <= inner.from && inner.to <= outer.to
    }
}
