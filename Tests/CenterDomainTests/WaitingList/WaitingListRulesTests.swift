import CalendarValues
import Testing
@testable import CenterDomain

/// Who may wait for a taken room slot (Ota うぐいすネット: 2 a month, waiting
/// closes 6 days before use); desks keep first come.
@Suite struct WaitingListRulesTests {
    typealias F = RulesFixtures
    typealias L = LotteryFixtures
    let rules = WaitingListRules(maxEntriesPerMonth: 2, order: .firstInLine, offerHoldHours: 48, closesDaysBefore: 6)
    let room = RulesFixtures.room("meeting-room-1")
    let slot = LotteryFixtures.slot("meeting-room-1", "2026-08-20", .pm)

    func entry(_ id: String, _ registration: String, _ slot: DivisionSlot, at: String = "2026-07-01T10:00:00+09:00") -> WaitingEntry {
        WaitingEntry(id: id, registration: registration, slot: slot, appliedAt: F.at(at))
    }

    func join(facility: Facility? = nil, at now: String = "2026-08-01T10:00:00+09:00", holder: String? = "reg-9",
              line: [WaitingEntry] = [], held: [WaitingEntry] = []) -> Refused? {
        F.refusal {
            try rules.checkJoin(facility: facility ?? room, slot: slot, registration: "reg-1", now: F.at(now), holder: holder,
                                line: line, held: held)
        }
    }

    @Test func aRegistrationMayWaitForASlotAnotherHolds() {
        #expect(join() == nil)
    }

    @Test func desksKeepFirstCome() {
        let desks = F.room("flexible-desks", category: nil, kind: .desk)
        #expect(join(facility: desks)?.code == "waiting_list_not_offered")
    }

    @Test func waitingClosesSixDaysBeforeUse() {
        #expect(join(at: "2026-08-14T23:59:59+09:00") == nil)
        let error = join(at: "2026-08-15T00:00:00+09:00")
        #expect(error?.code == "waiting_list_closed")
        #expect(error?.details["last_waiting_day"] == "2026-08-14")
    }

    @Test func aFreeSlotIsBookedNotWaitedFor() {
        #expect(join(holder: nil)?.code == "waiting_slot_free")
    }

    @Test func aSlotHeldForItsLineIsJoinedNotBooked() {
        #expect(join(holder: nil, line: [entry("W1", "reg-2", slot)]) == nil)
    }

    @Test func nobodyWaitsForTheirOwnSlot() {
        #expect(join(holder: "reg-1")?.code == "waiting_own_slot")
    }

    @Test func aRegistrationWaitsOnceForASlot() {
        #expect(join(line: [entry("W1", "reg-1", slot)])?.code == "already_waiting")
    }

    @Test func theThirdWaitingEntryOfAMonthIsRefused() {
        let others = [entry("W1", "reg-1", L.slot("gym", "2026-08-03", .am)), entry("W2", "reg-1", L.slot("gym", "2026-08-30", .am))]
        let error = join(held: others)
        #expect(error?.code == "waiting_limit_reached")
        #expect(error?.details["limit"] == "2")
        #expect(join(held: [others[0], entry("W3", "reg-1", L.slot("gym", "2026-09-01", .am))]) == nil)
    }

    @Test func anOfferIsHeldFortyEightHoursButNotPastTheDayBeforeUse() {
        #expect(rules.offerDeadline(offeredAt: F.at("2026-08-01T10:00:00+09:00"), useDate: F.day("2026-08-20"))
            == F.at("2026-08-03T10:00:00+09:00"))
        #expect(rules.offerDeadline(offeredAt: F.at("2026-08-18T10:00:00+09:00"), useDate: F.day("2026-08-20"))
            == F.at("2026-08-19T23:59:59+09:00"))
    }
}
