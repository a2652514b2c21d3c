import CalendarValues

/// The monthly community-quota report of one facility (地域の方の利用枠 実績).
///
/// - `bookableUnits`: U, open division-units of the month.
/// - `reservedUnits`: U − floor(U × (1 − share)), the share held for community groups.
/// - `communityUnits`, `nonCommunityUnits`: live units booked by each side.
/// - `releasedUnits`: held units that went to non-community users after
///   release, i.e. non-community units above the ceiling.
/// - `unusedReservedUnits`: held units neither used by community groups nor released.
public struct QuotaReport: Hashable, Sendable {
    public let facility: FacilityID
    public let month: YearMonth
    public let share: Double
    public let bookableUnits: Int
    public let reservedUnits: Int
    public let communityUnits: Int
    public let nonCommunityUnits: Int
    public let releasedUnits: Int
    public let unusedReservedUnits: Int

    /// Computes the report from the live bookings (others are ignored).
    public init(facility: FacilityID, month: YearMonth, quota: CommunityQuota, bookableUnits: Int, bookings: [BookedUnit]) {
        let mine = bookings.filter { $0.facility == facility && $0.date.yearMonth == month }
        let ceiling = quota.nonCommunityCeiling(bookableUnits: bookableUnits)
        self.facility = facility
        self.month = month
        self.share = quota.share
        self.bookableUnits = bookableUnits
        self.reservedUnits = bookableUnits - ceiling
        self.communityUnits = mine.filter { $0.category.isCommunity }.count
        self.nonCommunityUnits = mine.count - communityUnits
        self.releasedUnits = max(0, nonCommunityUnits - ceiling)
        self.unusedReservedUnits = max(0, reservedUnits - communityUnits - releasedUnits)
    }
}
