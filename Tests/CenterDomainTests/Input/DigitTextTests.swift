import Testing
@testable import CenterDomain

/// Phone numbers, corporate numbers and postal codes typed in full width or
/// with hyphens read as their ASCII digits.
@Suite struct DigitTextTests {
    @Test func fullWidthDigitsAndHyphensReadAsASCIIDigits() {
        #expect(DigitText.digits("０９０－１１１１－２２２２") == "09011112222")
        #expect(DigitText.digits("090ー1111‐2222") == "09011112222")
        #expect(DigitText.digits("090 1111\u{3000}2222") == "09011112222")
    }

    @Test func otherCharactersAreKeptSoTheCheckStillRefusesThem() {
        #expect(DigitText.digits("090-1111-222x") == "0901111222x")
    }

    @Test func aMobileNumberInFullWidthIsAPhoneNumber() {
        #expect(PhoneNumber("０９０－１１１１－２２２２")?.digits == "09011112222")
    }

    @Test func aFixedLineWithParenthesesIsAPhoneNumber() {
        #expect(PhoneNumber("(03) 3380-1234")?.digits == "0333801234")
        #expect(PhoneNumber("（０３）３３８０－１２３４")?.digits == "0333801234")
    }

    @Test func theCountryCodeReadsAsTheTrunkPrefix() {
        #expect(PhoneNumber("+81 90-1111-2222")?.digits == "09011112222")
        #expect(PhoneNumber("＋８１ (0)3-3380-1234")?.digits == "0333801234")
    }

    @Test func aTollFreeNumberHasTenDigits() {
        #expect(PhoneNumber("0120-123-456")?.digits == "0120123456")
    }

    @Test(arguments: ["090-1111-222", "090-1111-22222", "03-1234-56789", "0120-123-4567", "90-1111-2222", "090-1111-222x", "", "電話"])
    func whatIsNotAJapanesePhoneNumberIsRefused(_ text: String) {
        #expect(PhoneNumber(text) == nil)
    }

    @Test func aPostalCodeWithTheMarkAndFullWidthDigitsIsRead() {
        let code = PostalCode("〒１６４－０００１")
        #expect(code?.digits == "1640001")
        #expect(code?.description == "164-0001")
        #expect(PostalCode("164-0001")?.digits == "1640001")
    }

    @Test(arguments: ["164-001", "1640-0001", "16400010", "〒164-000a"])
    func whatIsNotAPostalCodeIsRefused(_ text: String) {
        #expect(PostalCode(text) == nil)
    }

    @Test func aCorporateNumberWithHyphensIsCheckedAndKeptAsDigits() throws {
        #expect(try CorporateNumber("7000-0120-5000-2").digits == "7000012050002")
        #expect(try CorporateNumber("７０００－０１２０－５０００－２").digits == "7000012050002")
    }

    @Test func aHyphenatedCorporateNumberStillNeedsItsCheckDigit() {
        #expect(throws: Refusal<CorporateNumber.Code>.self) { try CorporateNumber("1234-5678-9012-3") }
    }
}
