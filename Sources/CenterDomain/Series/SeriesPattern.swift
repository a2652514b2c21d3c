import CalendarValues

/// The pattern of a series booking (定期利用): the same facility and
/// divisions on a weekly or monthly rhythm. JSON:
/// `{"pattern": "weekly", "weekdays": ["tuesday", "friday"]}`,
/// `{"pattern": "monthly_nth_weekday", "week": 2, "weekday": "wednesday"}`
/// (`week` 1…5, or −1 for the last), `{"pattern": "monthly_day", "day": 15}`.
///
/// Source: regular users' standing bookings in comparable facilities (the
/// Tama 産業交流センター's annual 定期順位受付; Minato's 定期利用 contracts);
/// the patterns are our decision (docs/DOMAIN.md "Series bookings (定期利用)").
public enum SeriesPattern: Hashable, Sendable, Codable {
    /// Every week on these days.
    case weekly(weekdays: [Weekday])
    /// The `week`th `weekday` of every month (−1: the last); a month without
    /// a fifth one has no date.
    case monthlyNthWeekday(week: Int, weekday: Weekday)
    /// The same day of every month; a month without that day (the 31st in
    /// June) has no date.
    case monthlyDay(day: Int)

    enum CodingKeys: String, CodingKey { case pattern, weekdays, week, weekday, day }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func weekday(_ text: String, _ key: CodingKeys) throws -> Weekday {
            guard let day = Weekday(english: text) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "expected a weekday such as \"monday\", got \"\(text)\"")
            }
            return day
        }
        let name = try c.decode(String.self, forKey: .pattern)
        switch name {
        case "weekly":
            self = .weekly(weekdays: try c.decode([String].self, forKey: .weekdays).map { try weekday($0, .weekdays) })
        case "monthly_nth_weekday":
            self = .monthlyNthWeekday(week: try c.decode(Int.self, forKey: .week, in: -1...5),
                                      weekday: try weekday(try c.decode(String.self, forKey: .weekday), .weekday))
        case "monthly_day":
            self = .monthlyDay(day: try c.decode(Int.self, forKey: .day, in: 1...31))
        default:
            throw DecodingError.dataCorruptedError(forKey: .pattern, in: c,
                debugDescription: "expected weekly, monthly_nth_weekday or monthly_day, got \"\(name)\"")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .weekly(let days):
            try c.encode("weekly", forKey: .pattern)
            try c.encode(days.map(\.english), forKey: .weekdays)
        case .monthlyNthWeekday(let week, let day):
            try c.encode("monthly_nth_weekday", forKey: .pattern)
            try c.encode(week, forKey: .week)
            try c.encode(day.english, forKey: .weekday)
        case .monthlyDay(let day):
            try c.encode("monthly_day", forKey: .pattern)
            try c.encode(day, forKey: .day)
        }
    }

    /// Whether `date` falls on the pattern.
    public func contains(_ date: LocalDate) -> Bool {
        switch self {
        case .weekly(let days):
            return days.contains(date.weekday)
        case .monthlyNthWeekday(let week, let weekday):
            let nth = { (n: Int) in LocalDate.nthWeekday(n, weekday, year: date.year, month: date.month) }
            return (week == -1 ? nth(5) ?? nth(4) : nth(week)) == date
        case .monthlyDay(let day):
            return date.day == day
        }
    }

    /// Refuses `series_pattern_invalid` for a weekly pattern
    /// without days or with a day twice, a week other than 1…5 or −1, a day
    /// of the month other than 1…31.
    public func check() throws(Refusal<SeriesPattern.Code>) {
        let problem: String?
        switch self {
        case .weekly(let days) where days.isEmpty: problem = "a weekly series needs at least one weekday"
        case .weekly(let days) where Set(days).count != days.count: problem = "a weekday is listed twice"
        case .monthlyNthWeekday(let week, _) where !(1...5).contains(week) && week != -1: problem = "week must be 1…5 or -1 (the last)"
        case .monthlyDay(let day) where !(1...31).contains(day): problem = "day must be 1…31"
        default: problem = nil
        }
        if let problem {
            throw Refusal(.seriesPatternInvalid, "The series pattern is invalid: \(problem).")
        }
    }
}

extension SeriesPattern {
    /// What a pattern no date can follow is refused with.
    public enum Code: String, ErrorCode {
        case seriesPatternInvalid = "series_pattern_invalid"
    }
}
