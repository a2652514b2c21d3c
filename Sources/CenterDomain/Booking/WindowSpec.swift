/// The raw booking-window rule of a category (予約受付開始), exactly as the
/// configuration writes it: `{"rule": "first_of_month", "months_before": 6}` or
/// `{"rule": "days_before", "days": 14}`.
///
/// The calendar module's `WindowOpening` computes the opening date (with
/// closed-day roll-forward); this value only carries the spec so the rules
/// compile independently. Source: comparable wards (Koto 産業会館: the 1st of
/// the month N months before), configurable default.
public enum WindowSpec: Hashable, Sendable, Codable {
    /// The 1st of the month `monthsBefore` months before the month of use.
    case firstOfMonth(monthsBefore: Int)
    /// `days` days before the use date.
    case daysBefore(days: Int)

    enum CodingKeys: String, CodingKey { case rule, monthsBefore = "months_before", days }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let rule = try c.decode(String.self, forKey: .rule)
        switch rule {
        case "first_of_month": self = .firstOfMonth(monthsBefore: try c.decode(Int.self, forKey: .monthsBefore))
        case "days_before": self = .daysBefore(days: try c.decode(Int.self, forKey: .days))
        default:
            throw DecodingError.dataCorruptedError(forKey: .rule, in: c,
                debugDescription: "unknown window rule \"\(rule)\" (expected first_of_month or days_before)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .firstOfMonth(let months):
            try c.encode("first_of_month", forKey: .rule)
            try c.encode(months, forKey: .monthsBefore)
        case .daysBefore(let days):
            try c.encode("days_before", forKey: .rule)
            try c.encode(days, forKey: .days)
        }
    }
}
