import Testing
@testable import CenterDomain

@Suite struct EligibilityTests {
    typealias F = RulesFixtures

    func check(_ evidence: RegistrationEvidence, _ category: UserCategory) -> Refused? {
        F.refusal { try Eligibility.check(evidence, for: category) }
    }

    @Test func communityGroupNeedsFiveMembers() {
        #expect(check(.init(memberCount: 4, membersInWard: 4), .communityGroup)?.code == "too_few_members")
        #expect(check(.init(memberCount: 5, membersInWard: 5), .communityGroup) == nil)
    }

    @Test func communityGroupNeedsHalfInWard() {
        #expect(check(.init(memberCount: 6, membersInWard: 3), .communityGroup) == nil)
        #expect(check(.init(memberCount: 5, membersInWard: 3), .communityGroup) == nil)
        let error = check(.init(memberCount: 5, membersInWard: 2), .communityGroup)
        #expect(error?.code == "ward_share_too_low")
    }

    @Test func smeWorkerGroupNeedsSixtyPercentSMEEmployees() {
        let ok = RegistrationEvidence(memberCount: 10, smeEmployeeMembers: 6, hasBylaws: true, isWorkerGroup: true)
        let low = RegistrationEvidence(memberCount: 10, smeEmployeeMembers: 5, hasBylaws: true, isWorkerGroup: true)
        #expect(check(ok, .smallBusiness) == nil)
        #expect(check(low, .smallBusiness)?.code == "sme_share_too_low")
    }

    @Test func smeWorkerGroupNeedsFiveMembers() {
        let evidence = RegistrationEvidence(memberCount: 4, smeEmployeeMembers: 4, hasBylaws: true, isWorkerGroup: true)
        #expect(check(evidence, .smallBusiness)?.code == "too_few_members")
    }

    @Test func smeWorkerGroupNeedsBylaws() {
        let evidence = RegistrationEvidence(memberCount: 5, smeEmployeeMembers: 5, hasBylaws: false, isWorkerGroup: true)
        #expect(check(evidence, .smallBusiness)?.code == "bylaws_required")
    }

    @Test func smallBusinessIsSMEByCapitalOrEmployees() {
        #expect(SMESize.isSME(sector: .retail, capitalYen: 50_000_000, regularEmployees: 200))
        #expect(SMESize.isSME(sector: .retail, capitalYen: 900_000_000, regularEmployees: 50))
        #expect(!SMESize.isSME(sector: .retail, capitalYen: 50_000_001, regularEmployees: 51))
        #expect(SMESize.isSME(sector: .services, capitalYen: nil, regularEmployees: 100))
        #expect(!SMESize.isSME(sector: .wholesale, capitalYen: 100_000_001, regularEmployees: 101))
        #expect(SMESize.isSME(sector: .manufacturingAndOthers, capitalYen: 300_000_000, regularEmployees: nil))
    }

    @Test func smallBusinessRefusedAboveSMESize() {
        let evidence = RegistrationEvidence(hasOfficeInWard: true, sector: .services, capitalYen: 60_000_000, regularEmployees: 101)
        let error = check(evidence, .smallBusiness)
        #expect(error?.code == "not_an_sme")
        #expect(error?.details["employee_limit"] == "100")
    }

    @Test func smallBusinessNeedsOfficeInWard() {
        let evidence = RegistrationEvidence(hasOfficeInWard: false, sector: .retail, regularEmployees: 10)
        #expect(check(evidence, .smallBusiness)?.code == "office_in_ward_required")
        #expect(check(.init(hasOfficeInWard: true, sector: .retail, regularEmployees: 10), .smallBusiness) == nil)
    }

    @Test func economicGroupNeedsOfficeInWard() {
        #expect(check(.init(hasOfficeInWard: nil), .economicGroup)?.code == "office_in_ward_required")
        #expect(check(.init(hasOfficeInWard: true), .economicGroup) == nil)
    }

    @Test func eligibilityChecksCorporateNumberWhenGiven() {
        let evidence = RegistrationEvidence(hasOfficeInWard: true, corporateNumber: "7000012050003")
        #expect(check(evidence, .economicGroup)?.details["reason"] == "check_digit")
    }
}
