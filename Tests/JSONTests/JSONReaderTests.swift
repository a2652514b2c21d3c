import JSON
import Testing

/// The strict reader: RFC 8259 exactly, a repeated field refused.
@Suite struct JSONReaderTests {
    private func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue { try JSONReader.parse(Array(text.utf8)) }

    private func syntaxError(_ text: String) -> JSONSyntaxError? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func aRepeatedFieldIsRefusedWithItsPath() {
        let error = syntaxError(#"{"facility":"hall","days":1,"days":2}"#)
        #expect(error?.kind == .duplicateKey)
        #expect(error?.path == "$.days")
    }

    @Test func aRepeatedFieldDeepInsideIsRefusedWithItsPath() {
        let error = syntaxError(#"{"closures":[{"from":"a"},{"to":"b","to":"c"}]}"#)
        #expect(error?.kind == .duplicateKey)
        #expect(error?.path == "$.closures[1].to")
    }

    @Test func theSameFieldInTwoObjectsIsNotARepeat() throws {
        #expect(try parse(#"[{"a":1},{"a":2}]"#) == [["a": 1], ["a": 2]])
    }

    @Test func nestingDeeperThanTheLimitIsRefused() {
        let deep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        #expect(syntaxError(deep)?.kind == .malformed)
        let allowed = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(syntaxError(allowed) == nil)
    }

    @Test(arguments: ["01", "+1", ".5", "1.", "-", "1e", "1e+", "NaN", "Infinity", "-Infinity", "0x10", "1_000", "--1"])
    func numbersFollowTheGrammarExactly(_ text: String) {
        #expect(syntaxError(text)?.kind == .malformed)
    }

    @Test func integersStayExact() throws {
        #expect(try parse("9223372036854775807") == .int(Int.max))
        #expect(try parse("-9223372036854775808") == .int(Int.min))
    }

    @Test func minusZeroIsTheIntegerZero() throws {
        #expect(try parse("-0") == .int(0))
    }

    @Test func integersBeyondIntAreNumbersNotWrappedIntegers() throws {
        #expect(try parse("9223372036854775808") == .double(9_223_372_036_854_775_808))
    }

    @Test func fractionsAndExponentsAreNumbers() throws {
        #expect(try parse("3.5") == .double(3.5))
        #expect(try parse("1e308") == .double(1e308))
        #expect(try parse("1E2") == .double(100))
    }

    @Test func aSurrogatePairEscapeIsOneCharacter() throws {
        #expect(try parse(#""\ud83c\uddef\ud83c\uddf5""#) == .string("🇯🇵"))
    }

    @Test(arguments: [#""\ud83c""#, #""\udc00""#, #""\ud83cx""#, #""\ud83c\u0041""#])
    func aLoneSurrogateIsRefused(_ text: String) {
        #expect(syntaxError(text)?.kind == .malformed)
    }

    @Test func everyEscapeIsRead() throws {
        #expect(try parse(#""\"\\\/\b\f\n\r\t\u00e9\u5c71""#) == .string("\"\\/\u{8}\u{C}\n\r\té山"))
    }

    @Test func anUnknownEscapeIsRefused() {
        #expect(syntaxError(#""\x41""#)?.kind == .malformed)
    }

    @Test func aRawControlCharacterInAStringIsRefused() {
        #expect(syntaxError("\"a\u{1}b\"")?.kind == .malformed)
        #expect(syntaxError("\"a\nb\"")?.kind == .malformed)
    }

    @Test func invalidUTF8IsRefused() {
        #expect(throws: JSONSyntaxError.self) { try JSONReader.parse([0x22, 0xC3, 0x28, 0x22]) }
        #expect(throws: JSONSyntaxError.self) { try JSONReader.parse([0x22, 0xED, 0xA0, 0x80, 0x22]) }
    }

    /// A string of ASCII alone is taken without validating; one byte above
    /// 0x7F anywhere in it, even after ASCII, has the whole string validated.
    @Test func invalidUTF8AfterASCIIIsRefusedAndValidTextAfterASCIIIsKept() throws {
        #expect(throws: JSONSyntaxError.self) { try JSONReader.parse(Array(#""abc"#.utf8) + [0xFF, 0x22]) }
        #expect(throws: JSONSyntaxError.self) { try JSONReader.parse(Array(#""abc"#.utf8) + [0xC3, 0x28, 0x22]) }
        #expect(try JSONReader.parse(Array(#""abc会議室""#.utf8)) == .string("abc会議室"))
        #expect(try JSONReader.parse(Array(#""plain ascii""#.utf8)) == .string("plain ascii"))
    }

    @Test func textAfterTheValueIsRefused() {
        #expect(syntaxError(#"{"a":1}x"#)?.kind == .malformed)
        #expect(syntaxError(#"{"a":1}{"a":2}"#)?.kind == .malformed)
    }

    @Test func aByteOrderMarkIsRefused() {
        #expect(throws: JSONSyntaxError.self) { try JSONReader.parse([0xEF, 0xBB, 0xBF] + Array("{}".utf8)) }
    }

    @Test func onlyJSONWhitespaceIsSkipped() throws {
        #expect(try parse(" \t\r\n{ \"a\" : [ 1 , 2 ] }\n") == ["a": [1, 2]])
        #expect(syntaxError("\u{A0}{}")?.kind == .malformed)
    }

    @Test(arguments: ["", "{", "[1,", #"{"a"}"#, #"{"a":}"#, "[1,]", #"{"a":1,}"#, "tru", "nul", #"{'a':1}"#])
    func malformedTextIsRefused(_ text: String) {
        #expect(syntaxError(text)?.kind == .malformed)
    }

    @Test func anErrorSaysWhereItIs() {
        let error = syntaxError("{\n  \"a\": 1,\n  \"b\" 2\n}")
        #expect(error?.line == 3)
        #expect(error?.column == 7)
        #expect(error?.description == "expected ':' after a field name, found '2' (line 3, column 7)")
    }

    @Test func fieldOrderIsKept() throws {
        guard case .object(let pairs) = try parse(#"{"b":1,"a":2}"#) else { Issue.record("not an object"); return }
        #expect(pairs.map(\.0) == ["b", "a"])
    }
}
