import Testing
@testable import CenterDomain
import CalendarValues

@Suite struct DivisionCutoffTests {
    typealias F = RulesFixtures
    let today = RulesFixtures.day("2026-11-25")

    func at(_ hour: Int, _ minute: Int = 0) -> Instant { Instant(japanDate: today, minuteOfDay: hour * 60 + minute) }

    @Test func aDivisionThatHasEndedTodayCannotBeBooked() {
        let error = F.refusal { try DivisionCutoff.checkNotEnded(Division.standard, on: today, now: at(12, 30)) }
        #expect(error?.code == "division_past")
        #expect(error?.details["division"] == "am")
        #expect(error?.details["ended_at"] == "2026-11-25T12:00:00+09:00")
    }

    @Test func aDivisionEndsAtItsEndMinute() {
        let morning = [Division.standard[0]]
        #expect(F.refusal { try DivisionCutoff.checkNotEnded(morning, on: today, now: at(11, 59)) } == nil)
        #expect(F.refusal { try DivisionCutoff.checkNotEnded(morning, on: today, now: at(12)) }?.code == "division_past")
    }

    @Test func aDivisionThatHasStartedButNotEndedCanStillBeBooked() {
        let afternoon = [Division.standard[1]]
        #expect(F.refusal { try DivisionCutoff.checkNotEnded(afternoon, on: today, now: at(14)) } == nil)
    }

    @Test func aLaterDayIsNeverPast() {
        #expect(F.refusal { try DivisionCutoff.checkNotEnded(Division.standard, on: today.adding(days: 1), now: at(23)) } == nil)
    }
}
