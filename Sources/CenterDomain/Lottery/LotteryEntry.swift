import CalendarValues

/// One lottery entry (抽選申込み), as the ballot publishes it: an applicant
/// asks for one facility on one date in one or more divisions, and wins all
/// of them or none. Not a booking. Ids are opaque (`E0001`), the applicant a
/// pseudonym of its registration for the round (`A001`), never a name.
public struct LotteryEntry: Hashable, Sendable, Codable {
    public let id: String
    public let applicant: String
    public let facility: FacilityID
    public let date: LocalDate
    /// In the facility's day order, no repeats.
    public let divisions: [DivisionID]

    public init(id: String, applicant: String, facility: FacilityID, date: LocalDate, divisions: [DivisionID]) {
        self.id = id
        self.applicant = applicant
        self.facility = facility
        self.date = date
        self.divisions = divisions
    }

    /// The slots the entry asks for.
    public var slots: [DivisionSlot] { divisions.map { DivisionSlot(facility: facility, date: date, division: $0) } }
}

/// An applicant of a round as the ballot publishes it: its pseudonym, its
/// tier and how many division-units it may still win (`LotteryRound.winsAllowed`).
public struct LotteryApplicant: Hashable, Sendable, Codable {
    public let id: String
    public let tier: String
    public let winsAllowed: Int

    public init(id: String, tier: String, winsAllowed: Int) {
        self.id = id
        self.tier = tier
        self.winsAllowed = winsAllowed
    }

    enum CodingKeys: String, CodingKey { case id, tier, winsAllowed = "wins_allowed" }
}

/// What the community quota (`CommunityQuota`) leaves non-community winners
/// in one facility for the round's month: `ceiling` is floor(U × (1 − share))
/// for the month's `bookableUnits` U, less the non-community units already
/// booked. Published so the replay applies the same limit.
public struct LotteryQuota: Hashable, Sendable, Codable {
    public let facility: FacilityID
    public let bookableUnits: Int
    public let share: Double
    public let ceiling: Int
    public let nonCommunityBooked: Int

    /// The limit of `facility` under `quota` for a month of `bookableUnits`.
    public init(facility: FacilityID, quota: CommunityQuota, bookableUnits: Int, nonCommunityBooked: Int) {
        self.facility = facility
        self.bookableUnits = bookableUnits
        self.share = quota.share
        self.ceiling = quota.nonCommunityCeiling(bookableUnits: bookableUnits)
        self.nonCommunityBooked = nonCommunityBooked
    }

    enum CodingKeys: String, CodingKey {
        case facility, bookableUnits = "bookable_units", share, ceiling, nonCommunityBooked = "non_community_booked"
    }

    /// Units non-community winners may still take.
    public var unitsLeft: Int { max(0, ceiling - nonCommunityBooked) }
}
