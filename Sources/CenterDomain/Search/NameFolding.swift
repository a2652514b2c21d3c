import Foundation

/// How a name or its kana is folded for matching (氏名・フリガナ検索の正規化),
/// so that the ways people type one name compare equal. Our decision, after
/// the practice of Japanese name search (bank-transfer kana, resident
/// registers): fold what typing varies, keep what tells names apart.
///
/// Folded, in this order:
/// - width and compatibility forms: Unicode NFKC, then NFC (`ＡＢＣ１２３` is
///   `abc123`, `ｶﾞ` is `ガ`, `㈱` is `(株)`, `㍿` is `株式会社`); a spacing
///   dakuten typed after a kana (`カ゛`) joins it (`ガ`);
/// - white space of every kind (ASCII, U+3000) and middle dots (`・`, `･`, `·`)
///   are removed: `山田　花子`, `山田 花子` and `山田花子` are one name;
/// - hiragana is katakana (`やまだ` is `ヤマダ`, `ゔ` is `ヴ`);
/// - small kana are their full-size forms (`キャノン` matches `キヤノン`,
///   as bank-transfer names are written without small kana);
/// - the iteration marks `ゝゞヽヾ` repeat the kana before them
///   (`いすゞ` is `イスズ`);
/// - the long-vowel mark and every dash (`ー`, `ｰ`, `-`, `‐`, `–`, `—`,
///   `―`, `−`, `－`) are `ー`;
/// - letters are lower case;
/// - the common old and variant forms of kanji in names (旧字体・異体字)
///   are their everyday forms: `髙` `高`, `﨑` `崎`, `邊`/`邉` `辺`, `澤`
///   `沢`, `齋` `斎` … (`variantKanji`); distinct everyday characters are
///   never merged (`斎` and `斉` stay apart);
/// - the abbreviated legal-entity marks are written out: `(株)` is
///   `株式会社`, `(有)` `有限会社`, `(一社)` `一般社団法人`, `NPO法人`
///   `特定非営利活動法人` … (`legalEntityForms`).
///
/// Kept apart: voiced and unvoiced kana (`ガ`/`カ`, `パ`/`ハ`: ハセガワ and
/// ハセカワ are different readings), `ヴ` and `ブ`, and kanji and kana (the
/// service matches `q` against the name and the フリガナ separately). The
/// stored name is never changed: folding makes keys for matching only.
public enum NameFolding {
    /// The key a name or kana is searched by: every folding above.
    public static func searchKey(_ text: String) -> String {
        var key = foldedScalars(text)
        for (abbreviation, full) in legalEntityAbbreviations { key = key.replacingOccurrences(of: abbreviation, with: full) }
        return key
    }

    /// The key two names are the same name by (duplicate registrations): the
    /// search key without the legal-entity words, so `株式会社中野商事`,
    /// `中野商事(株)`, `㈱中野商事` and `中野商事` are one name.
    public static func identityKey(_ text: String) -> String {
        var key = searchKey(text)
        for form in legalEntityForms { key = key.replacingOccurrences(of: form, with: "") }
        return key
    }

    /// Legal-entity words (法人格), longest first so that `一般社団法人` goes
    /// before `社団法人`.
    public static let legalEntityForms: [String] = [
        "特定非営利活動法人", "一般社団法人", "一般財団法人", "公益社団法人", "公益財団法人",
        "株式会社", "有限会社", "合同会社", "合名会社", "合資会社", "社団法人", "財団法人",
    ]

    /// Abbreviations as the search key holds them (after NFKC, lower case,
    /// spaces removed), and the word each stands for; longest first.
    static let legalEntityAbbreviations: [(String, String)] = [
        ("(一社)", "一般社団法人"), ("(一財)", "一般財団法人"), ("(公社)", "公益社団法人"), ("(公財)", "公益財団法人"),
        ("(特非)", "特定非営利活動法人"), ("npo法人", "特定非営利活動法人"),
        ("(株)", "株式会社"), ("(有)", "有限会社"), ("(同)", "合同会社"), ("(名)", "合名会社"), ("(資)", "合資会社"),
        ("(社)", "社団法人"), ("(財)", "財団法人"),
    ]

