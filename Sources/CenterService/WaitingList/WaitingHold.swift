import CalendarValues
import CenterDomain

/// The booking side of the waiting list: a free slot whose waiting line is
/// live is held for it, so that no first-come booking takes it between its
/// freeing and the offer, or while an offer runs. Only the offered
/// registration's acceptance books it (`BookingOrigin.waitingList`). A line
/// still waiting after its last waiting day holds nothing: the timer closes it.
struct WaitingHold {
    /// A live (waiting or offered) entry of the room on a requested date,
    /// as `BookingFacts` reads them in its one statement.
    struct Entry: Sendable {
        let id: Int64
        let date: LocalDate
        let division: DivisionID
        let offered: Bool
    }

    let rules: WaitingListRules?
    /// The room's live entries on the requested dates.
    let live: [Entry]
    let now: Instant

    /// Refuses `slot_held_for_waiting` for the first held slot of the request.
    func checkFree(facility: FacilityID, dates: [LocalDate], divisions: [DivisionID], origin: BookingOrigin) throws {
        guard let rules, !live.isEmpty else { return }
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
