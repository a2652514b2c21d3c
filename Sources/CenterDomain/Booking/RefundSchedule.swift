import CalendarValues

/// Who cancelled a booking (取消しの主体).
public enum Canceller: String, Sendable, Codable {
    /// The registration (or staff on its behalf).
    case user
    /// The center: closure, works, or the facility unusable through no fault of the user.
    case center
}

/// The cancellation refund schedule (還付).
///
/// Configurable default, comparable wards (Nerima 区民・産業プラザ: full refund
/// ≥7 days before; Kita 赤羽会館: full refund when the ward cancels): 100% when
/// cancelled ≥7 days before use, 50% from 6 to 3 days, 0% after; 100% whenever
/// the center cancels. Refunds are rounded down to ¥10.
public struct RefundSchedule: Hashable, Sendable, Codable {
    /// A tier: cancelled at least `minDaysBefore` days before use refunds `percent`.
    public struct Tier: Hashable, Sendable, Codable {
        public var minDaysBefore: Int
        public var percent: Int

        public init(minDaysBefore: Int, percent: Int) {
            self.minDaysBefore = minDaysBefore
            self.percent = percent
        }

        enum CodingKeys: String, CodingKey { case minDaysBefore = "min_days_before", percent }
    }

    /// The result of a cancellation.
    public struct Refund: Hashable, Sendable {
        public let percent: Int
        public let amount: Int
        public let daysBefore: Int
    }

    public var tiers: [Tier]
    public var centerCancelPercent: Int
    public var roundingUnit: Int

    public init(tiers: [Tier] = [Tier(minDaysBefore: 7, percent: 100), Tier(minDaysBefore: 3, percent: 50)],
                centerCancelPercent: Int = 100, roundingUnit: Int = 10) {
        self.tiers = tiers
        self.centerCancelPercent = centerCancelPercent
        self.roundingUnit = roundingUnit
    }

    enum CodingKeys: String, CodingKey {
        case tiers, centerCancelPercent = "center_cancel_percent", roundingUnit = "rounding_unit"
    }

    /// The percent refunded: the best tier whose `minDaysBefore` is met, else 0.
    public func percent(cancelledOn: LocalDate, useDate: LocalDate, by canceller: Canceller) -> Int {
        if canceller == .center { return centerCancelPercent }
        let daysBefore = cancelledOn.days(until: useDate)
        return tiers.filter { daysBefore >= $0.minDaysBefore }.map(\.percent).max() ?? 0
    }

    /// The refund of `paid` yen, rounded down to `roundingUnit`.
    public func refund(paid: Int, cancelledOn: LocalDate, useDate: LocalDate, by canceller: Canceller) -> Refund {
        let percent = percent(cancelledOn: cancelledOn, useDate: useDate, by: canceller)
        let raw = paid * percent / 100
        let unit = max(roundingUnit, 1)
        return Refund(percent: percent, amount: raw - raw % unit, daysBefore: cancelledOn.days(until: useDate))
    }
}
