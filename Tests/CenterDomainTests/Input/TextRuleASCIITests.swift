import Testing
@testable import CenterDomain

/// ASCII text is checked in one pass over its bytes; the verdict is the one
/// the rule gives any text scalar by scalar.
@Suite struct TextRuleASCIITests {
    /// The rule as written for any text: the first refused scalar, then the
    /// length, then blankness.
    static func reference(_ rule: TextRule, _ text: String) -> TextProblem? {
        for scalar in text.unicodeScalars where TextRule.isRefused(scalar) {
            if scalar == "\n" {
                if rule.multiline { continue }
                return .lineBreak
            }
            return scalar == "\r" && !rule.multiline ? .lineBreak : .controlCharacter(scalar.value)
        }
        let length = TextRule.length(of: text)
        if length > rule.maximumLength { return .tooLong(length: length, maximum: rule.maximumLength) }
        if rule.required, text.allSatisfy(\.isWhitespace) { return .blank }
        return nil
    }

    static let rules = [TextRule.name, .optionalName, .reason, .note, .anyText, TextRule(maximumLength: 3, required: true, multiline: true)]

    @Test(arguments: rules)
    func everyShortASCIITextGetsTheVerdictOfTheScalarRule(rule: TextRule) {
        let bytes: [UInt8] = [0x00, 0x09, 0x0A, 0x0D, 0x1B, 0x1F, 0x20, 0x41, 0x7E, 0x7F]
        var texts = [""]
        for a in bytes {
            texts.append(String(decoding: [a], as: UTF8.self))
            for b in bytes {
                texts.append(String(decoding: [a, b], as: UTF8.self))
                for c in bytes { texts.append(String(decoding: [a, b, c, 0x20], as: UTF8.self)) }
            }
        }
        texts += ["Seminar", "   ", String(repeating: "x", count: 201), String(repeating: "x", count: 2_001), "a\nb", "a\r\nb"]
        for text in texts {
            #expect(rule.problem(in: text) == Self.reference(rule, text), "\(Array(text.utf8))")
        }
    }
}
