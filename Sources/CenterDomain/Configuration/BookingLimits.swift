/// The per-registration booking limits (利用制限), read from one `limits`
/// object: `max_units_per_month`, `exempt_categories`, `max_consecutive_days`.
/// The exempt categories are exempt from both limits.
public struct BookingLimits: Hashable, Sendable, Codable {
    public var monthly: MonthlyLimit
    public var consecutive: ConsecutiveDays

    public init(monthly: MonthlyLimit = MonthlyLimit(), consecutive: ConsecutiveDays = ConsecutiveDays()) {
        self.monthly = monthly
        self.consecutive = consecutive
    }

    public init(from decoder: any Decoder) throws {
        monthly = try MonthlyLimit(from: decoder)
        consecutive = try ConsecutiveDays(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try monthly.encode(to: encoder)
        try consecutive.encode(to: encoder)
    }
}
