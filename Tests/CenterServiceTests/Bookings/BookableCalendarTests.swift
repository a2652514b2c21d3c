import CalendarValues
import CenterDomain
import Testing
@testable import CenterService

/// Whether a day is closed is asked reason by reason, without listing the
/// reasons (`CenterCalendar.isOpen`, `BookableCalendar.isClosed`): the
/// answer is the one the listed reasons give, for every day and room.
struct BookableCalendarTests {
    @Test func aDayIsClosedExactlyWhenItHasAReasonWithTheRoadmapsWorksAndAdHocClosures() {
        let settings = BookingFixture.settings
        let calendar = CenterCalendar(policy: settings.calendar.policy, works: settings.roadmap)
        let days = BookableCalendar(calendar: calendar, adHoc: [
            .init(first: date("2026-12-15"), last: date("2026-12-16"), facilities: ["gym"], reason: "Floor works", reasonJa: nil),
            .init(first: date("2027-01-20"), last: date("2027-01-20"), facilities: [], reason: nil, reasonJa: "点検"),
        ])
        let facilities = settings.center.facilities.map(\.id)
        var closed = 0, works = 0
        for date in date("2026-04-01").dates(through: date("2029-03-31")) {
            #expect(calendar.isOpen(date) == calendar.closures(on: date).isEmpty, "\(date)")
            for facility in facilities {
                let reasons = days.closures(on: date, facility: facility)
                #expect(days.isClosed(date, facility: facility) == !reasons.isEmpty, "\(date) \(facility)")
                #expect(calendar.isOpen(date, facility: facility.rawValue)
                        == calendar.closures(on: date, facility: facility.rawValue).isEmpty, "\(date) \(facility)")
                if !reasons.isEmpty { closed += 1 }
                if reasons.contains(where: { $0.kind == .works }) { works += 1 }
            }
        }
        #expect(closed > 1000)
        #expect(works > 0, "the repository's roadmap closes rooms for works")
    }

    /// The closures of a range asked at once (as the availability asks a
    /// month) are each day's asked alone, for every room over three fiscal
    /// years with the roadmap's works and ad-hoc closures.
    @Test func aRangesClosuresAskedAtOnceAreEachDaysAskedAlone() {
        let settings = BookingFixture.settings
        let calendar = CenterCalendar(policy: settings.calendar.policy, works: settings.roadmap)
        let days = BookableCalendar(calendar: calendar, adHoc: [
            .init(first: date("2026-12-15"), last: date("2026-12-16"), facilities: ["gym"], reason: "Floor works", reasonJa: nil),
            .init(first: date("2027-01-20"), last: date("2027-01-20"), facilities: [], reason: nil, reasonJa: "点検"),
        ])
        let dates = date("2026-04-01").dates(through: date("2029-03-31"))
        for facility in settings.center.facilities.map(\.id) {
            let together = days.closures(on: dates, facility: facility)
            for (date, reasons) in zip(dates, together) {
                #expect(reasons == days.closures(on: date, facility: facility), "\(date) \(facility)")
            }
        }
    }

    /// The community quota's U, counted a month at a time
    /// (`bookableUnits(in:facility:)`), is the count of days `isClosed`
    /// leaves open times the room's units per day, for every room and month
    /// of three fiscal years with the roadmap's works and ad-hoc closures.
    @Test func aMonthsBookableUnitsAreItsDaysNotClosedTimesTheRoomsUnitsPerDay() {
        let settings = BookingFixture.settings
        let calendar = CenterCalendar(policy: settings.calendar.policy, works: settings.roadmap)
        let days = BookableCalendar(calendar: calendar, adHoc: [
            .init(first: date("2026-12-15"), last: date("2027-01-16"), facilities: ["gym"], reason: "Floor works", reasonJa: nil),
            .init(first: date("2027-01-20"), last: date("2027-01-20"), facilities: [], reason: nil, reasonJa: "点検"),
        ])
        for offset in 0..<36 {
            let month = YearMonth("2026-04")!.adding(months: offset)
            for facility in settings.center.facilities {
                #expect(days.bookableUnits(in: month, facility: facility)
                        == CommunityQuota.bookableUnits(in: month, divisionsPerDay: facility.unitsPerDay) {
                            days.isClosed($0, facility: facility.id)
                        }, "\(month) \(facility.id)")
            }
        }
    }
}
