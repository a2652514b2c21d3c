/// How a message quotes what a person typed. It lives here, in the module
/// every other one may import, so that `DateInput` (here) and `TextRule`
/// (CenterDomain) echo input the same way.
public enum InputText {
    /// C0, DEL, C1, LINE SEPARATOR and PARAGRAPH SEPARATOR: the scalars a
    /// text field refuses and an echo never shows raw.
    public static func isRefused(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029: true
        default: false
        }
    }

    /// `text` as a message may echo it: quoted, at most 100 characters (then
    /// "…"), control characters shown as `U+XXXX`.
    public static func echo(_ text: String) -> String {
        let limit = 100
        var shown = text.count > limit ? String(text.prefix(limit)) + "…" : text
        if shown.unicodeScalars.contains(where: isRefused) {
            shown = String(String.UnicodeScalarView(shown.unicodeScalars.flatMap { scalar -> [Unicode.Scalar] in
                isRefused(scalar) ? Array(codePoint(scalar.value).unicodeScalars) : [scalar]
            }))
        }
        return "\"" + shown + "\""
    }

    /// `U+001B`.
    public static func codePoint(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
