/// Text helpers for writing SVG by hand: XML escaping and fixed-point
/// numbers (no Foundation formatting).
enum SVGText {
    /// Escapes text for element content and double- or single-quoted
    /// attributes: `&`, `<`, `>`, `"` and `'`.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(character)
            }
        }
        return out
    }

    /// A coordinate with one decimal: `12.5`, `300`.
    static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return magnitude % 10 == 0 ? sign + String(magnitude / 10) : sign + "\(magnitude / 10).\(magnitude % 10)"
    }

    /// A rough rendered width: a full em for Japanese and other wide
    /// characters, about half an em for ASCII.
    static func estimatedWidth(_ text: String, fontSize: Double) -> Double {
        text.unicodeScalars.reduce(0) { width, scalar in
            width + (scalar.isASCII ? 0.6 : 1.0) * fontSize
        }
    }

    /// The Japanese era label of a fiscal year: `令和7年度 (2025)`.
    static func fiscalYearLabel(_ fiscalYear: Int) -> String {
        "令和\(fiscalYear - 2018)年度 (\(fiscalYear))"
    }
}
