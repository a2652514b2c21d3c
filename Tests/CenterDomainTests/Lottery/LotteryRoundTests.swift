import CalendarValues
import Testing
@testable import CenterDomain

/// The round's calendar, who enters, and the entry rules (Nerima: the 1st–9th
/// of the month six months ahead, at most 4 entries).
@Suite struct LotteryRoundTests {
    typealias F = RulesFixtures
    typealias L = LotteryFixtures
    let gym = RulesFixtures.room("gym", category: 1, capacity: 150)

    func enter(_ category: UserCategory = .smallBusiness, date: String = "2027-01-05", divisions: [DivisionID] = [.am],
               at now: String = "2026-07-05T12:00:00+09:00", held: [LotteryEntry] = [], facility: Facility? = nil,
               closed: Set<LocalDate> = []) -> Refused? {
        F.refusal {
            _ = try L.round.checkEntry(category: category, facility: facility ?? gym, date: F.day(date), divisions: divisions,
                                       now: F.at(now), held: held) { closed.contains($0) }
        }
    }

    @Test func theRoundForAMonthTakesEntriesOnTheFirstToTheNinthSixMonthsBefore() {
        let schedule = L.round.schedule(for: F.month("2027-01"))
        #expect(schedule.entryOpens == F.at("2026-07-01T00:00:00+09:00"))
        #expect(schedule.entryCloses == F.at("2026-07-09T23:59:59+09:00"))
        #expect(schedule.drawAt == F.at("2026-07-10T10:00:00+09:00"))
        #expect(schedule.firstComeOpens == F.at("2026-07-15T09:00:00+09:00"))
    }

    @Test func phasesFollowTheSchedule() {
        let schedule = L.round.schedule(for: F.month("2027-01"))
        #expect(schedule.phase(at: F.at("2026-06-30T23:59:59+09:00")) == .notOpen)
        #expect(schedule.phase(at: F.at("2026-07-01T00:00:00+09:00")) == .entry)
        #expect(schedule.phase(at: F.at("2026-07-09T23:59:59+09:00")) == .entry)
        #expect(schedule.phase(at: F.at("2026-07-10T00:00:00+09:00")) == .closed)
        #expect(schedule.phase(at: F.at("2026-07-10T10:00:00+09:00")) == .drawn)
        #expect(schedule.phase(at: F.at("2026-07-15T09:00:00+09:00")) == .firstCome)
    }

    @Test func aRoundCrossesTheYearBackwards() {
        #expect(L.round.schedule(for: F.month("2027-03")).entryOpens == F.at("2026-09-01T00:00:00+09:00"))
        #expect(L.round.entryMonth(for: F.month("2027-06")) == F.month("2026-12"))
    }

    @Test func anEntryInTheEntryPeriodIsAcceptedWithDivisionsInDayOrder() throws {
        let divisions = try L.round.checkEntry(category: .smallBusiness, facility: gym, date: F.day("2027-01-05"),
                                               divisions: [.night, .am, .am], now: F.at("2026-07-09T23:59:59+09:00"), held: []) { _ in false }
        #expect(divisions == [.am, .night])
    }

    @Test func anEntryBeforeTheEntryPeriodIsRefused() {
        let error = enter(at: "2026-06-30T23:59:59+09:00")
        #expect(error?.code == "lottery_entry_not_open")
        #expect(error?.details["entry_opens"] == "2026-07-01T00:00:00+09:00")
    }

    @Test func anEntryAfterTheEntryPeriodIsRefused() {
        #expect(enter(at: "2026-07-10T00:00:00+09:00")?.code == "lottery_entry_closed")
    }

    @Test func communityGroupsDoNotEnter() {
        #expect(enter(.communityGroup)?.code == "lottery_category_not_permitted")
    }

    @Test func aFacilityOutsideTheRoundIsNotDrawn() {
        #expect(enter(facility: F.room("meeting-room-1"))?.code == "lottery_not_held")
    }

