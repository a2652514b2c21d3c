import CalendarValues
import Testing
@testable import CenterDomain

@Suite struct DeskPassRulesTests {
    typealias F = RulesFixtures
    let rules = DeskPassRules()

    @Test func deskWindowOpensFourteenDaysAhead() {
        #expect(F.refusal { try rules.checkWindow(date: F.day("2026-07-15"), today: F.day("2026-07-01")) } == nil)
        let error = F.refusal { try rules.checkWindow(date: F.day("2026-07-16"), today: F.day("2026-07-01")) }
        #expect(error?.code == "window_not_open")
        #expect(error?.details["opens"] == "2026-07-02")
    }

    @Test func deskPassForTodayAcceptedAndPastRefused() {
        #expect(F.refusal { try rules.checkWindow(date: F.day("2026-07-01"), today: F.day("2026-07-01")) } == nil)
        #expect(F.refusal { try rules.checkWindow(date: F.day("2026-06-30"), today: F.day("2026-07-01")) }?.code == "window_closed")
    }

    @Test func deskWeekRunsMondayToSunday() {
        #expect(DeskPassRules.weekStart(of: F.day("2026-07-05")) == F.day("2026-06-29"))
        #expect(DeskPassRules.weekStart(of: F.day("2026-07-06")) == F.day("2026-07-06"))
    }

    @Test func deskFifthDayOfWeekAccepted() {
        let booked = ["2026-07-06", "2026-07-07", "2026-07-08", "2026-07-09"].map(F.day)
        #expect(F.refusal { try rules.checkWeeklyLimit(date: F.day("2026-07-10"), passDates: booked) } == nil)
    }

    @Test func deskSixthDayOfWeekRefused() {
        let booked = ["2026-07-06", "2026-07-07", "2026-07-08", "2026-07-09", "2026-07-10", "2026-07-13"].map(F.day)
        let error = F.refusal { try rules.checkWeeklyLimit(date: F.day("2026-07-12"), passDates: booked) }
        #expect(error?.code == "weekly_limit_reached")
        #expect(error?.details["week_of"] == "2026-07-06")
    }

    @Test func deskSecondPeriodOnSameDayDoesNotCountTwice() {
        let booked = ["2026-07-06", "2026-07-07", "2026-07-08", "2026-07-09", "2026-07-10"].map(F.day)
        #expect(F.refusal { try rules.checkWeeklyLimit(date: F.day("2026-07-10"), passDates: booked) } == nil)
    }

    @Test func deskCheckInDueThirtyMinutesAfterPeriodStart() throws {
        let day = F.day("2026-07-01")
        #expect(try rules.checkInDeadline(date: day, period: "pm", divisions: Division.standard) == Instant(japanDate: day, minuteOfDay: 13 * 60 + 30))
        #expect(try rules.checkInDeadline(date: day, period: "day", divisions: Division.standard) == Instant(japanDate: day, minuteOfDay: 9 * 60 + 30))
        #expect(F.refusal { _ = try rules.checkInDeadline(date: day, period: "lunch", divisions: Division.standard) }?.code == "period_unknown")
    }

    @Test func deskPassIsNoShowOnlyAfterDeadline() {
        let deadline = Instant(japanDate: F.day("2026-07-01"), minuteOfDay: 570)
        #expect(!rules.isNoShow(now: deadline, deadline: deadline))
        #expect(rules.isNoShow(now: deadline.adding(seconds: 1), deadline: deadline))
    }
}
