import CalendarValues

/// When a category's booking window opens (受付開始日) for a date of use.
///
/// Tokyo halls count the window in calendar months, not in 30-day blocks
/// (comparable wards): Koto's 6-month window for a use on 8/31 opens on
/// 2/1. The three rules seen in practice:
/// - `first_of_month`: the 1st of the month N months before the month of use
///   (Koto, and this center: docs/DOMAIN.md "Who may book, and when");
/// - `same_day_of_month`: the same day N months before, clamped to the end of
///   a shorter month (Kita-ku);
/// - `days_before`: N days before.
///
/// When `roll_forward_past_closed_days` (default true) and the opening day is
/// closed, the window opens on the next day that is not (Koto opens January
/// windows on 1/4, after the year-end closure). The roll-forward moves at
/// most 366 days, so a calendar closed for good still gives an answer.
///
/// JSON: `{"rule": "first_of_month", "months_before": 6}`,
/// `{"rule": "days_before", "days": 14}`,
/// `{"rule": "same_day_of_month", "months_before": 2}`, each with an optional
/// `"roll_forward_past_closed_days": true`.
public struct WindowOpening: Codable, Sendable, Equatable {
    /// The rule is a category window's own (`WindowSpec`).
    public typealias Rule = WindowSpec

    /// The largest `months_before` accepted (10 years).
    public static let maximumMonths = 120
    /// The largest `days` accepted (10 years).
    public static let maximumDays = 3653

    public var rule: Rule
    public var rollForwardPastClosedDays: Bool

    public init(_ rule: Rule, rollForwardPastClosedDays: Bool = true) {
        self.rule = rule
        self.rollForwardPastClosedDays = rollForwardPastClosedDays
    }

    /// The day bookings for `useDate` open, given which days are closed.
    public func opening(for useDate: LocalDate, isClosed: (LocalDate) -> Bool) -> LocalDate {
        rolledForward(unrolledDay(for: useDate), isClosed: isClosed)
    }

    /// The opening day, rolled past the days `calendar` has the whole center closed.
    public func opening(for useDate: LocalDate, in calendar: CenterCalendar) -> LocalDate {
        opening(for: useDate) { !calendar.isOpen($0) }
    }

    /// The day the rule counts to for `useDate`, before any roll past closed
    /// days: every use date with the same one opens on the same day (all the
    /// days of a month, for `first_of_month`).
    public func unrolledDay(for useDate: LocalDate) -> LocalDate {
        switch rule {
        case .firstOfMonth(let months): useDate.firstOfMonth.adding(months: -months)
        case .sameDayOfMonth(let months): useDate.adding(months: -months)
        case .daysBefore(let days): useDate.adding(days: -days)
        }
    }

    /// `day`, the rule's unrolled day, rolled forward past closed days when
    /// the rule says so (at most 366 days).
    public func rolledForward(_ day: LocalDate, isClosed: (LocalDate) -> Bool) -> LocalDate {
        guard rollForwardPastClosedDays else { return day }
        var day = day
        var checked = 0
        while checked < 366 && isClosed(day) {
            day = day.adding(days: 1)
            checked += 1
        }
        return day
    }

    /// `rolledForward(_:isClosed:)` past the days `calendar` has the whole center closed.
    public func rolledForward(_ day: LocalDate, in calendar: CenterCalendar) -> LocalDate {
        rolledForward(day) { !calendar.isOpen($0) }
    }

    enum CodingKeys: String, CodingKey {
        case rule, monthsBefore = "months_before", days
        case rollForwardPastClosedDays = "roll_forward_past_closed_days"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        rule = try WindowSpec(from: decoder)
        let (value, key, max): (Int, CodingKeys, Int) = switch rule {
        case .firstOfMonth(let months), .sameDayOfMonth(let months): (months, .monthsBefore, Self.maximumMonths)
        case .daysBefore(let days): (days, .days, Self.maximumDays)
        }
        guard (0...max).contains(value) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "\(key.stringValue) must be 0...\(max)")
        }
        rollForwardPastClosedDays = try c.decodeIfPresent(Bool.self, forKey: .rollForwardPastClosedDays) ?? true
    }

    public func encode(to encoder: any Encoder) throws {
        try rule.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(rollForwardPastClosedDays, forKey: .rollForwardPastClosedDays)
    }
}
