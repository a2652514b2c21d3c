import CalendarValues
import CenterDomain
internal import Store

/// The booking side of the waiting list: a free slot whose waiting line is
/// live is held for it, so that no first-come booking takes it between its
/// freeing and the offer, or while an offer runs. Only the offered
/// registration's acceptance books it (`BookingOrigin.waitingList`). A line
/// still waiting after its last waiting day holds nothing: the timer closes it.
struct WaitingHold {
    let db: Database
    let rules: WaitingListRules?
    let now: Instant

    /// Refuses `slot_held_for_waiting` for the first held slot of the
    /// request: one read of the facility's live entries on the dates.
    func checkFree(facility: FacilityID, dates: [LocalDate], divisions: [DivisionID], origin: BookingOrigin) throws {
        guard let rules, let first = dates.first, let last = dates.last else { return }
        let rows = try db.query("""
            SELECT id, date, division, state FROM waiting_entries
            WHERE facility_id = ? AND date BETWEEN ? AND ? AND state IN ('waiting', 'offered')
            """, [facility.sqlValue, first.sqlValue, last.sqlValue])
        guard !rows.isEmpty else { return }
        let live = try rows.map { (id: try $0.get("id") as Int64, date: try $0.get("date") as LocalDate,
                                   division: try $0.get("division") as DivisionID, offered: try $0.get("state") as String == "offered") }
        for date in dates {
            for division in divisions {
                let line = live.filter { $0.date == date && $0.division == division }
                let offered = line.first(where: \.offered)?.id
                let held = offered != nil || (!line.isEmpty && rules.isOpen(for: date, at: now))
                guard held, offered == nil || offered != origin.waitingEntry else { continue }
                throw Refusal(WaitingHoldCode.slotHeldForWaiting,
                              "\(facility) on \(date) (\(division)) is held for its cancellation waiting list.",
                              details: ["facility": facility.rawValue, "date": date.description, "division": division.rawValue])
            }
        }
    }
}
