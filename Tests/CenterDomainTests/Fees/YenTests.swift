import Testing
@testable import CenterDomain

/// Yen amounts are printed with the yen sign and commas every three digits.
@Suite struct YenTests {
    @Test func amountsAreGroupedByThreeDigits() {
        #expect(Yen.label(0) == "¥0")
        #expect(Yen.label(999) == "¥999")
        #expect(Yen.label(1000) == "¥1,000")
        #expect(Yen.label(1_234_567) == "¥1,234,567")
    }

    @Test func aNegativeAmountHasItsSignBeforeTheYenSign() {
        #expect(Yen.label(-2000) == "-¥2,000")
        #expect(Yen.grouped(-2000) == "-2,000")
    }
}
