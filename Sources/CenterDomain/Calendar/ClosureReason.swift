/// Why the center (or a facility) is closed on a day. Several may apply at once.
public struct ClosureReason: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        /// 年末年始: the year-end closure.
        case yearEnd = "year_end"
        /// 定期休館日: the monthly regular closed day.
        case regularClosedDay = "regular_closed_day"
        /// A public holiday, when the center is configured closed on holidays.
        case holiday
        /// 臨時休館: an ad-hoc closure, with its reason.
        case adHoc = "ad_hoc"
        /// A closure for works, with the roadmap item.
        case works
    }

    public let kind: Kind
    /// The reason in English (ad-hoc closures and holidays).
    public let reason: String?
    /// The reason in Japanese (ad-hoc closures and holidays).
    public let reasonJa: String?
    /// The roadmap item (works).
    public let itemID: String?
    /// The facilities closed; empty when the whole center is.
    public let facilities: [String]

    public init(kind: Kind, reason: String? = nil, reasonJa: String? = nil, itemID: String? = nil, facilities: [String] = []) {
        self.kind = kind
        self.reason = reason
        self.reasonJa = reasonJa
        self.itemID = itemID
        self.facilities = facilities
    }

    enum CodingKeys: String, CodingKey {
        case kind, reason, reasonJa = "reason_ja", itemID = "item_id", facilities
    }
}
