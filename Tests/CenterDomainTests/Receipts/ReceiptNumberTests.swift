import CalendarValues
import Testing
@testable import CenterDomain

/// Receipt numbers run without gaps within a fiscal year and start again at
/// 1 on April 1.
@Suite struct ReceiptNumberTests {
    typealias F = RulesFixtures

    static func number(_ year: Int, _ sequence: Int) -> ReceiptNumber { ReceiptNumber(fiscalYear: FiscalYear(year), sequence: sequence)! }

    @Test func theFirstReceiptOfAYearIsNumberOne() throws {
        #expect(try ReceiptNumber.next(after: nil, issuedOn: F.day("2026-07-01")) == Self.number(2026, 1))
    }

    @Test func theNextReceiptInTheSameYearIsTheNextNumber() throws {
        #expect(try ReceiptNumber.next(after: Self.number(2026, 122), issuedOn: F.day("2026-07-01")) == Self.number(2026, 123))
    }

    @Test func theThirtyFirstOfMarchStillCountsInTheOldYear() throws {
        #expect(try ReceiptNumber.next(after: Self.number(2025, 4801), issuedOn: F.day("2026-03-31")) == Self.number(2025, 4802))
    }

    @Test func theFirstOfAprilStartsAgainAtOne() throws {
        let last = try ReceiptNumber.next(after: Self.number(2025, 4801), issuedOn: F.day("2026-03-31"))
        #expect(try ReceiptNumber.next(after: last, issuedOn: F.day("2026-04-01")) == Self.number(2026, 1))
    }

    @Test func januaryBelongsToTheFiscalYearBegunTheApril() throws {
        #expect(try ReceiptNumber.next(after: Self.number(2025, 9), issuedOn: F.day("2026-01-05")) == Self.number(2025, 10))
    }

    @Test func aDateInAnEarlierYearThanTheLastNumberIsRefused() {
        let error = F.refusal { _ = try ReceiptNumber.next(after: Self.number(2026, 3), issuedOn: F.day("2026-03-31")) }
        #expect(error?.code == "receipt_out_of_order")
    }

    @Test func aNumberIsPrintedWithItsYearAndSixDigits() {
        #expect(Self.number(2026, 123).description == "2026-000123")
        #expect(Self.number(2026, 1_234_567).description == "2026-1234567")
    }

    @Test func aPrintedNumberReadsBack() {
        #expect(ReceiptNumber("2026-000123") == Self.number(2026, 123))
        #expect(ReceiptNumber("2026-123") == nil)
        #expect(ReceiptNumber("2026-000000") == nil)
        #expect(ReceiptNumber("R8-000123") == nil)
    }

    @Test func numbersSortByYearThenSequence() {
        #expect(Self.number(2025, 900) < Self.number(2026, 1))
        #expect(Self.number(2026, 2) < Self.number(2026, 10))
    }
}
