/// Numbers people type as text (phone numbers, corporate numbers, postal
/// codes), read the way a counter clerk would: full-width digits
/// (０–９, as a Japanese IME types them) are the ASCII digits, and the
/// separators people put between groups are dropped: hyphens and dashes of
/// every kind (-, ‐, ‑, ‒, –, —, ―, −, －, and ー/ｰ, the long-vowel mark an
/// IME often gives for a hyphen), spaces (including U+3000) and, for phone
/// numbers, parentheses.
///
/// Only these separators are dropped: any other character is kept, so the
/// caller's check still refuses "090-1111-222x". Dates are never read this
/// way: a date must be typed `YYYY-MM-DD` in ASCII.
public enum DigitText {
    /// `text` with full-width digits as ASCII and group separators removed.
    public static func digits(_ text: String, droppingParentheses: Bool = false) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF10...0xFF19:
                if let ascii = Unicode.Scalar(scalar.value - 0xFF10 + 0x30) { out.append(ascii) }
            case 0x2D, 0x2010...0x2015, 0x2212, 0xFE63, 0xFF0D, 0x30FC, 0xFF70, 0x20, 0x3000:
                continue
            case 0x28, 0x29, 0xFF08, 0xFF09:
                if !droppingParentheses { out.append(scalar) }
            default:
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Whether `text` is only ASCII digits.
    public static func isDigits(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { ("0"..."9").contains($0) }
    }
}

/// A Japanese telephone number (電話番号) as the service stores it: its
/// ASCII digits only, starting with the trunk prefix 0: 10 digits for a
/// fixed line (03-1234-5678) or a 0120/0570 number, 11 for a mobile, IP or
/// 0800 number (090-1111-2222). `+81` (the country code, as a phone shows it)
/// is read as that prefix. Source: 総務省「電気通信番号計画」.
public struct PhoneNumber: Hashable, Sendable, CustomStringConvertible {
    /// The digits, e.g. `09011112222`.
    public let digits: String

    /// Reads `text` typed in any width with any separators; nil when it is
    /// not a Japanese telephone number.
    public init?(_ text: String) {
        var digits = DigitText.digits(text.replacingFullWidthPlus(), droppingParentheses: true)
        if digits.hasPrefix("+81") { digits = "0" + digits.dropFirst(3).drop { $0 == "0" } }
        guard DigitText.isDigits(digits), digits.hasPrefix("0"), digits.utf8.count == Self.length(of: digits) else { return nil }
        self.digits = digits
    }

    public var description: String { digits }

    /// 11 digits for mobile (070, 080, 090), IP (050), M2M (020) and 0800
    /// numbers; 10 for fixed lines and the other 0AB0 services (0120, 0570).
    static func length(of digits: String) -> Int {
        ["070", "080", "090", "050", "020", "0800"].contains(where: digits.hasPrefix) ? 11 : 10
    }
}

/// A Japanese postal code (郵便番号): seven ASCII digits, stored without the
/// hyphen and shown as `164-0001`; typed as `〒１６４－０００１` it reads the same.
public struct PostalCode: Hashable, Sendable, CustomStringConvertible {
    /// The seven digits, e.g. `1640001`.
    public let digits: String

    public init?(_ text: String) {
        var rest = Substring(text)
        while let first = rest.unicodeScalars.first, first == "〒" || first == " " || first == "\u{3000}" {
            rest = Substring(rest.unicodeScalars.dropFirst())
        }
        let digits = DigitText.digits(String(rest))
        guard DigitText.isDigits(digits), digits.utf8.count == 7 else { return nil }
        self.digits = digits
    }

    /// `164-0001`.
    public var description: String { String(digits.prefix(3)) + "-" + String(digits.dropFirst(3)) }
}

extension String {
    /// `＋` (full-width plus) as `+`.
    fileprivate func replacingFullWidthPlus() -> String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\u{FF0B}" ? "+" : $0 }))
    }
}
