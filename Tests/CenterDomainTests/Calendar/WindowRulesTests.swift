import CalendarValues
import Testing
@testable import CenterDomain

/// Booking-window arithmetic (docs/DOMAIN.md "User categories and booking windows") and business days.
struct WindowOpeningTests {
    private let calendar = CenterCalendar(policy: .nakanoDefault)
    private let neverClosed: (LocalDate) -> Bool = { _ in false }

    @Test func firstOfMonthCountsCalendarMonths() {
        // Koto's example: a use on 8/31 with a 6-month window opens on 2/1.
        let opening = WindowOpening(.firstOfMonth(monthsBefore: 6))
        #expect(opening.opening(for: date("2026-08-31"), isClosed: neverClosed) == date("2026-02-01"))
        #expect(opening.opening(for: date("2026-08-01"), isClosed: neverClosed) == date("2026-02-01"))
    }

    @Test func firstOfMonthCrossesYears() {
        let opening = WindowOpening(.firstOfMonth(monthsBefore: 12))
        #expect(opening.opening(for: date("2027-03-15"), isClosed: neverClosed) == date("2026-03-01"))
    }

    @Test func januaryFirstInYearEndRollsToJanuary4() {
        let opening = WindowOpening(.firstOfMonth(monthsBefore: 6))
        #expect(opening.opening(for: date("2027-07-10"), in: calendar) == date("2027-01-04"))
    }

    @Test func openingOnClosedFirstRollsForward() {
        var policy = ClosedDayPolicy.nakanoDefault
        policy.closures = [.init(date: date("2026-03-01"), reason: "Inspection", reasonJa: "点検"),
                           .init(date: date("2026-03-02"), reason: "Inspection", reasonJa: "点検")]
        let opening = WindowOpening(.firstOfMonth(monthsBefore: 6))
        #expect(opening.opening(for: date("2026-09-10"), in: CenterCalendar(policy: policy)) == date("2026-03-03"))
    }

    @Test func rollForwardCanBeTurnedOff() {
        let opening = WindowOpening(.firstOfMonth(monthsBefore: 6), rollForwardPastClosedDays: false)
        #expect(opening.opening(for: date("2027-07-10"), in: calendar) == date("2027-01-01"))
    }

    @Test func rollForwardGivesUpAfterAYear() {
        let opening = WindowOpening(.daysBefore(0))
        // It stops 366 days after the unrolled opening day.
        #expect(opening.opening(for: date("2026-01-01")) { _ in true } == date("2027-01-02"))
    }

    @Test func daysBeforeCountsDays() {
        let opening = WindowOpening(.daysBefore(14))
        #expect(opening.opening(for: date("2026-07-10"), isClosed: neverClosed) == date("2026-06-26"))
    }

    @Test func daysBeforeCrossesLeapDay() {
        let opening = WindowOpening(.daysBefore(1))
        #expect(opening.opening(for: date("2028-03-01"), isClosed: neverClosed) == date("2028-02-29"))
    }

    @Test func sameDayOfMonthClampsToShorterMonth() {
        let opening = WindowOpening(.sameDayOfMonth(monthsBefore: 1))
        #expect(opening.opening(for: date("2028-03-31"), isClosed: neverClosed) == date("2028-02-29"))
        #expect(opening.opening(for: date("2026-03-31"), isClosed: neverClosed) == date("2026-02-28"))
        #expect(opening.opening(for: date("2026-07-15"), isClosed: neverClosed) == date("2026-06-15"))
    }

    @Test func sameDayOfMonthFromLeapDay() {
        let opening = WindowOpening(.sameDayOfMonth(monthsBefore: 12))
        #expect(opening.opening(for: date("2028-02-29"), isClosed: neverClosed) == date("2027-02-28"))
    }

    @Test func sameDayOnRegularClosedDayRollsToNextDay() {
        let opening = WindowOpening(.sameDayOfMonth(monthsBefore: 2))
        // Two months before 2026-08-15 is 2026-06-15, June's third Monday.
        #expect(opening.opening(for: date("2026-08-15"), in: calendar) == date("2026-06-16"))
    }