    /// Old and variant kanji of names (旧字体・異体字) and the everyday form
    /// each is searched as. Our list of the forms most often met in names.
    public static let variantKanji: [Unicode.Scalar: Unicode.Scalar] = [
        "髙": "高", "﨑": "崎", "嵜": "崎", "邊": "辺", "邉": "辺", "澤": "沢", "濱": "浜", "濵": "浜",
        "齋": "斎", "齊": "斉", "廣": "広", "國": "国", "櫻": "桜", "實": "実", "眞": "真", "德": "徳",
        "惠": "恵", "榮": "栄", "藏": "蔵", "嶋": "島", "嶌": "島", "冨": "富", "瀨": "瀬", "槇": "槙",
        "黑": "黒", "壽": "寿", "彌": "弥", "萬": "万", "龜": "亀", "鐵": "鉄", "會": "会", "學": "学",
        "舘": "館", "莊": "荘", "淺": "浅", "驛": "駅", "傳": "伝", "團": "団",
    ]

    /// Every scalar folding, before the legal-entity words.
    static func foldedScalars(_ text: String) -> String {
        let compatible = KanaFolding.compatibilityComposed(text)
        var out = String.UnicodeScalarView()
        for scalar in compatible.unicodeScalars {
            if scalar.properties.isWhitespace || [0x30FB, 0x00B7].contains(scalar.value) { continue }
            let kana = KanaFolding.largeKatakana(KanaFolding.katakana(scalar))
            switch kana.value {
            case 0x30FD, 0x30FE:
                guard let previous = out.last else { out.append(kana); continue }
                out.append(contentsOf: KanaFolding.repeated(previous, voiced: kana.value == 0x30FE).unicodeScalars)
            default:
                if KanaFolding.isDash(kana) {
                    out.append("\u{30FC}")
                } else if let everyday = variantKanji[kana] {
                    out.append(everyday)
                } else if kana.properties.changesWhenLowercased {
                    out.append(contentsOf: String(kana).lowercased().unicodeScalars)
                } else {
                    out.append(kana)
                }
            }
        }
        return String(out)
    }
}

/// The kana foldings `NameFolding` and `NameKana` share.
enum KanaFolding {
    /// `text` in NFKC, composed (NFKC alone leaves `ｶﾞ` as カ + U+3099 on
    /// Linux Foundation), with a spacing dakuten or handakuten typed after a
    /// kana (`カ゛`, `ハ゜`) joined to it rather than read as a space and a mark.
    static func compatibilityComposed(_ text: String) -> String {
        let joined = String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            switch scalar.value {
            case 0x309B: "\u{3099}"
            case 0x309C: "\u{309A}"
            default: scalar
            }
        }))
        return joined.precomposedStringWithCompatibilityMapping.precomposedStringWithCanonicalMapping
    }

    /// A hiragana as its katakana (`あ` `ア`, `ゔ` `ヴ`, `ゝ` `ヽ`); anything else as is.
    static func katakana(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x3041...0x3096, 0x309D, 0x309E: Unicode.Scalar(scalar.value + 0x60) ?? scalar
        default: scalar
        }
    }

    /// A small katakana as its full-size form (`ァ` `ア`, `ッ` `ツ`, `ヵ` `カ`).
    static func largeKatakana(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9, 0x30C3, 0x30E3, 0x30E5, 0x30E7, 0x30EE:
            Unicode.Scalar(scalar.value + 1) ?? scalar
        case 0x30F5: "\u{30AB}"
        case 0x30F6: "\u{30B1}"
        default: scalar
        }
    }

    /// The long-vowel mark and the dashes typed for it (ASCII hyphen-minus,
    /// U+2010–U+2015, minus sign, small and full-width hyphen-minus).
    static func isDash(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2D, 0x2010...0x2015, 0x2212, 0xFE63, 0xFF0D, 0x30FC, 0xFF70: true
        default: false
        }
    }

    /// What an iteration mark after `previous` stands for: the kana again,
    /// unvoiced (`ヽ`) or voiced (`ヾ`) where it has a voiced form.
    static func repeated(_ previous: Unicode.Scalar, voiced: Bool) -> String {
        let base = String(previous).decomposedStringWithCanonicalMapping.unicodeScalars.first ?? previous
        guard voiced else { return String(base) }
        let composed = (String(base) + "\u{3099}").precomposedStringWithCanonicalMapping
        return composed.unicodeScalars.count == 1 ? composed : String(base)
    }
}
