import Testing
@testable import CenterDomain
import CalendarValues

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

    @Test func consecutiveDaysCountHeldDaysBeforeAndAfterTheRequest() {
        let held: Set = [F.day("2026-07-01"), F.day("2026-07-03")]
        let error = F.refusal { try rule.check(first: F.day("2026-07-02"), last: F.day("2026-07-02"), heldDays: held) { _ in false } }
        #expect(error == nil)
        let longer = F.refusal {
            try rule.check(first: F.day("2026-07-04"), last: F.day("2026-07-04"),
                           heldDays: held.union([F.day("2026-07-02")])) { _ in false }
        }
        #expect(longer?.code == "consecutive_day_limit")
        #expect(longer?.details["from"] == "2026-07-01")
        #expect(longer?.details["to"] == "2026-07-04")
        #expect(longer?.details["days"] == "4")
    }

    @Test func consecutiveDaysSplitIntoOneDayRequestsStillCountAsOneRun() {
        var held: Set<LocalDate> = []
        var codes: [String?] = []
        for day in ["2026-07-06", "2026-07-07", "2026-07-08", "2026-07-09"] {
            codes.append(F.refusal { try rule.check(first: F.day(day), last: F.day(day), heldDays: held) { _ in false } }?.code)
            held.insert(F.day(day))
        }
        #expect(codes == [nil, nil, nil, "consecutive_day_limit"])
    }

    @Test func theWardsOwnUseIsExemptFromTheConsecutiveDayLimit() {
        let held: Set = [F.day("2026-07-01"), F.day("2026-07-02"), F.day("2026-07-03")]
        #expect(F.refusal { try rule.check(first: F.day("2026-07-04"), last: F.day("2026-07-10"), category: .ward, heldDays: held) { _ in false } } == nil)
        #expect(F.refusal { try rule.check(first: F.day("2026-07-04"), last: F.day("2026-07-04"), category: .general, heldDays: held) { _ in false } }?.code == "consecutive_day_limit")
        #expect(F.refusal { try rule.check(first: F.day("2026-07-04"), last: F.day("2026-07-05"), category: .ward) { $0 == F.day("2026-07-05") } }?.code == "facility_closed")
    }

    @Test func aGapDayEndsTheConsecutiveRun() {
        let held: Set = [F.day("2026-07-01"), F.day("2026-07-02"), F.day("2026-07-03")]
        #expect(F.refusal { try rule.check(first: F.day("2026-07-05"), last: F.day("2026-07-07"), heldDays: held) { _ in false } } == nil)
    }

    @Test func eventEndingBeforeItStartsInvalid() {
        let error = F.refusal { try rule.check(first: F.day("2026-07-02"), last: F.day("2026-07-01")) { _ in false } }
        #expect(error?.code == "date_range_invalid")
    }
}
