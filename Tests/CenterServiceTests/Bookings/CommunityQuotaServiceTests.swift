import CalendarValues
import CenterDomain
import ServiceTestSupport
import Testing
@testable import CenterService

/// The community quota (地域の方の利用枠) in the booking transaction: January
/// 2027 in the small gym has U = 27 open days × 3 = 81 units, so at most
/// floor(81 × 0.7) = 56 go to non-community users until 30 days before use.
struct CommunityQuotaServiceTests {
    let f: BookingFixture

    init() async throws { f = try await BookingFixture() }

    /// Books 56 non-community units of January 2027 for the ward's own use.
    func fillNonCommunityShare() async throws -> Int64 {
        let ward = try await f.register(.ward)
        let days = (4...22).filter { $0 != 18 }.map { "2027-01-\($0 < 10 ? "0" : "")\($0)" }
        for day in days { try await f.book(in: "small-gym", day, [.am, .pm, .night], registration: ward) }
        try await f.book(in: "small-gym", "2027-01-23", [.am, .pm], registration: ward)
        return ward
    }

    @Test func quotaAcceptsUpToExactlyTheNonCommunityCeiling() async throws {
        _ = try await fillNonCommunityShare()
        let report = try await f.service.reports.communityQuota(month: YearMonth(year: 2027, month: 1)!)
        let gym = try #require(report.first { $0.facility == "small-gym" })
        #expect(gym.bookableUnits == 81)
        #expect(gym.nonCommunityCeiling == 56)
        #expect(gym.nonCommunityUnits == 56)
    }

    @Test func quotaRefusesBeyondNonCommunityShareWithTheReleaseDate() async throws {
        _ = try await fillNonCommunityShare()
        let economic = try await f.register(.economicGroup)
        do {
            try await f.book(in: "small-gym", "2027-01-25", [.am], registration: economic)
            Issue.record("the held share was sold")
        } catch {
            let error = try #require(Refused(error))
            #expect(error.code == "community_quota_reserved")
            #expect(error.details["release_date"] == "2026-12-26")
        }
    }

    @Test func communityGroupsStillBookTheHeldShare() async throws {
        _ = try await fillNonCommunityShare()
        let community = try await f.register(.communityGroup)
        let booking = try await f.book(in: "small-gym", "2027-01-25", [.am], registration: community)
        #expect(booking.state == .provisional)
    }

    @Test func theHeldShareIsReleasedThirtyDaysBeforeUse() async throws {
        _ = try await fillNonCommunityShare()
        let economic = try await f.register(.economicGroup)
        f.clock.set(Instant(japanDate: date("2026-12-26"), minuteOfDay: 540))
        let booking = try await f.book(in: "small-gym", "2027-01-25", [.am], registration: economic)
        #expect(booking.state == .provisional)
        let report = try await f.service.reports.communityQuota(month: YearMonth(year: 2027, month: 1)!)
        #expect(report.first { $0.facility == "small-gym" }?.releasedUnits == 1)
    }

    @Test func availabilityShowsHeldUnitsWithTheReleaseDate() async throws {
        _ = try await fillNonCommunityShare()
        let days = try await f.service.bookings.availability(facility: "small-gym", from: date("2027-01-25"), to: date("2027-01-25"),
                                                    category: .economicGroup, for: nil)
        #expect(days.first?.divisions.first?.status == .held)
        #expect(days.first?.divisions.first?.releaseDate == date("2026-12-26"))
        let community = try await f.service.bookings.availability(facility: "small-gym", from: date("2027-01-25"), to: date("2027-01-25"),
                                                         category: .communityGroup, for: nil)
        #expect(community.first?.divisions.first?.status == .free)
    }
}