    @Test func anEntryNeedsOfferedDivisions() {
        #expect(enter(divisions: [])?.code == "divisions_required")
        #expect(enter(divisions: ["evening"])?.code == "division_not_offered")
    }

    @Test func anEntryOnAClosedDayIsRefused() {
        #expect(enter(closed: [F.day("2027-01-05")])?.code == "facility_closed")
    }

    @Test func aSecondEntryForAnOverlappingSlotIsADuplicate() {
        let held = [L.entry("E1", "A1", "gym", "2027-01-05", [.am, .pm])]
        #expect(enter(divisions: [.pm], held: held)?.code == "lottery_entry_duplicate")
        #expect(enter(divisions: [.night], held: held) == nil)
    }

    @Test func theFifthEntryOfARegistrationIsRefused() {
        let held = (1...4).map { L.entry("E\($0)", "A1", "gym", "2027-01-1\($0)") }
        let error = enter(held: held)
        #expect(error?.code == "lottery_entry_limit_reached")
        #expect(error?.details["limit"] == "4")
        #expect(enter(held: Array(held.prefix(3))) == nil)
    }

    @Test func entriesAreWithdrawnOnlyDuringTheEntryPeriod() {
        #expect(F.refusal { try L.round.checkWithdrawal(useMonth: F.month("2027-01"), now: F.at("2026-07-09T23:00:00+09:00")) } == nil)
        #expect(F.refusal { try L.round.checkWithdrawal(useMonth: F.month("2027-01"), now: F.at("2026-07-10T00:00:00+09:00")) }?.code
            == "lottery_entry_closed")
    }

    @Test func participantsBookFirstComeOnlyOnceTheUnwonSlotsOpen() {
        func book(_ category: UserCategory, _ now: String, facility: FacilityID = "gym") -> Refused? {
            F.refusal { try L.round.checkFirstCome(category: category, facility: facility, useDate: F.day("2027-01-05"), now: F.at(now)) }
        }
        let error = book(.economicGroup, "2026-07-15T08:59:59+09:00")
        #expect(error?.code == "lottery_pending")
        #expect(error?.details["first_come_opens"] == "2026-07-15T09:00:00+09:00")
        #expect(book(.economicGroup, "2026-07-15T09:00:00+09:00") == nil)
    }

    @Test func nonParticipantsAndOtherRoomsAreNotHeldBack() {
        #expect(F.refusal { try L.round.checkFirstCome(category: .ward, facility: "gym", useDate: F.day("2027-01-05"), now: F.at("2026-07-02T10:00:00+09:00")) } == nil)
        #expect(F.refusal { try L.round.checkFirstCome(category: .general, facility: "meeting-room-1", useDate: F.day("2027-01-05"), now: F.at("2026-07-02T10:00:00+09:00")) } == nil)
    }

    @Test func economicGroupsComeFirstThenInWardThenOutOfWard() {
        #expect(L.round.tier(category: .economicGroup, inWard: true)?.id == "economic_group")
        #expect(L.round.tier(category: .smallBusiness, inWard: true)?.id == "in_ward")
        #expect(L.round.tier(category: .general, inWard: true)?.id == "in_ward")
        #expect(L.round.tier(category: .general, inWard: false)?.id == "out_of_ward")
    }

    @Test func winsAllowedIsTheRoundsCapWithinTheMonthlyLimit() {
        let limit = MonthlyLimit(maxUnits: 8)
        #expect(L.round.winsAllowed(category: .general, unitsHeld: 0, limit: limit) == 8)
        #expect(L.round.winsAllowed(category: .general, unitsHeld: 5, limit: limit) == 3)
        #expect(L.round.winsAllowed(category: .general, unitsHeld: 10, limit: limit) == 0)
        #expect(L.round.winsAllowed(category: .ward, unitsHeld: 10, limit: limit) == 8)
    }
}
