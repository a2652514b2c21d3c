import Foundation
import Testing
@testable import CenterDomain

@Suite struct CategoryWindowTests {
    typealias F = RulesFixtures
    let economic = CategoryWindow(category: .economicGroup, opens: .firstOfMonth(monthsBefore: 6))
    let community = CategoryWindow(category: .communityGroup, opens: .firstOfMonth(monthsBefore: 2), closesDaysBefore: 3)

    @Test func windowRefusesDayBeforeOpening() {
        let error = F.refusal {
            try economic.check(kind: .room, useDate: F.day("2026-08-31"), today: F.day("2026-01-31"), windowOpens: F.day("2026-02-01"))
        }
        #expect(error?.code == "window_not_open")
        #expect(error?.details["opens"] == "2026-02-01")
    }

    @Test func windowAcceptsOnOpeningDay() {
        #expect(F.refusal {
            try economic.check(kind: .room, useDate: F.day("2026-08-31"), today: F.day("2026-02-01"), windowOpens: F.day("2026-02-01"))
        } == nil)
    }

    @Test func communityWindowOpenThreeDaysBeforeUse() {
        #expect(F.refusal {
            try community.check(kind: .room, useDate: F.day("2026-07-10"), today: F.day("2026-07-07"), windowOpens: F.day("2026-05-01"))
        } == nil)
    }

    @Test func communityWindowClosesTwoDaysBeforeUse() {
        let error = F.refusal {
            try community.check(kind: .room, useDate: F.day("2026-07-10"), today: F.day("2026-07-08"), windowOpens: F.day("2026-05-01"))
        }
        #expect(error?.code == "window_closed")
        #expect(error?.details["closes"] == "2026-07-07")
    }

    @Test func windowWithoutClosingRuleOpenThroughUseDate() {
        #expect(F.refusal {
            try economic.check(kind: .room, useDate: F.day("2026-07-10"), today: F.day("2026-07-10"), windowOpens: F.day("2026-01-01"))
        } == nil)
        #expect(F.refusal {
            try economic.check(kind: .room, useDate: F.day("2026-07-10"), today: F.day("2026-07-11"), windowOpens: F.day("2026-01-01"))
        }?.code == "window_closed")
    }

    @Test func freelancerMayNotBookRooms() {
        let freelancer = CategoryWindow(category: .freelancer, opens: nil, kinds: [.desk])
        let error = F.refusal {
            try freelancer.check(kind: .room, useDate: F.day("2026-07-10"), today: F.day("2026-07-01"), windowOpens: F.day("2026-06-26"))
        }
        #expect(error?.code == "category_not_permitted")
    }

    @Test func windowSpecDecodesBothRuleShapes() throws {
        let decoder = JSONDecoder()
        let months = try decoder.decode(WindowSpec.self, from: Data(#"{"rule": "first_of_month", "months_before": 6}"#.utf8))
        let days = try decoder.decode(WindowSpec.self, from: Data(#"{"rule": "days_before", "days": 14}"#.utf8))
        #expect(months == .firstOfMonth(monthsBefore: 6))
        #expect(days == .daysBefore(14))
        #expect(throws: DecodingError.self) {
            try decoder.decode(WindowSpec.self, from: Data(#"{"rule": "same_day", "days": 1}"#.utf8))
        }
    }
}
