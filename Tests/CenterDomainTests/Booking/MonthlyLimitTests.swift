import Testing
@testable import CenterDomain

@Suite struct MonthlyLimitTests {
    typealias F = RulesFixtures
    let limit = MonthlyLimit()

    func check(_ booked: Int, _ requested: Int, category: UserCategory = .smallBusiness) -> Refused? {
        F.refusal {
            try limit.check(category: category, month: F.month("2026-07"), facilityClass: "category-2",
                            alreadyBooked: booked, requested: requested)
        }
    }

    @Test func monthlyLimitAcceptsEighthUnit() {
        #expect(check(7, 1) == nil)
    }

    @Test func monthlyLimitRefusesNinthUnit() {
        let error = check(8, 1)
        #expect(error?.code == "monthly_limit_reached")
        #expect(error?.details["limit"] == "8")
        #expect(check(7, 2)?.code == "monthly_limit_reached")
    }

    @Test func monthlyLimitDoesNotApplyToWard() {
        #expect(check(20, 3, category: .ward) == nil)
    }

    @Test func monthlyLimitCountsPerRegistrationMonthAndClass() {
        let bookings = [
            F.unit("meeting-room-1", "2026-07-01", .am),
            F.unit("japanese-room", "2026-07-31", .night),
            F.unit("gym", "2026-07-02", .am),
            F.unit("meeting-room-1", "2026-08-01", .am),
            F.unit("meeting-room-1", "2026-07-03", .am, registration: "reg-2"),
        ]
        let count = MonthlyLimit.unitsBooked(registration: "reg-1", month: F.month("2026-07"), facilityClass: "category-2",
                                             bookings: bookings, catalogue: F.catalogue)
        #expect(count == 2)
        #expect(MonthlyLimit.facilityClass(of: F.catalogue["gym"]!) == "category-1")
    }
}
