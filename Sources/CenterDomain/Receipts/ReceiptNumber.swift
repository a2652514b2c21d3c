import CalendarValues

/// A receipt's number (領収書番号): the fiscal year it was issued in and its
/// place in that year, printed `2026-000123` (FY2026 = 令和8年度, the 123rd
/// receipt of that year).
///
/// Numbers run 1, 2, 3 … without gaps within a fiscal year (April–March,
/// 地方自治法 第208条) and start again at 1 on April 1, as the ward's
/// accounts are closed by fiscal year. A receipt is never deleted and a
/// reissue keeps its number, so a gap in the sequence always means a
/// missing receipt. Our decision: the year is written as the Gregorian year
/// the fiscal year starts in, not the era year, so numbers sort as text and
/// an era change inside a fiscal year (as on 2019-05-01) cannot split the
/// sequence; the receipt prints the era label beside it.
public struct ReceiptNumber: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let fiscalYear: FiscalYear
    /// 1 for the year's first receipt.
    public let sequence: Int

    /// Digits the sequence is padded to.
    static let width = 6

    /// nil when `sequence` is below 1.
    public init?(fiscalYear: FiscalYear, sequence: Int) {
        guard sequence >= 1 else { return nil }
        self.fiscalYear = fiscalYear
        self.sequence = sequence
    }

    /// Reads `2026-000123` (four digits, a hyphen, at least six digits).
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].utf8.count == 4, parts[1].utf8.count >= Self.width, parts[1].utf8.count <= 12,
              DigitText.isDigits(String(parts[0])), DigitText.isDigits(String(parts[1])),
              let year = Int(parts[0]), let sequence = Int(parts[1]), year >= 1 else { return nil }
        self.init(fiscalYear: FiscalYear(year), sequence: sequence)
    }

    /// The number a receipt issued on `date` takes after `last`, the last
    /// number issued (nil: none yet): the next in the same fiscal year, or 1
    /// of a new one. A date in a fiscal year before `last`'s is refused
    /// `receipt_out_of_order` (409): numbers never go back a year.
    public static func next(after last: ReceiptNumber?, issuedOn date: LocalDate) throws(Refusal<ReceiptNumber.Code>) -> ReceiptNumber {
        let year = FiscalYear(containing: date)
        guard let last, last.fiscalYear >= year else { return ReceiptNumber(valid: year, 1) }
        guard last.fiscalYear == year else {
            throw Refusal(.outOfOrder, "Receipt \(last) is of \(last.fiscalYear); a receipt dated \(date) (\(year)) cannot follow it.",
                          details: ["last": last.description, "date": date.description])
        }
        return ReceiptNumber(valid: year, last.sequence + 1)
    }

    /// `2026-000123`.
    public var description: String {
        let digits = String(sequence)
        return String(fiscalYear.startYear) + "-" + String(repeating: "0", count: max(0, Self.width - digits.count)) + digits
    }

    public static func < (a: ReceiptNumber, b: ReceiptNumber) -> Bool {
        (a.fiscalYear, a.sequence) < (b.fiscalYear, b.sequence)
    }

    private init(valid year: FiscalYear, _ sequence: Int) {
        self.fiscalYear = year
        self.sequence = sequence
    }
}

extension ReceiptNumber {
    /// The codes this rule refuses with.
    public enum Code: String, ErrorCode {
        case outOfOrder = "receipt_out_of_order"
    }
}
