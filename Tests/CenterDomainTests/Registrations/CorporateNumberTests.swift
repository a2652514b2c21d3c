import Testing
@testable import CenterDomain

@Suite struct CorporateNumberTests {
    typealias F = RulesFixtures

    @Test func corporateNumberAcceptsNationalTaxAgencysOwn() throws {
        #expect(try CorporateNumber("7000012050002").digits == "7000012050002")
    }

    @Test(arguments: ["1180301018771", "5010401067252", "7123456789012", "9000000000000", "8000000000001", "7000000000010"])
    func corporateNumberAcceptsHandCheckedNumbers(_ number: String) {
        #expect(CorporateNumber.problem(in: number) == nil)
    }

    @Test func checkDigitCountsPositionsFromTheRight() {
        // 000000000001: P1 = 1, Q1 = 1 → 9 − 1 = 8; 000000000010: P2 = 1, Q2 = 2 → 9 − 2 = 7.
        #expect(CorporateNumber.checkDigit(base: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]) == 8)
        #expect(CorporateNumber.checkDigit(base: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0]) == 7)
    }

    @Test func corporateNumberRejectsWrongLength() {
        #expect(CorporateNumber.problem(in: "700001205000") == .length)
        #expect(CorporateNumber.problem(in: "70000120500020") == .length)
        #expect(CorporateNumber.problem(in: "") == .length)
    }

    @Test func corporateNumberRejectsNonDigits() {
        #expect(CorporateNumber.problem(in: "700001205000A") == .nonDigit)
        #expect(CorporateNumber.problem(in: "７000012050002") == .nonDigit)
        #expect(CorporateNumber.problem(in: "7000-12050002") == .nonDigit)
    }

    @Test func corporateNumberRejectsWrongCheckDigit() {
        let error = F.refusal { _ = try CorporateNumber("8000012050002") }
        #expect(error?.code == "corporate_number_invalid")
        #expect(error?.details["reason"] == "check_digit")
    }
}
