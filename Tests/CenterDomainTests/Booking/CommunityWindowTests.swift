import CalendarValues
import Foundation
import Testing
@testable import CenterDomain

/// 目的外使用規則 第2条: community groups apply "使用しようとする日の2か月前から
/// 3日前までに", first come: from the same calendar date two months before the
/// use date until three days before. A date two months earlier that does not
/// exist is the last day of that month (民法 第143条 第2項's reading).
@Suite struct CommunityWindowTests {
    typealias F = RulesFixtures
    let spec = WindowSpec.sameDayOfMonth(monthsBefore: 2)
    let window = CategoryWindow(category: .communityGroup, opens: .sameDayOfMonth(monthsBefore: 2), closesDaysBefore: 3)

    func opens(_ use: String) -> LocalDate { spec.opening.opening(for: F.day(use)) { _ in false } }

    @Test func useOnMay31OpensOnMarch31() {
        #expect(opens("2026-05-31") == F.day("2026-03-31"))
    }

    @Test func useOnApril30OpensOnTheLastDayOfFebruary() {
        #expect(opens("2026-04-30") == F.day("2026-02-28"))
        #expect(opens("2026-04-29") == F.day("2026-02-28"))
        #expect(opens("2026-04-28") == F.day("2026-02-28"))
    }

    @Test func aUseOnApril30IsBookedFromFebruary28NotTheDayBefore() {
        let use = F.day("2026-04-30")
        let early = F.refusal { try window.check(kind: .room, useDate: use, today: F.day("2026-02-27"), windowOpens: opens("2026-04-30")) }
        #expect(early?.code == "window_not_open")
        #expect(early?.details["opens"] == "2026-02-28")
        #expect(F.refusal { try window.check(kind: .room, useDate: use, today: F.day("2026-02-28"), windowOpens: opens("2026-04-30")) } == nil)
        #expect(F.refusal { try window.check(kind: .room, useDate: use, today: F.day("2026-04-27"), windowOpens: opens("2026-04-30")) } == nil)
        #expect(F.refusal { try window.check(kind: .room, useDate: use, today: F.day("2026-04-28"), windowOpens: opens("2026-04-30")) }?.code
            == "window_closed")
    }

    @Test func theCentersConfigurationOpensTheCommunityWindowOnTheSameDate() throws {
        let config = try CenterConfigurationTests.load()
        let opening = try #require(config.window(for: .communityGroup)?.opens?.opening)
        #expect(opening.opening(for: F.day("2026-05-31")) { _ in false } == F.day("2026-03-31"))
        #expect(opening.opening(for: F.day("2027-04-30")) { _ in false } == F.day("2027-02-28"))
        #expect(opening.opening(for: F.day("2028-04-30")) { _ in false } == F.day("2028-02-29"))
        #expect(config.window(for: .communityGroup)?.closesDaysBefore == 3)
    }

    @Test func useOnApril30InALeapYearOpensOnFebruary29() {
        #expect(opens("2028-04-30") == F.day("2028-02-29"))
        #expect(opens("2028-04-29") == F.day("2028-02-29"))
    }

    @Test func useOnMarch31OpensOnJanuary31() {
        #expect(opens("2027-03-31") == F.day("2027-01-31"))
    }

    @Test func useMidMonthOpensOnTheSameDateTwoMonthsBefore() {
        #expect(opens("2026-07-15") == F.day("2026-05-15"))
    }

    @Test func useInFebruaryOpensInDecemberOfTheYearBefore() {
        #expect(opens("2027-02-10") == F.day("2026-12-10"))
    }

    @Test func notOpenTheDayBeforeTheSameDateTwoMonthsBefore() {
        let use = F.day("2026-07-15")
        let error = F.refusal {
            try window.check(kind: .room, useDate: use, today: F.day("2026-05-14"), windowOpens: opens("2026-07-15"))
        }
        #expect(error?.code == "window_not_open")
        #expect(error?.details["opens"] == "2026-05-15")
        #expect(error?.details["closes"] == "2026-07-12")
    }

    @Test func openFromTheSameDateUntilThreeDaysBefore() {
        let use = F.day("2026-07-15")
        for today in ["2026-05-15", "2026-06-30", "2026-07-12"] {
            #expect(F.refusal {
                try window.check(kind: .room, useDate: use, today: F.day(today), windowOpens: opens("2026-07-15"))
            } == nil)
        }
        #expect(F.refusal {
            try window.check(kind: .room, useDate: use, today: F.day("2026-07-13"), windowOpens: opens("2026-07-15"))
        }?.code == "window_closed")
    }

    @Test func anOpeningOnAClosedDayRollsForward() {
        let yearEnd = Set(F.day("2026-12-29").dates(through: F.day("2027-01-03")))
        #expect(spec.opening.opening(for: F.day("2027-03-02")) { yearEnd.contains($0) } == F.day("2027-01-04"))
    }

    @Test func sameDayOfMonthRuleDecodesAndEncodesByItsName() throws {
        let decoded = try decode(WindowSpec.self, #"{"rule": "same_day_of_month", "months_before": 2}"#)
        #expect(decoded == spec)
        #expect(try encodeJSON(spec) == #"{"months_before":2,"rule":"same_day_of_month"}"#)
    }
}
