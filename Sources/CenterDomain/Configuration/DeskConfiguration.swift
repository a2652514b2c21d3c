/// The flexible desks (フリーデスク): a pool of desks open during the center's
/// hours, booked as passes by registered freelancers.
///
/// Configurable defaults (the renovation plan; no Nakano rule yet): 20 desks,
/// periods 午前/午後/夜間 or a whole day, a 14-day window, at most 5 days a week
/// per person, check-in within 30 minutes of the start, free of charge.
public struct DeskConfiguration: Hashable, Sendable, Codable {
    /// One desk of the pool.
    public struct Desk: Hashable, Sendable, Codable {
        public var id: FacilityID
        /// Equipment such as `power`, `monitor`.
        public var features: [String]

        public init(id: FacilityID, features: [String]) {
            self.id = id
            self.features = features
        }
    }

    /// The catalogue facility (kind desk) that stands for the pool.
    public var pool: FacilityID
    public var count: Int
    public var desks: [Desk]
    /// Features a desk may list.
    public var features: [String]
    /// Bookable periods: division ids and `day`.
    public var periods: [String]
    public var windowDays: Int
    public var weeklyLimit: Int
    public var checkInGraceMinutes: Int
    /// Fee per period in yen.
    public var fee: Int

    enum CodingKeys: String, CodingKey {
        case pool, count, desks, features, periods, windowDays = "window_days", weeklyLimit = "weekly_limit"
        case checkInGraceMinutes = "check_in_grace_minutes", fee
    }
}
