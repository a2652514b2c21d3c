/// A corporate number (法人番号): 13 digits whose first digit checks the other 12.
///
/// Source: 行政手続における特定の個人を識別するための番号の利用等に関する法律
/// 施行令 and 国税庁's published formula: check digit = 9 − (Σ Pn × Qn mod 9),
/// where Pn is the n-th digit of the 12-digit base counted from the right
/// and Qn is 1 for odd n and 2 for even n.
public struct CorporateNumber: Hashable, Sendable, CustomStringConvertible {
    /// Why a text is not a corporate number; the `reason` in error details.
    public enum Problem: String, Sendable {
        case length
        case nonDigit = "non_digit"
        case checkDigit = "check_digit"
    }

    /// The 13 digits.
    public let digits: String

    /// Parses and verifies `text` as typed: full-width digits and hyphens
    /// (`１２３４-５６７８-９０１２-３`) are read by `normalised(_:)` first;
    /// throws `corporate_number_invalid` with `reason` length,
    /// non_digit or check_digit.
    public init(_ text: String) throws(Refusal<CorporateNumber.Code>) {
        let digits = Self.normalised(text)
        if let problem = CorporateNumber.problem(in: digits) {
            throw Refusal(.corporateNumberInvalid, "Not a valid corporate number (\(problem.rawValue)).",
                          details: ["reason": problem.rawValue])
        }
        self.digits = digits
    }

    /// `text` in ASCII digits without separators (`DigitText`), the form
    /// checked and stored.
    public static func normalised(_ text: String) -> String { DigitText.digits(text) }

    public var description: String { digits }

    /// Whether `recorded` (a number as a registration's evidence holds it)
    /// names this corporation: the same 13 digits, ignoring any separators
    /// it was recorded with.
    public func matches(_ recorded: String) -> Bool {
        String(String.UnicodeScalarView(recorded.unicodeScalars.filter { ("0"..."9").contains($0) })) == digits
    }

    /// The first problem of `text`, or nil when it is a valid corporate number.
    public static func problem(in text: String) -> Problem? {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count == 13 else { return .length }
        var values: [Int] = []
        for s in scalars {
            guard ("0"..."9").contains(s) else { return .nonDigit }
            values.append(Int(s.value) - 48)
        }
        return values[0] == checkDigit(base: Array(values[1...])) ? nil : .checkDigit
    }

    /// The check digit for a 12-digit base (most significant digit first).
    public static func checkDigit(base: [Int]) -> Int {
        var sum = 0
        for (offset, digit) in base.reversed().enumerated() {
            let n = offset + 1
            sum += digit * (n % 2 == 1 ? 1 : 2)
        }
        return 9 - sum % 9
    }
}

extension CorporateNumber {
    /// What reading a corporate number refuses with.
    public enum Code: String, ErrorCode {
        case corporateNumberInvalid = "corporate_number_invalid"
    }
}
