import Testing
@testable import CenterDomain

/// A postal address: the code as seven digits, the address as typed.
@Suite struct PostalAddressTests {
    typealias F = RulesFixtures

    @Test func theCodeIsSevenASCIIDigitsWhateverWayItIsTyped() throws {
        let address = try PostalAddress(postalCode: "〒１６４－０００１", address: "東京都中野区中野二丁目13番14号")
        #expect(address.postalCode.digits == "1640001")
        #expect(address.description == "〒164-0001 東京都中野区中野二丁目13番14号")
    }

    @Test func aCodeThatIsNotSevenDigitsIsRefused() {
        let error = F.refusal { _ = try PostalAddress(postalCode: "164-001", address: "東京都中野区") }
        #expect(error?.code == "postal_code_invalid")
        #expect(error?.details["field"] == "postal_code")
    }

    @Test func aBlankAddressIsRefused() {
        let error = F.refusal { _ = try PostalAddress(postalCode: "164-0001", address: "　") }
        #expect(error?.code == "address_invalid")
        #expect(error?.details["field"] == "address")
    }

    @Test func anAddressOnTwoLinesIsRefused() {
        #expect(F.refusal { _ = try PostalAddress(postalCode: "164-0001", address: "東京都中野区\n中野2-13-14") }?.code == "address_invalid")
    }
}
