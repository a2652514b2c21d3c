import Testing
@testable import HTTPServer

/// Checklist item 21: target decoding (RFC 9110 §4.2.3, RFC 3986 §2.1, §5.2.4).
struct ParserTargetTests {
    func request(_ target: String) -> ParseOutcome { parse("GET \(target) HTTP/1.1\r\nHost: h\r\n\r\n") }

    @Test func segmentsArePercentDecodedOnce() {
        #expect(request("/a%20b/%E4%B8%AD/%2541").requests.first?.path == ["a b", "中", "%41"])
    }
    @Test func rootHasNoSegments() { #expect(request("/").requests.first?.path == []) }
    @Test func invalidEscapeIs400() { #expect(request("/a%zz").status == 400) }
    @Test func truncatedEscapeIs400() { #expect(request("/a%2").status == 400) }
    @Test func encodedNulIs400() { #expect(request("/a%00b").status == 400) }
    @Test func invalidUTF8Is400() { #expect(request("/a%C3%28").status == 400) }
    @Test func encodedSlashIs400() { #expect(request("/a%2Fb").status == 400) }
    @Test func dotSegmentIs400() { #expect(request("/a/./b").status == 400) }
    @Test func dotDotSegmentIs400() { #expect(request("/a/../b").status == 400) }
    @Test func encodedDotDotSegmentIs400() { #expect(request("/a/%2E%2E/b").status == 400) }
    @Test func fragmentIs400() { #expect(request("/a#frag").status == 400) }
    @Test func queryIsSplitAndPlusIsSpace() {
        #expect(request("/s?q=a+b&x=%26&flag&=v").requests.first?.query == ["q=a b", "x=&", "flag=", "=v"])
    }
    @Test func plusInPathStaysPlus() { #expect(request("/a+b").requests.first?.path == ["a+b"]) }
    @Test func invalidQueryEscapeIs400() { #expect(request("/s?q=%G1").status == 400) }
    @Test func utf8TypedIntoTheQueryReadsAsItsPercentEncoding() {
        #expect(request("/s?q=山田").requests.first?.query == ["q=山田"])
        #expect(request("/s?q=%E5%B1%B1%E7%94%B0").requests.first?.query == ["q=山田"])
        #expect(request("/s?q=ｱﾏﾀﾞ+花子").requests.first?.query == ["q=ｱﾏﾀﾞ 花子"])
    }
    @Test func aQueryThatIsNotUTF8IsInvalidEncoding() {
        // 山田 in Shift_JIS, percent-encoded and as raw bytes.
        #expect(request("/s?q=%8ER%93c").error?.code == .invalidEncoding)
        let raw = Array("GET /s?q=".utf8) + [0x8E, 0x52, 0x93, 0x63] + Array(" HTTP/1.1\r\nHost: h\r\n\r\n".utf8)
        #expect(parse(chunks: [raw]).error?.code == .invalidEncoding)
        #expect(parse(chunks: [raw]).status == 400)
    }
    @Test func aLoneContinuationByteInTheQueryIsInvalidEncoding() {
        let raw = Array("GET /s?q=a".utf8) + [0x80] + Array(" HTTP/1.1\r\nHost: h\r\n\r\n".utf8)
        #expect(parse(chunks: [raw]).error?.code == .invalidEncoding)
    }
    @Test func aRawNonASCIIByteInThePathIs400() {
        #expect(request("/山田").error?.code == .badRequest)
        #expect(request("/%E5%B1%B1").requests.first?.path == ["山"])
    }
    @Test func controlBytesAndDELStayRefusedInTheTarget() {
        #expect(request("/s?q=a\u{7F}").status == 400)
    }
}
