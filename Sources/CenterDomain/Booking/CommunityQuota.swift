import CalendarValues

/// The community quota (地域の方の利用枠): a share of each quota facility's
/// monthly division-units held back for community groups until shortly before use.
///
/// Source: the renovation plan gives economic groups priority "while securing a
/// certain share for local people"; the mechanism and its parameters (share
/// 0.30, release 30 days) are configurable defaults, comparable wards
/// (Suginami's two-tier lottery).
///
/// For facility r and month m, U is the bookable (not closed) division-units in
/// m. A non-community booking for date d is protected-checked while
/// today < d − releaseDays; it is then accepted only if the non-community units
/// of (r, m) after it are at most floor(U × (1 − share)).
public struct CommunityQuota: Hashable, Sendable, Codable {
    /// Share of U held for community groups, 0…1.
    public var share: Double
    /// Days before use on which the held share is released to everyone.
    public var releaseDays: Int

    public init(share: Double = 0.30, releaseDays: Int = 30) {
        self.share = share
        self.releaseDays = releaseDays
    }

    enum CodingKeys: String, CodingKey { case share = "default_share", releaseDays = "release_days" }

    /// This quota with a facility's overrides applied.
    public func applying(_ override: Facility.Quota?) -> CommunityQuota {
        CommunityQuota(share: override?.share ?? share, releaseDays: override?.releaseDays ?? releaseDays)
    }

    /// The day the held share for `useDate` is released (d − releaseDays).
    public func releaseDate(for useDate: LocalDate) -> LocalDate { useDate.adding(days: -releaseDays) }

    /// Whether a booking made on `today` for `useDate` is protected-checked.
    public func isProtected(useDate: LocalDate, today: LocalDate) -> Bool { today < releaseDate(for: useDate) }

    /// floor(U × (1 − share)), computed in basis points so 0.30 is exact.
    public func nonCommunityCeiling(bookableUnits: Int) -> Int {
        let heldBasisPoints = nearestInteger(share * 10_000)
        return bookableUnits * (10_000 - heldBasisPoints) / 10_000
    }

    /// Bookable division-units of a month: open days × divisions per day.
    public static func bookableUnits(in month: YearMonth, divisionsPerDay: Int, isClosed: (LocalDate) -> Bool) -> Int {
        month.dates.filter { !isClosed($0) }.count * divisionsPerDay
    }

    /// Refuses `community_quota_reserved` (with `release_date`, `ceiling` and
    /// `booked` in details) when a protected non-community booking of
    /// `requestedUnits` would take the month's non-community units above the ceiling.
    public func check(category: UserCategory, useDate: LocalDate, today: LocalDate, bookableUnits: Int,
                      nonCommunityUnitsBooked: Int, requestedUnits: Int) throws(Refusal<CommunityQuota.Code>) {
        guard !category.isCommunity, isProtected(useDate: useDate, today: today) else { return }
        let ceiling = nonCommunityCeiling(bookableUnits: bookableUnits)
        guard nonCommunityUnitsBooked + requestedUnits <= ceiling else {
            let release = releaseDate(for: useDate)
            throw Refusal(.communityQuotaReserved, "These units are held for community groups until \(release).",
                          details: ["release_date": release.description,
                                        "month": useDate.yearMonth.description,
                                        "ceiling": String(ceiling),
                                        "booked": String(nonCommunityUnitsBooked),
                                        "requested": String(requestedUnits)])
        }
    }

    /// Non-community units booked for `facility` in `month`.
    public static func nonCommunityUnits(facility: FacilityID, month: YearMonth, bookings: [BookedUnit]) -> Int {
        bookings.filter { $0.facility == facility && $0.date.yearMonth == month && !$0.category.isCommunity }.count
    }

    /// Whether the non-community units of `facility` in `month` have reached
    /// the ceiling, so its protected dates are held for community groups:
    /// U counts the month's open days (`isClosed`) × `divisionsPerDay`.
    public func isNonCommunityShareUsedUp(facility: FacilityID, month: YearMonth, divisionsPerDay: Int,
                                          bookings: [BookedUnit], isClosed: (LocalDate) -> Bool) -> Bool {
        let bookable = Self.bookableUnits(in: month, divisionsPerDay: divisionsPerDay, isClosed: isClosed)
        return Self.nonCommunityUnits(facility: facility, month: month, bookings: bookings)
            >= nonCommunityCeiling(bookableUnits: bookable)
    }
}

/// The integer nearest to `value`, halves away from zero. Written out because
/// `Double.rounded()` needs libm, which this pure module does not link.
func nearestInteger(_ value: Double) -> Int {
    value >= 0 ? Int(value + 0.5) : -Int(-value + 0.5)
}

extension CommunityQuota {
    /// What the community groups' reserved share refuses.
    public enum Code: String, ErrorCode {
        case communityQuotaReserved = "community_quota_reserved"
    }
}
