import CalendarValues
import Testing
@testable import CenterDomain

/// Community groups register with the 区長 (目的外使用運営要綱 第4条–第5条),
/// everyone else with the designated manager (運営要綱 第2条–第3条); each
/// issuer has its own renewal period, and community groups' fees are the
/// ward's usage fees, apart from the manager's fee income.
@Suite struct RegistrationIssuerTests {
    typealias F = RulesFixtures

    @Test func communityGroupsAreRegisteredWithTheWard() {
        #expect(UserCategory.communityGroup.issuer == .ward)
        #expect(RegistrationIssuer.ward.nameJa == "中野区長")
    }

    @Test func everyOtherCategoryIsRegisteredWithTheDesignatedManager() {
        for category in UserCategory.allCases where category != .communityGroup {
            #expect(category.issuer == .designatedManager)
        }
    }

    @Test func eachIssuerHasItsOwnRenewalPeriod() throws {
        let validity = RegistrationValidity(renewalWindowDays: 60, issuers: [.ward: .init(renewalWindowDays: 30)])
        #expect(validity.for(.ward).renewalWindowDays == 30)
        #expect(validity.for(.designatedManager).renewalWindowDays == 60)
        let group = Registration(id: "7", category: .communityGroup, name: "町会", validFrom: F.day("2025-05-01"), validUntil: F.day("2027-04-30"))
        #expect(F.refusal { _ = try validity.for(group.category.issuer).renewed(group, today: F.day("2027-03-30")) }?.code == "renewal_not_open")
        #expect(try validity.for(group.category.issuer).renewed(group, today: F.day("2027-03-31")).validFrom == F.day("2027-03-31"))
    }

    @Test func issuersAreReadByName() throws {
        let validity = try decode(RegistrationValidity.self,
                                  #"{"max_years":2,"issuers":{"ward":{"renewal_window_days":30},"designated_manager":{"renewal_window_days":90}}}"#)
        #expect(validity.issuers == [.ward: .init(renewalWindowDays: 30), .designatedManager: .init(renewalWindowDays: 90)])
        #expect(throws: DecodingError.self) {
            try decode(RegistrationValidity.self, #"{"max_years":2,"issuers":{"mayor":{"renewal_window_days":30}}}"#)
        }
    }

    @Test func communityFeesAreTheWardsUsageFees() {
        #expect(FeeRecipient(category: .communityGroup) == .ward)
        #expect(FeeRecipient(category: .communityGroup).feeNameJa == "使用料")
        #expect(FeeRecipient(category: .smallBusiness) == .designatedManager)
        #expect(FeeRecipient(category: .economicGroup).feeNameJa == "利用料金")
    }

    @Test func withoutTheUsageFeeRegimeEveryFeeIsTheWards() {
        #expect(FeeRecipient(category: .smallBusiness, managerKeepsFees: false) == .ward)
    }

    @Test func theRevenueSplitKeepsTheWardsFeesApart() {
        let split = RevenueSplit(lines: [(.communityGroup, 2000), (.smallBusiness, 3000), (.general, 1500), (.communityGroup, -1000)])
        #expect(split.wardUsageFees == 1000)
        #expect(split.managerIncome == 4500)
        #expect(split.total == 5500)
    }
}
