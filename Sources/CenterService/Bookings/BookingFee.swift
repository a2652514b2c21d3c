import CenterDomain

/// A booking's fee as computed when it was taken (使用料): the breakdown of
/// one day of use, the number of days, and the total.
public struct BookingFee: Sendable, Hashable, Codable {
    public let days: Int
    public let perDay: FeeBreakdown
    public let total: Int

    public init(days: Int, perDay: FeeBreakdown) {
        self.days = days
        self.perDay = perDay
        total = perDay.total * days
    }

    enum CodingKeys: String, CodingKey { case days, perDay = "per_day", total }

    /// The yen taken off one day of use by exemptions (減免).
    public var exemptionPerDay: Int { perDay.exemptions.reduce(0) { $0 + $1.amount } }
}
