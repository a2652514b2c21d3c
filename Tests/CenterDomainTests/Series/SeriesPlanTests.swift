import CalendarValues
import Testing
@testable import CenterDomain

/// Series bookings (定期利用): the dates of a weekly or monthly pattern up
/// to the category's window, each answered booked or refused with its code.
@Suite struct SeriesPlanTests {
    typealias F = RulesFixtures

    func plan(_ pattern: SeriesPattern, _ from: String, _ through: String) throws -> SeriesPlan {
        try SeriesPlan(pattern: pattern, from: F.day(from), through: F.day(through))
    }

    @Test func weeklyOnTuesdaysAndFridays() throws {
        let dates = try plan(.weekly(weekdays: [.tuesday, .friday]), "2026-07-01", "2026-07-15").dates(horizon: nil).withinWindow
        #expect(dates == ["2026-07-03", "2026-07-07", "2026-07-10", "2026-07-14"].map(F.day))
    }

    @Test func monthlyOnTheSecondWednesday() throws {
        let dates = try plan(.monthlyNthWeekday(week: 2, weekday: .wednesday), "2026-07-01", "2026-09-30").dates(horizon: nil).withinWindow
        #expect(dates == ["2026-07-08", "2026-08-12", "2026-09-09"].map(F.day))
    }

    @Test func monthlyOnTheLastFriday() throws {
        let dates = try plan(.monthlyNthWeekday(week: -1, weekday: .friday), "2026-07-01", "2026-09-30").dates(horizon: nil).withinWindow
        #expect(dates == ["2026-07-31", "2026-08-28", "2026-09-25"].map(F.day))
    }

    @Test func aMonthWithoutAFifthWeekdayHasNoDate() throws {
        let dates = try plan(.monthlyNthWeekday(week: 5, weekday: .monday), "2026-06-01", "2026-08-31").dates(horizon: nil).withinWindow
        #expect(dates == ["2026-06-29", "2026-08-31"].map(F.day))
    }

    @Test func monthlyOnTheSameDaySkipsMonthsWithoutIt() throws {
        let dates = try plan(.monthlyDay(day: 31), "2026-07-01", "2026-10-31").dates(horizon: nil).withinWindow
        #expect(dates == ["2026-07-31", "2026-08-31", "2026-10-31"].map(F.day))
    }

    @Test func datesPastTheWindowAreListedApart() throws {
        let split = try plan(.weekly(weekdays: [.monday]), "2026-07-01", "2026-08-31").dates(horizon: F.day("2026-07-31"))
        #expect(split.withinWindow.count == 4)
        #expect(split.afterWindow == ["2026-08-03", "2026-08-10", "2026-08-17", "2026-08-24", "2026-08-31"].map(F.day))
    }

    @Test func theHorizonOfAFirstOfMonthWindowIsTheEndOfTheMonthNMonthsAhead() {
        let horizon = SeriesPlan.horizon(opening: WindowSpec.firstOfMonth(monthsBefore: 3).opening, today: F.day("2026-07-10")) { _ in false }
        #expect(horizon == F.day("2026-10-31"))
    }

    @Test func theHorizonOfTheCommunityWindowIsTheSameDateTwoMonthsAhead() {
        let opening = WindowSpec.sameDayOfMonth(monthsBefore: 2).opening
        #expect(SeriesPlan.horizon(opening: opening, today: F.day("2026-07-10")) { _ in false } == F.day("2026-09-10"))
        #expect(SeriesPlan.horizon(opening: opening, today: F.day("2026-02-28")) { _ in false } == F.day("2026-04-30"))
        #expect(SeriesPlan.horizon(opening: opening, today: F.day("2026-12-30")) { _ in false } == F.day("2027-02-28"))
    }

    @Test func theHorizonStopsWhereAClosedDayDelaysTheOpening() {
        let opening = WindowSpec.firstOfMonth(monthsBefore: 1).opening
        let yearEnd = Set(F.day("2026-12-29").dates(through: F.day("2027-01-03")))
        #expect(SeriesPlan.horizon(opening: opening, today: F.day("2027-01-02")) { yearEnd.contains($0) } == F.day("2027-01-31"))
    }

    @Test func aCategoryWithoutWindowHasNoHorizon() {
        #expect(SeriesPlan.horizon(opening: nil, today: F.day("2026-07-10")) { _ in false } == nil)
    }

    @Test func aSeriesEndsNoEarlierThanItStartsAndSpansAtMostAYear() {
        #expect(F.refusal { _ = try plan(.monthlyDay(day: 1), "2026-07-02", "2026-07-01") }?.code == "date_range_invalid")
        #expect(F.refusal { _ = try plan(.monthlyDay(day: 1), "2026-07-01", "2027-07-01") }?.code == "series_too_long")
        #expect(F.refusal { _ = try plan(.monthlyDay(day: 1), "2026-07-01", "2027-06-30") } == nil)
    }

    @Test func aPatternMustMakeSense() {
        for pattern: SeriesPattern in [.weekly(weekdays: []), .weekly(weekdays: [.monday, .monday]),
                                       .monthlyNthWeekday(week: 0, weekday: .monday), .monthlyDay(day: 32)] {
            #expect(F.refusal { _ = try plan(pattern, "2026-07-01", "2026-07-31") }?.code == "series_pattern_invalid")
        }
    }

    @Test func eachDateIsAnsweredBookedOrRefusedWithItsCode() throws {
        var booked = 0
        let results = try SeriesBooking.attempt(["2026-07-07", "2026-07-14", "2026-07-21"].map(F.day), as: BookingRule.self) {
            (date: LocalDate) throws(Refusal<BookingRule>) -> Int in
            if date == F.day("2026-07-14") { throw Refusal(.slotTaken, "taken") }
            guard booked < 1 else { throw Refusal(.monthlyLimitReached, "limit") }
            booked += 1
            return booked
        }
        #expect(results.map(\.date) == ["2026-07-07", "2026-07-14", "2026-07-21"].map(F.day))
        #expect(results.map(\.refusalCode) == [nil, "slot_taken", "monthly_limit_reached"])
    }

    @Test func anErrorThatIsNoRefusalStopsTheSeries() {
        struct StoreFailed: Error {}
        #expect(throws: StoreFailed.self) {
            _ = try SeriesBooking.attempt(["2026-07-07", "2026-07-14"].map(F.day), as: BookingRule.self) { _ -> Int in
                throw StoreFailed()
            }
        }
    }

    @Test func patternsDecodeAndEncodeWithWeekdayNames() throws {
        let weekly = try decode(SeriesPattern.self, #"{"pattern":"weekly","weekdays":["tuesday","friday"]}"#)
        #expect(weekly == .weekly(weekdays: [.tuesday, .friday]))
        #expect(try encodeJSON(weekly) == #"{"pattern":"weekly","weekdays":["tuesday","friday"]}"#)
        #expect(try decode(SeriesPattern.self, #"{"pattern":"monthly_nth_weekday","week":-1,"weekday":"friday"}"#)
            == .monthlyNthWeekday(week: -1, weekday: .friday))
        #expect(throws: DecodingError.self) { try decode(SeriesPattern.self, #"{"pattern":"weekly","weekdays":["tue"]}"#) }
        #expect(throws: DecodingError.self) { try decode(SeriesPattern.self, #"{"pattern":"monthly_day","day":0}"#) }
    }
}

/// Two booking rules' codes, for a series whose dates they refuse.
private enum BookingRule: String, ErrorCode {
    case slotTaken = "slot_taken"
    case monthlyLimitReached = "monthly_limit_reached"
}
