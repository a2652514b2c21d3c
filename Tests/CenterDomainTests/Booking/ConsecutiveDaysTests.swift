import Testing
@testable import CenterDomain

@Suite struct ConsecutiveDaysTests {
    typealias F = RulesFixtures
    let rule = ConsecutiveDays()

    @Test func threeConsecutiveDaysAccepted() {
        #expect(F.refusal { try rule.check(first: F.day("2026-07-01"), last: F.day("2026-07-03")) { _ in false } } == nil)
    }

    @Test func fourConsecutiveDaysRefused() {
        let error = F.refusal { try rule.check(first: F.day("2026-07-01"), last: F.day("2026-07-04")) { _ in false } }
        #expect(error?.code == "consecutive_day_limit")
        #expect(error?.details["days"] == "4")
    }

    @Test func closedDayInsideEventRefusesEvent() {
        let error = F.refusal {
            try rule.check(first: F.day("2026-07-19"), last: F.day("2026-07-21")) { $0 == F.day("2026-07-20") }
        }
        #expect(error?.code == "facility_closed")
        #expect(error?.details["date"] == "2026-07-20")
    }

    @Test func eventEndingBeforeItStartsInvalid() {
        let error = F.refusal { try rule.check(first: F.day("2026-07-02"), last: F.day("2026-07-01")) { _ in false } }
        #expect(error?.kind == .invalid)
        #expect(error?.code == "date_range_invalid")
    }
}
