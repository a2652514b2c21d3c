import Testing
@testable import CenterDomain

/// A new registration with the same name and phone, or the same corporate
/// number, as a stored one is a possible duplicate.
@Suite struct DuplicateRegistrationTests {
    typealias F = RulesFixtures
    let stored = [
        RegistrationIdentity(id: "1", name: "山田 花子", contact: "09011112222"),
        RegistrationIdentity(id: "2", name: "株式会社中野商事", contact: "0333801234", corporateNumber: "7000012050002"),
        RegistrationIdentity(id: "3", name: "中野太郎", contact: "taro@example.jp"),
    ]

    @Test func theSameNameAndPhoneTypedDifferentlyMatch() {
        let applicant = RegistrationIdentity(name: "山田　花子", contact: "０９０－１１１１－２２２２")
        #expect(DuplicateRegistration.matches(of: applicant, among: stored) == [DuplicateMatch(registration: "1", reasons: [.nameAndPhone])])
    }

    @Test func theSameNameWithAnotherPhoneDoesNotMatch() {
        let applicant = RegistrationIdentity(name: "山田 花子", contact: "09033334444")
        #expect(DuplicateRegistration.matches(of: applicant, among: stored).isEmpty)
    }

    @Test func theSamePhoneWithAnotherNameDoesNotMatch() {
        let applicant = RegistrationIdentity(name: "山田 太郎", contact: "090-1111-2222")
        #expect(DuplicateRegistration.matches(of: applicant, among: stored).isEmpty)
    }

    @Test func aCompanyWrittenWithItsLegalMarkAbbreviatedIsTheSameName() {
        let applicant = RegistrationIdentity(name: "中野商事(株)", contact: "03-3380-1234")
        #expect(DuplicateRegistration.matches(of: applicant, among: stored).map(\.registration) == ["2"])
    }

    @Test func theSameCorporateNumberMatchesWhateverTheName() {
        let applicant = RegistrationIdentity(name: "ナカノ・トレーディング", contact: "", corporateNumber: "7000-0120-5000-2")
        #expect(DuplicateRegistration.matches(of: applicant, among: stored) == [DuplicateMatch(registration: "2", reasons: [.corporateNumber])])
    }

    @Test func bothReasonsAreGivenWhenBothHold() {
        let applicant = RegistrationIdentity(name: "㈱中野商事", contact: "0333801234", corporateNumber: "7000012050002")
        #expect(DuplicateRegistration.matches(of: applicant, among: stored).first?.reasons == [.nameAndPhone, .corporateNumber])
    }

    @Test func aContactThatIsNotAPhoneNumberMatchesNothing() {
        let applicant = RegistrationIdentity(name: "中野太郎", contact: "taro@example.jp")
        #expect(DuplicateRegistration.matches(of: applicant, among: stored).isEmpty)
    }

    @Test func aCorporateNumberFailingItsCheckDigitMatchesNothing() {
        let applicant = RegistrationIdentity(name: "別会社", contact: "", corporateNumber: "7000012050003")
        let withBadNumber = stored + [RegistrationIdentity(id: "4", name: "誤登録", contact: "", corporateNumber: "7000012050003")]
        #expect(DuplicateRegistration.matches(of: applicant, among: withBadNumber).isEmpty)
    }

    @Test func aMatchIsRefusedAsAPossibleDuplicateListingIt() {
        let matches = [DuplicateMatch(registration: "2", reasons: [.nameAndPhone, .corporateNumber])]
        let error = F.refusal { try DuplicateRegistration.check(matches, confirmNew: false) }
        #expect(error?.code == "possible_duplicate")
        #expect(error?.details == ["registrations": "2", "reasons": "2:name_and_phone+corporate_number"])
    }

    @Test func staffConfirmingANewUserRegistersItDespiteAMatch() {
        let matches = [DuplicateMatch(registration: "1", reasons: [.nameAndPhone])]
        #expect(F.refusal { try DuplicateRegistration.check(matches, confirmNew: true) } == nil)
    }

    @Test func noMatchNeedsNoConfirmation() {
        #expect(F.refusal { try DuplicateRegistration.check([], confirmNew: false) } == nil)
    }
}
