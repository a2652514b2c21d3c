import CalendarValues
import Testing
@testable import CenterDomain

@Suite struct LockerLesseeTests {
    let terms = LockerLeaseTerms()
    let start = LocalDate(year: 2026, month: 12, day: 1)!

    @Test func corporationWithAValidNumberIsALessee() throws {
        let lessee = try LockerLessee.resolve(corporateNumber: "7000012050002", founder: false, leaseStart: start, terms: terms)
        #expect(lessee.corporateNumber?.digits == "7000012050002")
    }

    @Test func founderMustSupplyTheNumberWithinThreeMonths() throws {
        let lessee = try LockerLessee.resolve(corporateNumber: nil, founder: true, leaseStart: start, terms: terms)
        #expect(lessee == .founder(numberDue: LocalDate(year: 2027, month: 2, day: 28)!))
        #expect(lessee.corporateNumber == nil)
    }

    @Test(arguments: [("700001205000", "length"), ("700001205000X", "non_digit"), ("8000012050002", "check_digit")])
    func invalidCorporateNumberNamesItsReason(_ number: String, _ reason: String) {
        #expect(throws: Refusal(LockerLessee.Code.invalidCorporateNumber, "Not a valid corporate number (\(reason)).",
                                details: ["reason": reason])) {
            try LockerLessee.resolve(corporateNumber: number, founder: false, leaseStart: start, terms: terms)
        }
    }

    @Test func leaseCorporateNumberMustMatchTheRegistrationsEvidence() throws {
        let lessee = try LockerLessee.resolve(corporateNumber: "7000012050002", founder: false, leaseStart: start, terms: terms)
        #expect(throws: Never.self) { try lessee.checkMatches(recorded: nil) }
        #expect(throws: Never.self) { try lessee.checkMatches(recorded: "7000012050002") }
        #expect(throws: Never.self) { try lessee.checkMatches(recorded: "7-0000-1205-0002") }
        let other = try CorporateNumber("5010001008846")
        #expect(throws: Refusal(LockerLessee.Code.corporateNumberMismatch,
                                "Corporate number 7000012050002 is not the one the registration records (5010001008846).",
                                details: ["corporate_number": "7000012050002", "registered_corporate_number": other.digits])) {
            try lessee.checkMatches(recorded: other.digits)
        }
    }

    @Test func aFounderLeaseIsRefusedWhenTheRegistrationRecordsACorporateNumber() throws {
        let founder = try LockerLessee.resolve(corporateNumber: nil, founder: true, leaseStart: start, terms: terms)
        #expect(throws: Never.self) { try founder.checkMatches(recorded: nil) }
        let error = try #require(RulesFixtures.refusal { try founder.checkMatches(recorded: "7000012050002") })
        #expect(error.code == "corporate_number_mismatch")
    }

    @Test func lesseeIsEitherACorporationOrAFounder() {
        #expect(throws: Refusal<LockerLessee.Code>.self) {
            try LockerLessee.resolve(corporateNumber: nil, founder: false, leaseStart: start, terms: terms)
        }
        #expect(throws: Refusal<LockerLessee.Code>.self) {
            try LockerLessee.resolve(corporateNumber: "7000012050002", founder: true, leaseStart: start, terms: terms)
        }
    }

    @Test func documentCheckCannotBeDatedAfterToday() {
        let today = LocalDate(year: 2026, month: 11, day: 25)!
        let check = LesseeCheck(document: "運転免許証", checkedBy: "Sato", checkedOn: today.adding(days: 1))
        #expect(throws: Refusal<LesseeCheck.Code>.self) { try check.validate("identity_check", today: today) }
        #expect(throws: Never.self) {
            try LesseeCheck(document: "運転免許証", checkedBy: "Sato", checkedOn: today).validate("identity_check", today: today)
        }
    }

    @Test func documentCheckNamesDocumentAndChecker() {
        let today = LocalDate(year: 2026, month: 11, day: 25)!
        #expect(throws: Refusal<LesseeCheck.Code>.self) {
            try LesseeCheck(document: " ", checkedBy: "Sato", checkedOn: today).validate("identity_check", today: today)
        }
        #expect(throws: Refusal<LesseeCheck.Code>.self) {
            try LesseeCheck(document: "登記事項証明書", checkedBy: "", checkedOn: today).validate("registry_extract_check", today: today)
        }
    }
}
