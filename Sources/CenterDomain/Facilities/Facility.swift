import CalendarValues

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
/// `placeholder` marks values still to be confirmed. A room is booked by time
/// division, or by the hour within its `opening` (`unit: "hour"`, 1時間単位).
public struct Facility: Hashable, Sendable, Codable {
    /// How a room is booked: by time division (時間区分) or by the hour (1時間単位).
    public enum BookingUnit: String, Hashable, Sendable, Codable {
        case division
        case hour
    }

    /// The hours an hourly room may be booked, on the hour: `{"from": "09:00", "to": "21:00"}`.
    public struct OpeningHours: Hashable, Sendable, Codable {
        public var from: LocalTime
        public var to: LocalTime

        public init(from: LocalTime, to: LocalTime) {
            self.from = from
            self.to = to
        }

        /// The whole hours from `from` to `to`.
        public var hours: Int { max(0, (to.minuteOfDay - from.minuteOfDay) / 60) }
    }

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
    /// By division (the default) or by the hour.
    public var unit: BookingUnit
    /// For an hourly room: when it may be booked.
    public var opening: OpeningHours?
    /// For an hourly room: the fee of one hour in yen.
    public var hourlyFee: Int?

    public init(id: FacilityID, kind: FacilityKind, category: Int?, nameJa: String, nameEn: String,
                floor: Int?, capacity: Int, divisions: [DivisionID], fees: [DivisionID: Int],
                quota: Quota? = nil, bookable: Bool = true, placeholder: Bool = false,
                unit: BookingUnit = .division, opening: OpeningHours? = nil, hourlyFee: Int? = nil) {
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
        self.unit = unit
        self.opening = opening
        self.hourlyFee = hourlyFee
    }

    enum CodingKeys: String, CodingKey {
        case id, kind, category, nameJa = "name_ja", nameEn = "name_en", floor, capacity
        case divisions, fees, quota, bookable, placeholder, unit, opening, hourlyFee = "hourly_fee"
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
        unit = try c.decodeIfPresent(BookingUnit.self, forKey: .unit) ?? .division
        opening = try c.decodeIfPresent(OpeningHours.self, forKey: .opening)
        hourlyFee = try c.decodeIfPresent(Int.self, forKey: .hourlyFee)
    }

    /// Whether the community quota applies to this facility.
    public var isQuotaFacility: Bool { quota != nil }

    /// Units of one open day, what the community quota and the reports count:
    /// its divisions, or for an hourly room its opening hours.
    public var unitsPerDay: Int {
        switch unit {
        case .division: divisions.count
        case .hour: opening?.hours ?? 0
        }
    }
}
