import CalendarValues

/// Works closures (工事による利用停止) of the schedule, by day or window.
/// CenterService turns each hit into a `facility_closed` day whose reason is
/// the item id. Cancelled items close nothing.
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

    private func hits(where matches: (WorksClosure) -> Bool) -> [ClosureHit] {
        var result: [ClosureHit] = []
        for item in items where item.status != .cancelled {
            for closure in item.closures where matches(closure) {
                for facility in closure.facilities {
                    result.append(ClosureHit(itemID: item.id, facility: facility, from: closure.from, to: closure.to))
                }
            }
        }
        return result
    }
}
