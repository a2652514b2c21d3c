/// A qualified-invoice issuer's registration number (適格請求書発行事業者の
/// 登録番号): `T` and 13 digits, the corporate number for a corporation and
/// a number of the 国税庁's own for other issuers (a joint venture, a sole
/// proprietor); 国税庁「登録番号とは」. Only the form is checked: the check
/// digit of a corporate number is not known to hold for the other numbers.
///
/// A receipt that shows it, with the tax rate and the tax included, is a
/// qualified simplified invoice (適格簡易請求書, 消費税法 第57条の4 第2項), with
/// which a business user can claim its input tax.
public struct InvoiceRegistrationNumber: Hashable, Sendable, CustomStringConvertible {
    /// The 13 digits after `T`.
    public let digits: String

    /// Reads `T7000012050002` (`T` in either case or width, digits as
    /// `DigitText` reads them); `.invalid`
    /// `invoice_registration_number_invalid` (details: `reason` prefix,
    /// length or non_digit).
    public init(_ text: String) throws(Refusal<InvoiceRegistrationNumber.Code>) {
        let trimmed = text.drop { $0 == " " || $0 == "\u{3000}" }
        guard let first = trimmed.first, ["T", "t", "Ｔ", "ｔ"].contains(first) else { throw Self.refusal("prefix") }
        let digits = DigitText.digits(String(trimmed.dropFirst()))
        guard digits.unicodeScalars.count == 13 else { throw Self.refusal("length") }
        guard DigitText.isDigits(digits) else { throw Self.refusal("non_digit") }
        self.digits = digits
    }

    /// `T7000012050002`.
    public var description: String { "T" + digits }

    private static func refusal(_ reason: String) -> Refusal<InvoiceRegistrationNumber.Code> {
        Refusal(.invalid, "Not a qualified-invoice registration number, T and 13 digits (\(reason)).",
                details: ["field": "registration_number", "reason": reason])
    }
}

extension InvoiceRegistrationNumber {
    /// The codes this rule refuses with.
    public enum Code: String, ErrorCode {
        case invalid = "invoice_registration_number_invalid"
    }
}
