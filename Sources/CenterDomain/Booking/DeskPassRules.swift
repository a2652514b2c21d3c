import CalendarValues

/// The flexible-desk pass rules (フリーデスク利用): a registered freelancer
/// books a pass for a date and a period (午前, 午後, 夜間 or the whole day).
///
/// Configurable defaults (the renovation plan; no Nakano rule yet): passes open
/// 14 days ahead, at most 5 days a week (Monday to Sunday) per person, and a
/// pass not checked in by its period's start + 30 minutes is released as a
/// no-show.
public struct DeskPassRules: Hashable, Sendable {
    public var windowDays: Int
    public var weeklyLimit: Int
    public var checkInGraceMinutes: Int
    /// Period ids: division ids and `day`.
    public var periods: [String]

    public init(windowDays: Int = 14, weeklyLimit: Int = 5, checkInGraceMinutes: Int = 30,
                periods: [String] = ["am", "pm", "night", "day"]) {
        self.windowDays = windowDays
        self.weeklyLimit = weeklyLimit
        self.checkInGraceMinutes = checkInGraceMinutes
        self.periods = periods
    }

    public init(_ configuration: DeskConfiguration) {
        self.init(windowDays: configuration.windowDays, weeklyLimit: configuration.weeklyLimit,
                  checkInGraceMinutes: configuration.checkInGraceMinutes, periods: configuration.periods)
    }

    /// Refuses `window_closed` for a past date and `window_not_open` more than
    /// `windowDays` ahead (details: `opens`).
    public func checkWindow(date: LocalDate, today: LocalDate) throws(Refusal<DeskPassRules.Code>) {
        guard date >= today else {
            throw Refusal(.windowClosed, "Desk passes cannot be booked for a past date.",
                          details: ["date": date.description])
        }
        let opens = date.adding(days: -windowDays)
        guard today >= opens else {
            throw Refusal(.windowNotOpen, "Desk passes for \(date) open on \(opens).",
                          details: ["date": date.description, "opens": opens.description])
        }
    }

    /// The Monday starting the week of `date`.
    public static func weekStart(of date: LocalDate) -> LocalDate {
        date.adding(days: -((date.weekday.rawValue + 6) % 7))
    }

    /// Refuses `weekly_limit_reached` when a pass on `date` would make more than
    /// `weeklyLimit` distinct days in its week; `passDates` are the person's live passes.
    public func checkWeeklyLimit(date: LocalDate, passDates: [LocalDate]) throws(Refusal<DeskPassRules.Code>) {
        let week = Self.weekStart(of: date)
        var days = Set(passDates.filter { Self.weekStart(of: $0) == week })
        days.insert(date)
        guard days.count <= weeklyLimit else {
            throw Refusal(.weeklyLimitReached, "At most \(weeklyLimit) desk days a week.",
                          details: ["week_of": week.description, "limit": String(weeklyLimit)])
        }
    }

    /// The instant by which a pass must be checked in: the period's start
    /// (the first division's for `day`) plus the grace;
    /// `period_unknown` for another period.
    public func checkInDeadline(date: LocalDate, period: String, divisions: [Division]) throws(Refusal<DeskPassRules.Code>) -> Instant {
        let division = period == "day" ? divisions.first : divisions.first { $0.id.rawValue == period }
        guard periods.contains(period), let start = division?.startMinute else {
            throw Refusal(.periodUnknown, "No desk period is called \(TextRule.echo(period)).", details: ["period": period])
        }
        return Instant(japanDate: date, minuteOfDay: start + checkInGraceMinutes)
    }

    /// Whether a pass not checked in by `deadline` is a no-show at `now`.
    public func isNoShow(now: Instant, deadline: Instant) -> Bool { now > deadline }
}

extension DeskPassRules {
    /// What issuing a desk pass is refused with by its rules.
    public enum Code: String, ErrorCode {
        case windowClosed = "window_closed"
        case windowNotOpen = "window_not_open"
        case weeklyLimitReached = "weekly_limit_reached"
        case periodUnknown = "period_unknown"
        case notAFreelancer = "not_a_freelancer"
    }

    /// What `checkCheckIn` refuses with.
    public enum CheckInCode: String, ErrorCode {
        case checkInTooEarly = "check_in_too_early"
        case checkInTooLate = "check_in_too_late"
    }

    /// What `checkCancel` refuses with.
    public enum CancelCode: String, ErrorCode {
        case cancelTooLate = "cancel_too_late"
    }
}
