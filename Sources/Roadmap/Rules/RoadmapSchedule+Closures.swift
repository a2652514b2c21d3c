import CalendarValues

/// Works closures (工事による利用停止) of the schedule, by day or window.
/// The center's calendar asks `closures(closing:on:)`, so works close rooms
/// (`facility_closed` with the item id as the reason). Cancelled items close
/// nothing.
public struct ClosureHit: Hashable, Sendable, Encodable {
    public let itemID: String
    public let facility: String
    public let from: LocalDate
    public let to: LocalDate

    enum CodingKeys: String, CodingKey {
        case itemID = "item_id"
        case facility, from, to
    }
}

extension RoadmapSchedule {
    /// The facilities closed by works on `date`, first and last day of each
    /// window included; one hit per item and facility, in schedule order.
    public func closures(on date: LocalDate) -> [ClosureHit] {
        hits { $0.covers(date) }
    }

    /// The closures that share at least one day with `from...to`.
    public func closures(overlapping from: LocalDate, to: LocalDate) -> [ClosureHit] {
        hits { $0.overlaps(from: from, to: to) }
    }

    /// Whether a closure of an item not cancelled closes `facility` on
    /// `date`: whether `closures(closing:on:)` would list one, without listing.
    /// (By index: a closure over each item copied the whole item, for every
    /// day the booking rules ask about.)
    public func hasClosure(closing facility: String, on date: LocalDate) -> Bool {
        for index in items.indices where items[index].status != .cancelled {
            for closure in items[index].closures where closure.covers(date) && closure.facilities.contains(facility) {
                return true
            }
        }
        return false
    }

    /// The closures that close `facility` on `date` (first and last day
    /// included), each with the item whose works cause it, in schedule order.
    public func closures(closing facility: String, on date: LocalDate) -> [(itemID: String, closure: WorksClosure)] {
        liveClosures { $0.covers(date) && $0.facilities.contains(facility) }
    }

    private func hits(where matches: (WorksClosure) -> Bool) -> [ClosureHit] {
        liveClosures(where: matches).flatMap { itemID, closure in
            closure.facilities.map { ClosureHit(itemID: itemID, facility: $0, from: closure.from, to: closure.to) }
        }
    }

    /// The closures of items that are not cancelled that `matches`, in schedule order.
    private func liveClosures(where matches: (WorksClosure) -> Bool) -> [(itemID: String, closure: WorksClosure)] {
        var result: [(itemID: String, closure: WorksClosure)] = []
        for item in items where item.status != .cancelled {
            for closure in item.closures where matches(closure) { result.append((item.id, closure)) }
        }
        return result
    }
}
