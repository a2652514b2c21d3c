import Testing
@testable import CenterDomain

@Suite struct RegistrationTests {
    typealias F = RulesFixtures
    let validity = RegistrationValidity()

    func registration(from: String = "2026-04-01", until: String = "2028-03-31") -> Registration {
        Registration(id: "reg-1", category: .economicGroup, name: "中野区商店街連合会",
                     validFrom: F.day(from), validUntil: F.day(until))
    }

    @Test func registrationValidAtMostTwoYears() {
        #expect(F.refusal { try validity.check(validFrom: F.day("2026-04-01"), validUntil: F.day("2028-03-31")) } == nil)
        let error = F.refusal { try validity.check(validFrom: F.day("2026-04-01"), validUntil: F.day("2028-04-01")) }
        #expect(error?.code == "validity_too_long")
        #expect(error?.details["latest_valid_until"] == "2028-03-31")
    }

    @Test func aCardIssuedOnTheTwentyNinthOfFebruaryRunsToTheEndOfFebruaryTwoYearsLater() {
        // 民法 第143条第2項: no 29 February in 2030, so the period ends on its month's last day.
        #expect(validity.longestValidUntil(issued: F.day("2028-02-29")) == F.day("2030-02-28"))
        #expect(validity.longestValidUntil(issued: F.day("2028-02-28")) == F.day("2030-02-27"))
        #expect(validity.longestValidUntil(issued: F.day("2028-03-01")) == F.day("2030-02-28"))
        #expect(F.refusal { try validity.check(validFrom: F.day("2028-02-29"), validUntil: F.day("2030-02-28")) } == nil)
        // A card issued the day before and renewed on the 29th would run a day
        // longer: an early renewal, not a harmless repeat.
        let issued = Registration(id: "r", category: .general, name: "n", validFrom: F.day("2028-02-28"),
                                  validUntil: F.day("2030-02-27"))
        #expect(F.refusal { _ = try validity.renewed(issued, today: F.day("2028-02-29")) }?.code == "renewal_not_open")
    }

    @Test func registrationMayNotEndBeforeItStarts() {
        #expect(F.refusal { try validity.check(validFrom: F.day("2026-04-01"), validUntil: F.day("2026-03-31")) }?.code == "validity_invalid")
    }

    @Test func renewalIssuesTheCardAnewForTwoYearsFromTheRenewalDay() throws {
        let renewed = try validity.renewed(registration(), today: F.day("2028-03-01"))
        #expect(renewed.validFrom == F.day("2028-03-01"))
        #expect(renewed.validUntil == F.day("2030-02-28"))
    }

    @Test func renewalOfLapsedRegistrationStartsToday() throws {
        let renewed = try validity.renewed(registration(), today: F.day("2028-05-10"))
        #expect(renewed.validFrom == F.day("2028-05-10"))
        #expect(renewed.validUntil == F.day("2030-05-09"))
    }

    @Test func renewalOpensSixtyDaysBeforeTheLastValidDay() throws {
        let early = F.refusal { _ = try validity.renewed(registration(), today: F.day("2028-01-30")) }
        #expect(early?.code == "renewal_not_open")
        #expect(early?.details["opens"] == "2028-01-31")
        #expect(try validity.renewed(registration(), today: F.day("2028-01-31")).validUntil == F.day("2030-01-30"))
    }

    @Test func repeatedRenewalChangesNothing() throws {
        let once = try validity.renewed(registration(), today: F.day("2028-03-01"))
        #expect(try validity.renewed(once, today: F.day("2028-03-01")) == once)
        #expect(F.refusal { _ = try validity.renewed(once, today: F.day("2028-03-02")) }?.code == "renewal_not_open")
    }

    @Test func renewalNeverReachesBeyondTwoYearsFromTheRenewalDay() throws {
        var current = registration()
        for day in ["2028-02-15", "2030-01-01", "2031-12-20"] {
            current = try validity.renewed(current, today: F.day(day))
            #expect(current.validUntil <= validity.longestValidUntil(issued: F.day(day)))
            #expect(F.refusal { try validity.check(validFrom: current.validFrom, validUntil: current.validUntil) } == nil)
        }
        #expect(current.validUntil == F.day("2033-12-19"))
    }

    @Test func registrationMustBeValidOnTheUseDate() {
        #expect(F.refusal { try registration().checkValid(on: F.day("2028-03-31")) } == nil)
        let error = F.refusal { try registration().checkValid(on: [F.day("2028-03-30"), F.day("2028-04-01")]) }
        #expect(error?.code == "registration_expired")
        #expect(error?.details["date"] == "2028-04-01")
        #expect(error?.details["valid_until"] == "2028-03-31")
    }

    @Test func registrationBooksOnItsLastValidDay() {
        #expect(F.refusal { try registration().checkCanBook(today: F.day("2028-03-31")) } == nil)
    }

    @Test func expiredRegistrationCannotBook() {
        let error = F.refusal { try registration().checkCanBook(today: F.day("2028-04-01")) }
        #expect(error?.code == "registration_expired")
    }

    @Test func suspendedRegistrationCannotBook() {
        var suspended = registration()
        suspended.suspendedUntil = F.day("2026-09-30")
        #expect(suspended.status(on: F.day("2026-09-30")) == .suspended(until: F.day("2026-09-30")))
        #expect(F.refusal { try suspended.checkCanBook(today: F.day("2026-09-30")) }?.details["suspended_until"] == "2026-09-30")
        #expect(suspended.status(on: F.day("2026-10-01")) == .active)
    }

    @Test func categoriesRankedWardFirstFreelancerLast() {
        #expect(UserCategory.allCases.sorted() == [.ward, .economicGroup, .smallBusiness, .communityGroup, .general, .freelancer])
        #expect(UserCategory.economicGroup < .communityGroup)
        #expect(UserCategory.communityGroup.isCommunity)
    }
}
