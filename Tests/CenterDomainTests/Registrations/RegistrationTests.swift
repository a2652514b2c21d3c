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

    @Test func registrationMayNotEndBeforeItStarts() {
        #expect(F.refusal { try validity.check(validFrom: F.day("2026-04-01"), validUntil: F.day("2026-03-31")) }?.code == "validity_invalid")
    }

    @Test func renewalExtendsFromOldEnd() {
        let renewed = validity.renewed(registration(), today: F.day("2028-03-01"))
        #expect(renewed.validFrom == F.day("2026-04-01"))
        #expect(renewed.validUntil == F.day("2030-03-31"))
    }

    @Test func renewalOfLapsedRegistrationStartsToday() {
        let renewed = validity.renewed(registration(), today: F.day("2028-05-10"))
        #expect(renewed.validFrom == F.day("2028-05-10"))
        #expect(renewed.validUntil == F.day("2030-05-09"))
    }

    @Test func registrationBooksOnItsLastValidDay() {
        #expect(F.refusal { try registration().checkCanBook(today: F.day("2028-03-31")) } == nil)
    }

    @Test func expiredRegistrationCannotBook() {
        let error = F.refusal { try registration().checkCanBook(today: F.day("2028-04-01")) }
        #expect(error?.code == "registration_expired")
        #expect(error?.kind == .conflict)
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
