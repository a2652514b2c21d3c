import CalendarValues

/// When a booking window closes for a date of use (受付締切): bookings are
/// taken until N days before the use, inclusive. Community groups book
/// "until 3 days before use" (目的外使用規則 第2条, docs/DOMAIN.md): for a use on
/// 7/10 the last day is 7/7. JSON: `{"days_before": 3}`.
public struct WindowClosing: Codable, Sendable, Equatable {
    public var daysBefore: Int

    public init(daysBefore: Int) { self.daysBefore = daysBefore }

    /// The last day on which a booking for `useDate` is taken.
    public func lastDay(for useDate: LocalDate) -> LocalDate { useDate.adding(days: -daysBefore) }

    /// Whether a booking for `useDate` may still be made on `today`.
    public func isOpen(on today: LocalDate, for useDate: LocalDate) -> Bool { today <= lastDay(for: useDate) }

    enum CodingKeys: String, CodingKey {
        case daysBefore = "days_before"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        daysBefore = try c.decode(Int.self, forKey: .daysBefore)
        guard (0...WindowOpening.maximumDays).contains(daysBefore) else {
            throw DecodingError.dataCorruptedError(forKey: .daysBefore, in: c, debugDescription: "days_before must be 0...\(WindowOpening.maximumDays)")
        }
    }
}
