/// The reading of a registration's name (フリガナ, `name_kana`): kana only,
/// stored as full-width katakana.
///
/// Accepted as typed: hiragana and katakana in either width (`やまだ`,
/// `ﾔﾏﾀﾞ`), the long-vowel mark (a hyphen or dash typed for it is read as
/// `ー`), the middle dot of foreign names (`ジョン・スミス`), the kana
/// iteration marks, and spaces of any kind between words. Stored: hiragana
/// as katakana, half-width as full-width, each run of spaces as one
/// full-width space (U+3000, as Japanese forms separate 姓 and 名), none at
/// either end; small kana are kept as typed (search folds them,
/// `NameFolding`). Kanji, Latin letters, digits and other signs are refused:
/// a reading that is not kana cannot be sorted or searched as one.
/// Our decision, after the フリガナ fields of Japanese forms.
public struct NameKana: Hashable, Sendable, CustomStringConvertible {
    /// The reading in full-width katakana, e.g. `ヤマダ　ハナコ`.
    public let katakana: String

    /// Reads `text` for the field `field`; `.invalid` `name_kana_invalid`
    /// (details: `field`, and `character` when one is not kana) when it is
    /// blank, longer than `TextRule.name` allows, or holds anything but kana.
    public init(_ text: String, field: String = "name_kana") throws(Refusal<NameKana.Code>) {
        let checked = try TextRule.name.check(text, field: field, code: NameKana.Code.invalid)
        let compatible = KanaFolding.compatibilityComposed(checked)
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in compatible.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            let kana = KanaFolding.isDash(scalar) ? "\u{30FC}" : KanaFolding.katakana(scalar)
            guard Self.isKatakana(kana) else {
                throw Refusal(.invalid, "`\(field)` must be kana (katakana or hiragana) and spaces; \(TextRule.echo(String(scalar))) is not.",
                              details: ["field": field, "character": String(scalar)])
            }
            if pendingSpace { out.append("\u{3000}") }
            pendingSpace = false
            out.append(kana)
        }
        katakana = String(out)
    }

    public var description: String { katakana }

    /// Full-width katakana ァ…ヺ, the middle dot, the long-vowel mark and the
    /// iteration marks ヽヾ.
    static func isKatakana(_ scalar: Unicode.Scalar) -> Bool {
        (0x30A1...0x30FE).contains(scalar.value)
    }
}

extension NameKana {
    /// The codes this rule refuses with.
    public enum Code: String, ErrorCode {
        case invalid = "name_kana_invalid"
    }
}
