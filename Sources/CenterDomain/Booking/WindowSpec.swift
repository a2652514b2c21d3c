/// The rule of a booking window's opening (予約受付開始), exactly as the
/// configuration writes it: `{"rule": "first_of_month", "months_before": 6}`,
/// `{"rule": "same_day_of_month", "months_before": 2}` or
/// `{"rule": "days_before", "days": 14}`. The one rule type of the service:
/// `WindowOpening` is this rule with its roll-forward past closed days, and
/// computes the opening date. Sources: comparable wards (Koto 産業会館: the 1st of
/// the month N months before); 目的外使用規則 第2条 for community groups
/// ("使用しようとする日の2か月前から": the same date two months before).
public enum WindowSpec: Hashable, Sendable, Codable {
    /// The 1st of the month `monthsBefore` months before the month of use.
    case firstOfMonth(monthsBefore: Int)
    /// The same day of the month `monthsBefore` months before the use date;
    /// a day that month lacks (4-30 two months back) is its last day
    /// (2-28, 2-29 in a leap year), as 民法 第143条 第2項 reads a month that
    /// has no corresponding day.
    case sameDayOfMonth(monthsBefore: Int)
    /// That many days before the use date.
    case daysBefore(Int)

    enum CodingKeys: String, CodingKey { case rule, monthsBefore = "months_before", days }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let rule = try c.decode(String.self, forKey: .rule)
        switch rule {
        case "first_of_month": self = .firstOfMonth(monthsBefore: try c.decode(Int.self, forKey: .monthsBefore))
        case "same_day_of_month": self = .sameDayOfMonth(monthsBefore: try c.decode(Int.self, forKey: .monthsBefore))
        case "days_before": self = .daysBefore(try c.decode(Int.self, forKey: .days))
        default:
            throw DecodingError.dataCorruptedError(forKey: .rule, in: c,
                debugDescription: "unknown window rule \"\(rule)\" (expected first_of_month, same_day_of_month or days_before)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .firstOfMonth(let months):
            try c.encode("first_of_month", forKey: .rule)
            try c.encode(months, forKey: .monthsBefore)
        case .sameDayOfMonth(let months):
            try c.encode("same_day_of_month", forKey: .rule)
            try c.encode(months, forKey: .monthsBefore)
        case .daysBefore(let days):
            try c.encode("days_before", forKey: .rule)
            try c.encode(days, forKey: .days)
        }
    }
}
