import Testing
@testable import CenterDomain

/// One text rule: NFC, length in Unicode scalars (as SQLite's length()),
/// no control characters, a line feed only in notes.
@Suite struct TextRuleTests {
    @Test func textIsKeptInNFC() throws {
        let decomposed = "\u{30CF}\u{309A}\u{30F3}"   // ハ + ゜ + ン
        #expect(try TextRule.name.accept(decomposed) == "\u{30D1}\u{30F3}")
    }

    @Test func lengthCountsUnicodeScalarsAfterNFC() throws {
        let flags = String(repeating: "🇯🇵", count: 100)   // 100 characters, 200 scalars
        #expect(TextRule.length(of: flags) == 200)
        #expect(try TextRule.name.accept(flags) == flags)
        #expect(throws: TextProblem.tooLong(length: 202, maximum: 200)) { try TextRule.name.accept(flags + "🇯🇵") }
    }

    @Test func aDecomposedNameIsCountedComposed() throws {
        let name = String(repeating: "\u{304B}\u{3099}", count: 200)   // が typed as か + ゛, 400 scalars
        #expect(TextRule.length(of: try TextRule.name.accept(name)) == 200)
    }

    @Test(arguments: [0x00, 0x09, 0x1B, 0x7F, 0x85, 0x9F, 0x2028, 0x2029] as [UInt32])
    func controlCharactersAreRefused(_ value: UInt32) throws {
        let scalar = try #require(Unicode.Scalar(value))
        #expect(throws: TextProblem.controlCharacter(value)) { try TextRule.note.accept("a" + String(Character(scalar)) + "b") }
    }

    @Test func aLineFeedIsRefusedInASingleLineField() {
        #expect(throws: TextProblem.lineBreak) { try TextRule.reason.accept("会議\n研修") }
        #expect(throws: TextProblem.lineBreak) { try TextRule.reason.accept("会議\r\n研修") }
    }

    @Test func aNoteMayHoldSeveralLinesWithCRLFReadAsLF() throws {
        #expect(try TextRule.note.accept("一行目\r\n二行目\n三行目") == "一行目\n二行目\n三行目")
    }

    @Test func aRequiredFieldMustNotBeBlank() {
        #expect(throws: TextProblem.blank) { try TextRule.name.accept("") }
        #expect(throws: TextProblem.blank) { try TextRule.name.accept(" \u{3000} ") }
        #expect(TextRule.optionalName.problem(in: "") == nil)
    }

    @Test func aRefusalNamesTheFieldAndTheCap() {
        #expect(throws: Refusal(FieldCode.purposeInvalid, "`purpose` is at most 500 characters; this one has 501.",
                                details: ["field": "purpose", "problem": "too_long", "maximum": "500", "length": "501"])) {
            try TextRule.reason.check(String(repeating: "a", count: 501), field: "purpose", code: FieldCode.purposeInvalid)
        }
    }

    @Test func anEchoIsAtMostAHundredCharacters() {
        #expect(TextRule.echo(String(repeating: "山", count: 300)) == "\"" + String(repeating: "山", count: 100) + "…\"")
        #expect(TextRule.echo("a\u{1B}b") == "\"aU+001Bb\"")
    }
}

/// A field's code, as a use case passes its own.
enum FieldCode: String, ErrorCode {
    case purposeInvalid = "purpose_invalid"
}
