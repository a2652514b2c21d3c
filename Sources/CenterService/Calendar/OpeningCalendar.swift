import CalendarValues
import CenterDomain
import Roadmap
internal import Store

/// The center's open and closed days (開館日カレンダー): the configured
/// calendar with the roadmap's works, and the ad-hoc closures (臨時休館)
/// staff declare.
public struct OpeningCalendar: AreaService {
    let context: ServiceContext

    /// The calendar as it stands: the configuration with the works closures
    /// of the roadmap (not the ad-hoc closures, which are in the database).
    public var center: CenterCalendar { context.calendar }

    /// The longest range `days` answers in one request.
    public static let maximumDays = 400

    /// The calendar from `from` through `to` (at most `maximumDays`): the
    /// configured calendar with the roadmap's works, plus the ad-hoc closures
    /// staff declared. Without a facility only whole-center closures count;
    /// with one, its own too.
    public func days(from: LocalDate, to: LocalDate, facility: String?)
        async throws(ServiceError<DateRangeCode>) -> [CalendarDay] {
        try await context.run(DateRangeCode.self) { try await calendarDays(from: from, to: to, facility: facility) }
    }

    private func calendarDays(from: LocalDate, to: LocalDate, facility: String?) async throws -> [CalendarDay] {
        guard from.days(until: to) < Self.maximumDays else {
            throw Refusal(DateRangeCode.rangeTooLong, "at most \(Self.maximumDays) days per request", details: ["parameter": "to"])
        }
        let calendar = self.calendar, roadmap = context.roadmapState.schedule
        let days = try await pool.read { db in try BookableCalendar.load(db, calendar: calendar, from: from, to: to) }
        return from.dates(through: to).map { date in
            CalendarDay(summary: calendar.summary(of: date, facility: facility),
                        adHoc: days.adHocClosures(on: date, facility: facility),
                        manager: roadmap.manager(on: date))
        }
    }
}
