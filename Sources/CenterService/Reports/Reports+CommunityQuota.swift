import CalendarValues
import CenterDomain
internal import Store

/// One line of the community-quota report (地域の方の利用枠 実績) for a month:
/// `QuotaReport` of a quota facility, as the API shows it.
public struct CommunityQuotaLine: Sendable, Hashable, Encodable {
    public let facility: FacilityID
    public let month: YearMonth
    public let share: Double
    public let bookableUnits: Int
    public let reservedUnits: Int
    public let nonCommunityCeiling: Int
    public let communityUnits: Int
    public let nonCommunityUnits: Int
    public let releasedUnits: Int
    public let unusedReservedUnits: Int

    enum CodingKeys: String, CodingKey {
        case facility, month, share
        case bookableUnits = "bookable_units", reservedUnits = "reserved_units"
        case nonCommunityCeiling = "non_community_ceiling", communityUnits = "community_units"
        case nonCommunityUnits = "non_community_units", releasedUnits = "released_units"
        case unusedReservedUnits = "unused_reserved_units"
    }
}

extension Reports {
    /// Per quota facility for `month`: U, the reserved share, community and
    /// non-community use, and the units released to non-community users.
    public func communityQuota(month: YearMonth) async throws -> [CommunityQuotaLine] {
        let center = settings.center
        let calendar = self.calendar
        return try await pool.read { db in
            let days = try BookableCalendar.load(db, calendar: calendar, from: month.firstDay, to: month.lastDay)
            return try center.facilities.compactMap { facility -> CommunityQuotaLine? in
                guard let quota = center.quota(for: facility.id) else { return nil }
                let bookable = CommunityQuota.bookableUnits(in: month, divisionsPerDay: facility.unitsPerDay) {
                    days.isClosed($0, facility: facility.id)
                }
                let units = try BookingLedger.facilityUnits(db, facility: facility.id, from: month.firstDay, to: month.lastDay)
                let report = QuotaReport(facility: facility.id, month: month, quota: quota, bookableUnits: bookable,
                                         bookings: units.map(\.unit))
                return CommunityQuotaLine(facility: facility.id, month: month, share: report.share,
                                          bookableUnits: report.bookableUnits, reservedUnits: report.reservedUnits,
                                          nonCommunityCeiling: quota.nonCommunityCeiling(bookableUnits: bookable),
                                          communityUnits: report.communityUnits, nonCommunityUnits: report.nonCommunityUnits,
                                          releasedUnits: report.releasedUnits, unusedReservedUnits: report.unusedReservedUnits)
            }
        }
    }
}
