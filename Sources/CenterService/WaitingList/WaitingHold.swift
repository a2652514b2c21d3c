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

    /// Refuses `slot_held_for_waiting` for the first held slot of the request.
    func checkFree(facility: FacilityID, dates: [LocalDate], divisions: [DivisionID], origin: BookingOrigin) throws {
        guard let rules else { return }
        for date in dates {
            for division in divisions {
                let rows = try db.query("""
                    SELECT id, state FROM waiting_entries
                    WHERE facility_id = ? AND date = ? AND division = ? AND state IN ('waiting', 'offered')
                    """, [facility.sqlValue, date.sqlValue, division.sqlValue])
                let offered = try rows.first { try $0.get("state") as String == "offered" }.map { try $0.get("id") as Int64 }
                let held = offered != nil || (!rows.isEmpty && rules.isOpen(for: date, at: now))
                guard held, offered == nil || offered != origin.waitingEntry else { continue }
                throw Refusal(WaitingHoldCode.slotHeldForWaiting,
                              "\(facility) on \(date) (\(division)) is held for its cancellation waiting list.",
                              details: ["facility": facility.rawValue, "date": date.description, "division": division.rawValue])
            }
        }
    }
}
