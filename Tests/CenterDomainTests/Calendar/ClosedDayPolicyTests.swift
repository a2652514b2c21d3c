import Testing
@testable import CenterDomain

/// The closed-day configuration's JSON shape.
struct ClosedDayPolicyTests {
    static let json = #"""
    {"year_end": {"from": "12-29", "to": "01-03"},
     "regular_closed_day": {"week_of_month": 3, "weekday": "monday", "if_holiday": "next_non_holiday"},
     "open_on_holidays": true,
     "closures": [{"date": "2026-08-17", "reason": "Electrical inspection", "reason_ja": "電気設備点検", "facilities": []}]}
    """#

    @Test func decodesConfiguredShape() throws {
        let policy = try decode(ClosedDayPolicy.self, Self.json)
        #expect(policy.yearEnd == ClosedDayPolicy.YearEnd(from: MonthDay("12-29")!, to: MonthDay("01-03")!))
        #expect(policy.regularClosedDay == .init(weekOfMonth: 3, weekday: .monday, ifHoliday: .nextNonHoliday))
        #expect(policy.openOnHolidays)
        #expect(policy.closures == [.init(date: date("2026-08-17"), reason: "Electrical inspection", reasonJa: "電気設備点検")])
    }

    @Test func defaultPolicyEqualsConfiguredShapeWithoutClosures() throws {
        var policy = try decode(ClosedDayPolicy.self, Self.json)
        policy.closures = []
        #expect(policy == ClosedDayPolicy.nakanoDefault)
    }

    @Test func encodingRoundTrips() throws {
        let policy = try decode(ClosedDayPolicy.self, Self.json)
        #expect(try decode(ClosedDayPolicy.self, encodeJSON(policy)) == policy)
        #expect(try encodeJSON(policy).contains(#""weekday":"monday""#))
    }

    @Test func nullRegularClosedDayMeansNone() throws {
        let policy = try decode(ClosedDayPolicy.self, #"{"year_end": null, "regular_closed_day": null, "open_on_holidays": false}"#)
        #expect(policy.regularClosedDay == nil && policy.yearEnd == nil && policy.closures.isEmpty)
    }

    @Test func sameDayHolidayRuleDecodes() throws {
        let rule = try decode(ClosedDayPolicy.RegularClosedDay.self, #"{"week_of_month": 2, "weekday": "sunday", "if_holiday": "same_day"}"#)
        #expect(rule == .init(weekOfMonth: 2, weekday: .sunday, ifHoliday: .sameDay))
    }

    @Test(arguments: [
        #"{"week_of_month": 3, "weekday": "mon", "if_holiday": "same_day"}"#,
        #"{"week_of_month": 3, "weekday": 1, "if_holiday": "same_day"}"#,
        #"{"week_of_month": 6, "weekday": "monday", "if_holiday": "same_day"}"#,
        #"{"week_of_month": 3, "weekday": "monday", "if_holiday": "previous_day"}"#,
    ])
    func invalidRegularClosedDayIsRejected(json: String) {
        #expect(throws: (any Error).self) { try decode(ClosedDayPolicy.RegularClosedDay.self, json) }
    }

    @Test func invalidYearEndDayIsRejected() {
        #expect(throws: (any Error).self) {
            try decode(ClosedDayPolicy.YearEnd.self, #"{"from": "12-32", "to": "01-03"}"#)
        }
    }

    @Test func yearEndWrapsPastDecember31() {
        let yearEnd = ClosedDayPolicy.nakanoDefault.yearEnd!
        #expect(yearEnd.contains(date("2026-12-29")) && yearEnd.contains(date("2027-01-03")))
        #expect(!yearEnd.contains(date("2026-12-28")) && !yearEnd.contains(date("2027-01-04")))
    }
}
