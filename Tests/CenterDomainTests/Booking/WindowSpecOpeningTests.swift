import CalendarValues
import Testing
@testable import CenterDomain

/// A category's configured window spec opens on the day the calendar's
/// `WindowOpening` computes, rolled forward past closed days.
struct WindowSpecOpeningTests {
    @Test func firstOfMonthSpecOpensOnTheFirstNMonthsBefore() {
        let opening = WindowSpec.firstOfMonth(monthsBefore: 2).opening
        #expect(opening.opening(for: date("2027-03-15")) { _ in false } == date("2027-01-01"))
    }

    @Test func daysBeforeSpecOpensThatManyDaysBefore() {
        let opening = WindowSpec.daysBefore(14).opening
        #expect(opening.opening(for: date("2026-12-20")) { _ in false } == date("2026-12-06"))
    }

    @Test func anOpeningOnAClosedDayRollsForward() {
        let opening = WindowSpec.firstOfMonth(monthsBefore: 1).opening
        let yearEnd: Set<LocalDate> = [date("2027-01-01"), date("2027-01-02"), date("2027-01-03")]
        #expect(opening.opening(for: date("2027-02-10")) { yearEnd.contains($0) } == date("2027-01-04"))
    }
}
