/// The one HTML escaper: text and attribute values alike (HTML §13.1.2.6,
/// §13.1.2.3). The five characters that can end text or a quoted value or
/// start markup become character references, and the code points HTML
/// forbids in a document (controls other than whitespace, noncharacters)
/// become U+FFFD, so any string renders as the same visible text.
enum Escaping {
    static func append(_ text: String, to out: inout String) {
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\u{0C}", "\r": out.unicodeScalars.append(scalar)
            default:
                out.unicodeScalars.append(isForbidden(scalar.value) ? "\u{FFFD}" : scalar)
            }
        }
    }

    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        append(text, to: &out)
        return out
    }

    /// Controls (C0 and C1, DEL) and noncharacters (Unicode §23.7).
    static func isForbidden(_ value: UInt32) -> Bool {
        value < 0x20 || (0x7f...0x9f).contains(value) || (0xfdd0...0xfdef).contains(value) || value & 0xfffe == 0xfffe
    }
}