    @Test func decodesTheThreeShapes() throws {
        #expect(try decode(WindowOpening.self, #"{"rule": "first_of_month", "months_before": 6}"#)
            == WindowOpening(.firstOfMonth(monthsBefore: 6)))
        #expect(try decode(WindowOpening.self, #"{"rule": "days_before", "days": 14}"#)
            == WindowOpening(.daysBefore(14)))
        #expect(try decode(WindowOpening.self, #"{"rule": "same_day_of_month", "months_before": 2, "roll_forward_past_closed_days": false}"#)
            == WindowOpening(.sameDayOfMonth(monthsBefore: 2), rollForwardPastClosedDays: false))
    }

    @Test func encodingRoundTrips() throws {
        let opening = WindowOpening(.firstOfMonth(monthsBefore: 3))
        #expect(try encodeJSON(opening) == #"{"months_before":3,"roll_forward_past_closed_days":true,"rule":"first_of_month"}"#)
    }

    @Test(arguments: [
        #"{"rule": "first_of_month"}"#,
        #"{"rule": "first_of_month", "months_before": -1}"#,
        #"{"rule": "days_before", "months_before": 2}"#,
        #"{"rule": "weeks_before", "weeks": 2}"#,
    ])
    func invalidWindowRuleIsRejected(json: String) {
        #expect(throws: (any Error).self) { try decode(WindowOpening.self, json) }
    }
}

struct WindowClosingTests {
    @Test func closesNDaysBeforeUse() {
        let closing = WindowClosing(daysBefore: 3)
        #expect(closing.lastDay(for: date("2026-07-10")) == date("2026-07-07"))
        #expect(closing.isOpen(on: date("2026-07-07"), for: date("2026-07-10")))
        #expect(!closing.isOpen(on: date("2026-07-08"), for: date("2026-07-10")))
    }

    @Test func decodesDaysBefore() throws {
        #expect(try decode(WindowClosing.self, #"{"days_before": 3}"#) == WindowClosing(daysBefore: 3))
        #expect(throws: (any Error).self) { try decode(WindowClosing.self, #"{"days_before": -3}"#) }
    }
}

struct BusinessDaysTests {
    private let days = BusinessDays(calendar: CenterCalendar(policy: .nakanoDefault))

    @Test func weekendsAreNotBusinessDays() {
        #expect(!days.isBusinessDay(date("2026-07-04")) && !days.isBusinessDay(date("2026-07-05")))
        #expect(days.isBusinessDay(date("2026-07-03")))
    }

    @Test func holidaysAndClosedDaysAreNotBusinessDays() {
        #expect(!days.isBusinessDay(date("2026-07-20")))  // 海の日
        #expect(!days.isBusinessDay(date("2026-07-21")))  // moved regular closed day
        #expect(!days.isBusinessDay(date("2026-12-29")))  // year-end, a Tuesday
    }

    @Test func addingSkipsHolidayAndClosedDay() {
        // From Friday 7/17: Mon 7/20 holiday, Tue 7/21 closed, so 3 business days later is Fri 7/24.
        #expect(days.adding(3, to: date("2026-07-17")) == date("2026-07-24"))
        #expect(days.count(from: date("2026-07-17"), to: date("2026-07-24")) == 3)
    }

    @Test func addingSkipsYearEnd() {
        #expect(days.adding(1, to: date("2026-12-28")) == date("2027-01-04"))
    }

    @Test func subtractingGoesBackward() {
        #expect(days.adding(-1, to: date("2026-07-22")) == date("2026-07-17"))
    }

    @Test func addingZeroIsTheSameDay() {
        #expect(days.adding(0, to: date("2026-07-19")) == date("2026-07-19"))
    }

    @Test func countIsNegativeBackward() {
        #expect(days.count(from: date("2026-07-24"), to: date("2026-07-17")) == -3)
        #expect(days.count(from: date("2026-07-17"), to: date("2026-07-17")) == 0)
    }
}
