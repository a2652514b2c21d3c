import Testing
@testable import CenterDomain

@Suite struct CommunityQuotaTests {
    typealias F = RulesFixtures
    let quota = CommunityQuota(share: 0.30, releaseDays: 30)
    // July 2026: 31 days, the 3rd Monday (07-20) closed → 30 open days × 3 divisions.
    let units = 90

    func check(booked: Int, requested: Int = 1, today: String, category: UserCategory = .economicGroup) -> Refused? {
        F.refusal {
            try quota.check(category: category, useDate: F.day("2026-07-31"), today: F.day(today),
                            bookableUnits: units, nonCommunityUnitsBooked: booked, requestedUnits: requested)
        }
    }

    @Test func bookableUnitsSkipClosedDays() {
        let u = CommunityQuota.bookableUnits(in: F.month("2026-07"), divisionsPerDay: 3) { $0 == F.day("2026-07-20") }
        #expect(u == 90)
    }

    @Test func ceilingIsFloorOfNonCommunityShare() {
        #expect(quota.nonCommunityCeiling(bookableUnits: 90) == 63)
        #expect(quota.nonCommunityCeiling(bookableUnits: 10) == 7)
        #expect(quota.nonCommunityCeiling(bookableUnits: 11) == 7)
        #expect(quota.nonCommunityCeiling(bookableUnits: 87) == 60)
    }

    @Test func quotaAcceptsUpToNonCommunityShare() {
        #expect(check(booked: 62, today: "2026-06-01") == nil)
    }

    @Test func quotaRefusesBeyondNonCommunityShare() {
        let error = check(booked: 63, today: "2026-06-01")
        #expect(error?.code == "community_quota_reserved")
        #expect(error?.details["release_date"] == "2026-07-01")
        #expect(error?.details["ceiling"] == "63")
    }

    @Test func quotaCountsEveryRequestedUnit() {
        #expect(check(booked: 61, requested: 2, today: "2026-06-01") == nil)
        #expect(check(booked: 61, requested: 3, today: "2026-06-01")?.code == "community_quota_reserved")
    }

    @Test func quotaProtectsDayBeforeRelease() {
        #expect(check(booked: 63, today: "2026-06-30")?.code == "community_quota_reserved")
    }

    @Test func quotaReleasedOnReleaseDay() {
        #expect(check(booked: 63, today: "2026-07-01") == nil)
        #expect(check(booked: 89, today: "2026-07-01") == nil)
    }

    @Test func quotaNeverRefusesCommunityGroups() {
        #expect(check(booked: 63, today: "2026-06-01", category: .communityGroup) == nil)
    }

    @Test func facilityOverrideReplacesDefaults() {
        let custom = quota.applying(Facility.Quota(share: 0.5, releaseDays: nil))
        #expect(custom.share == 0.5)
        #expect(custom.releaseDays == 30)
        #expect(custom.nonCommunityCeiling(bookableUnits: 90) == 45)
        #expect(quota.applying(nil) == quota)
    }

    @Test func nonCommunityUnitsCountOnlyFacilityAndMonth() {
        let bookings = [
            F.unit("gym", "2026-07-01", .am),
            F.unit("gym", "2026-07-02", .pm, category: .communityGroup),
            F.unit("gym", "2026-08-01", .am),
            F.unit("small-gym", "2026-07-01", .am),
        ]
        #expect(CommunityQuota.nonCommunityUnits(facility: "gym", month: F.month("2026-07"), bookings: bookings) == 1)
    }

    @Test func quotaReportShowsHeldShareUseAndRelease() {
        let first = F.day("2026-07-01")
        let community = (0..<10).map { i in
            BookedUnit(facility: "gym", date: first.adding(days: 21 + i), division: .night, registration: "c", category: .communityGroup)
        }
        let others = (0..<65).map { i in
            BookedUnit(facility: "gym", date: first.adding(days: i / 3), division: [DivisionID.am, .pm, .night][i % 3],
                       registration: "b", category: .smallBusiness)
        }
        let report = QuotaReport(facility: "gym", month: F.month("2026-07"), quota: quota, bookableUnits: 90,
                                 bookings: community + others + [F.unit("gym", "2026-08-01", .am)])
        #expect(report.bookableUnits == 90)
        #expect(report.reservedUnits == 27)
        #expect(report.communityUnits == 10)
        #expect(report.nonCommunityUnits == 65)
        #expect(report.releasedUnits == 2)
        #expect(report.unusedReservedUnits == 15)
    }

    @Test func theShareIsUsedUpWhenNonCommunityUnitsReachTheCeiling() {
        let nonCommunity = (1...21).flatMap { day in
            [DivisionID.am, .pm, .night].map { F.unit("gym", "2026-07-\(day < 10 ? "0" : "")\(day)", $0) }
        }
        func usedUp(_ bookings: [BookedUnit]) -> Bool {
            quota.isNonCommunityShareUsedUp(facility: "gym", month: F.month("2026-07"), divisionsPerDay: 3, bookings: bookings) {
                $0 == F.day("2026-07-20")
            }
        }
        #expect(nonCommunity.count == 63)
        #expect(usedUp(nonCommunity))
        #expect(!usedUp(Array(nonCommunity.dropLast())))
        #expect(!usedUp(Array(nonCommunity.dropLast()) + [F.unit("gym", "2026-07-31", .am, category: .communityGroup)]))
    }
}
