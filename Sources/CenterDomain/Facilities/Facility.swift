/// What sort of thing a facility is (施設の種類).
public enum FacilityKind: String, Sendable, Codable, CaseIterable {
    /// A room booked by time division (categories 1 and 2, and category 3 drop-in spaces).
    case room
    /// A flexible desk (フリーデスク) or the pool of them.
    case desk
    /// A mobile locker usable as a registered address (法人登記).
    case locker
    /// An equipment storage bay (備品倉庫).
    case storageBay = "storage_bay"
}

/// A facility of the center (施設): a room, desk, locker or storage bay.
///
/// Source: 条例 第4条 lists the rooms in three categories (第1号 large spaces,
/// 第2号 meeting and activity rooms, 第3号 drop-in spaces); desks, lockers and
/// storage are new with the renovation and have no category. Capacity, floor
/// and fees are not in our sources: they are configuration data, and
/// `placeholder` marks values still to be confirmed.
public struct Facility: Hashable, Sendable, Codable {
    /// Community-quota membership (地域の方の利用枠) with optional overrides.
    public struct Quota: Hashable, Sendable, Codable {
        /// Share held back for community groups; nil uses the center default.
        public var share: Double?
        /// Days before use when the held share is released; nil uses the default.
        public var releaseDays: Int?

        public init(share: Double? = nil, releaseDays: Int? = nil) {
            self.share = share
            self.releaseDays = releaseDays
        }

        enum CodingKeys: String, CodingKey { case share, releaseDays = "release_days" }
    }

    public var id: FacilityID
    public var kind: FacilityKind
    /// 条例 第4条 第1号/第2号/第3号; nil for the renovation's new kinds.
    public var category: Int?
    public var nameJa: String
    public var nameEn: String
    public var floor: Int?
    /// People for rooms, desks for a desk pool, units for a storage bay.
    public var capacity: Int
    /// Divisions it is booked in, in day order.
    public var divisions: [DivisionID]
    /// Fee per division in yen.
    public var fees: [DivisionID: Int]
    /// Present when the facility is a community-quota facility.
    public var quota: Quota?
    /// Whether it is booked at all (category 3 drop-in spaces are not).
    public var bookable: Bool
    /// Whether capacity, floor or fees are placeholder values.
    public var placeholder: Bool

    public init(id: FacilityID, kind: FacilityKind, category: Int?, nameJa: String, nameEn: String,
                floor: Int?, capacity: Int, divisions: [DivisionID], fees: [DivisionID: Int],
                quota: Quota? = nil, bookable: Bool = true, placeholder: Bool = false) {
        self.id = id
        self.kind = kind
        self.category = category
        self.nameJa = nameJa
        self.nameEn = nameEn
        self.floor = floor
        self.capacity = capacity
        self.divisions = divisions
        self.fees = fees
        self.quota = quota
        self.bookable = bookable
        self.placeholder = placeholder
    }

    enum CodingKeys: String, CodingKey {
        case id, kind, category, nameJa = "name_ja", nameEn = "name_en", floor, capacity
        case divisions, fees, quota, bookable, placeholder
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(FacilityID.self, forKey: .id)
        kind = try c.decode(FacilityKind.self, forKey: .kind)
        category = try c.decodeIfPresent(Int.self, forKey: .category)
        nameJa = try c.decode(String.self, forKey: .nameJa)
        nameEn = try c.decode(String.self, forKey: .nameEn)
        floor = try c.decodeIfPresent(Int.self, forKey: .floor)
        capacity = try c.decode(Int.self, forKey: .capacity)
        divisions = try c.decodeIfPresent([DivisionID].self, forKey: .divisions) ?? []
        fees = try c.decodeIfPresent([DivisionID: Int].self, forKey: .fees) ?? [:]
        quota = try c.decodeIfPresent(Quota.self, forKey: .quota)
        bookable = try c.decodeIfPresent(Bool.self, forKey: .bookable) ?? true
        placeholder = try c.decodeIfPresent(Bool.self, forKey: .placeholder) ?? false
    }

    /// Whether the community quota applies to this facility.
    public var isQuotaFacility: Bool { quota != nil }
}
