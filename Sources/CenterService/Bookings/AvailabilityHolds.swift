import CalendarValues
import CenterDomain
internal import Store

/// What holds a free slot beside the availability's own rules, so a slot
/// shown free is one `POST /bookings` takes: an hour of a room let by the
/// hour that is over today (`window_closed`, as `hour_past` refuses it), a
/// lottery round that holds its rooms back from the asking category until
/// its first-come time (`not_open`, opening that day, as `lottery_pending`
/// refuses), and a freed slot held for its waiting list (`waiting_list`, as
/// `slot_held_for_waiting` refuses).
struct AvailabilityHolds {
    let now: Instant
    let round: LotteryRound?
    let category: UserCategory?
    let rules: WaitingListRules?
    /// Live waiting entries by date and unit, and whether one is offered.
    let lines: [LocalDate: [DivisionID: Bool]]

    static func load(_ db: Database, center: CenterConfiguration, facility: FacilityID, category: UserCategory?,
                     from: LocalDate, to: LocalDate, now: Instant) throws -> AvailabilityHolds {
        var lines: [LocalDate: [DivisionID: Bool]] = [:]
        if center.waitingList != nil {
            for row in try db.query("""
                SELECT date, division, state FROM waiting_entries
                WHERE facility_id = ? AND date BETWEEN ? AND ? AND state IN ('waiting', 'offered')
                """, [facility.sqlValue, from.sqlValue, to.sqlValue]) {
                let date: LocalDate = try row.get("date"), division: DivisionID = try row.get("division")
                let offered = try row.get("state") as String == "offered"
                lines[date, default: [:]][division] = (lines[date]?[division] ?? false) || offered
            }
        }
        return AvailabilityHolds(now: now, round: category.flatMap { center.lotteryRound(for: facility, category: $0) },
                                 category: category, rules: center.waitingList, lines: lines)
    }

    /// The same holds as `category` sees them (its own lottery round), for
    /// availability asked without a category.
    func asking(_ category: UserCategory, center: CenterConfiguration, facility: FacilityID) -> AvailabilityHolds {
        AvailabilityHolds(now: now, round: center.lotteryRound(for: facility, category: category), category: category,
                          rules: rules, lines: lines)
    }

    /// `status` with the hour's end and the round's hold applied.
    func status(_ status: SlotStatus, of unit: DivisionID, on date: LocalDate) -> SlotStatus {
        guard status != .closed, status != .booked else { return status }
        if let hour = BookingHours.hour(of: unit), now >= Instant(japanDate: date, minuteOfDay: (hour + 1) * 60) {
            return .windowClosed
        }
        if status != .windowClosed, let round, let category, round.participants.contains(category) {
            let opens = round.schedule(for: date.yearMonth).firstComeOpens
            if now < opens { return .notOpen(opens: opens.japanDate) }
        }
        return status
    }

    /// Whether a slot the rules show free (or not yet open) is held for its waiting line.
    func isHeldForWaiting(_ unit: DivisionID, on date: LocalDate, status: SlotStatus) -> Bool {
        guard let rules, let offered = lines[date]?[unit], status != .closed, status != .booked else { return false }
        return offered || rules.isOpen(for: date, at: now)
    }
}
