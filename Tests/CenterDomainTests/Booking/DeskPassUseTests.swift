import CalendarValues
import Testing
@testable import CenterDomain

@Suite struct DeskPassUseTests {
    typealias F = RulesFixtures
    let rules = DeskPassRules()

    @Test func deskPassesAreForFreelancersOnly() {
        #expect(F.refusal { try DeskPassRules.checkHolder(category: .freelancer) } == nil)
        #expect(F.refusal { try DeskPassRules.checkHolder(category: .general) }?.code == "not_a_freelancer")
    }

    @Test func deskWholeDayOccupiesEveryDivision() throws {
        #expect(try rules.units(of: "day", divisions: Division.standard) == [.am, .pm, .night])
        #expect(try rules.units(of: "pm", divisions: Division.standard) == [.pm])
    }

    @Test func deskUnknownPeriodRefused() {
        #expect(F.refusal { _ = try rules.units(of: "lunch", divisions: Division.standard) }?.code == "period_unknown")
    }

    @Test func deskPassStartsAtItsDivisionStart() throws {
        let day = F.day("2026-07-01")
        #expect(try rules.start(date: day, period: "night", divisions: Division.standard) == Instant(japanDate: day, minuteOfDay: 18 * 60))
        #expect(try rules.start(date: day, period: "day", divisions: Division.standard) == Instant(japanDate: day, minuteOfDay: 9 * 60))
    }

    @Test func deskAnyDeskIsTheLowestFreeId() {
        let desks: [FacilityID] = ["desk-03", "desk-01", "desk-02"]
        #expect(DeskPassRules.firstFreeDesk(desks, taken: ["desk-01"]) == "desk-02")
        #expect(DeskPassRules.firstFreeDesk(desks, taken: Set(desks)) == nil)
    }

    @Test func deskCheckInBeforeTheDayOfUseRefused() {
        let day = F.day("2026-07-02")
        let deadline = Instant(japanDate: day, minuteOfDay: 570)
        let evening = Instant(japanDate: F.day("2026-07-01"), minuteOfDay: 20 * 60)
        #expect(F.refusal { try rules.checkCheckIn(now: evening, date: day, deadline: deadline) }?.code == "check_in_too_early")
    }

    @Test func deskCheckInOnTheDayUntilTheDeadlineAccepted() {
        let day = F.day("2026-07-02")
        let deadline = Instant(japanDate: day, minuteOfDay: 570)
        #expect(F.refusal { try rules.checkCheckIn(now: Instant(japanDate: day, minuteOfDay: 480), date: day, deadline: deadline) } == nil)
        #expect(F.refusal { try rules.checkCheckIn(now: deadline, date: day, deadline: deadline) } == nil)
    }

    @Test func deskCheckInAfterTheDeadlineRefused() {
        let day = F.day("2026-07-02")
        let deadline = Instant(japanDate: day, minuteOfDay: 570)
        #expect(F.refusal { try rules.checkCheckIn(now: deadline.adding(seconds: 1), date: day, deadline: deadline) }?.code == "check_in_too_late")
    }

    @Test func deskCancelOnlyBeforeTheStart() {
        let start = Instant(japanDate: F.day("2026-07-02"), minuteOfDay: 540)
        #expect(F.refusal { try rules.checkCancel(now: start.adding(seconds: -1), start: start) } == nil)
        #expect(F.refusal { try rules.checkCancel(now: start, start: start) }?.code == "cancel_too_late")
    }

    @Test func deskPeriodWhoseCheckInClosedCannotBeBooked() {
        let deadline = Instant(japanDate: F.day("2026-07-02"), minuteOfDay: 570)
        #expect(F.refusal { try rules.checkNotPast(now: deadline, deadline: deadline) } == nil)
        #expect(F.refusal { try rules.checkNotPast(now: deadline.adding(seconds: 1), deadline: deadline) }?.code == "window_closed")
    }
}
