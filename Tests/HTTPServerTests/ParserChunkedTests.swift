import Testing
@testable import HTTPServer

/// Checklist item 9: chunked decoding (RFC 9112 §7.1).
struct ParserChunkedTests {
    let head = "POST /x HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"

    @Test func chunksAreDecoded() {
        let outcome = parse(head + "5\r\nhello\r\nA;ext=1\r\n0123456789\r\n0\r\n\r\n")
        #expect(outcome.requests.first?.body == Array("hello0123456789".utf8))
    }
    @Test func trailersAreParsedAndDiscarded() {
        let outcome = parse(head + "1\r\na\r\n0\r\nX-Trailer: t\r\n\r\n")
        #expect(outcome.requests.first?.body == Array("a".utf8))
        #expect(outcome.requests.first?.headers.contains("x-trailer: t") == false)
    }
    @Test func hexPrefixChunkSizeIs400() { #expect(status(head + "0x5\r\nhello\r\n0\r\n\r\n") == 400) }
    @Test func signedChunkSizeIs400() { #expect(status(head + "+5\r\nhello\r\n0\r\n\r\n") == 400) }
    @Test func underscoreChunkSizeIs400() { #expect(status(head + "1_0\r\n") == 400) }
    @Test func spaceAfterChunkSizeIs400() { #expect(status(head + "5 \r\nhello\r\n0\r\n\r\n") == 400) }
    @Test func emptyChunkSizeIs400() { #expect(status(head + "\r\nhello\r\n0\r\n\r\n") == 400) }
    @Test func overflowingChunkSizeIsRefused() {
        #expect(status(head + "FFFFFFFFFFFFFFFFF\r\n") == 400)
        #expect(status(head + "FFFFFFFFFFFFFFFF\r\n") == 413)
    }
    @Test func chunkExtensionOverCapIs400() {
        let limits = HTTPParserLimits(maxChunkExtensionBytes: 8)
        #expect(status(head + "1;" + String(repeating: "e", count: 20) + "\r\na\r\n0\r\n\r\n", limits: limits) == 400)
    }
    @Test func crInsideChunkExtensionIs400() { #expect(status(head + "1;a\rb\r\na\r\n0\r\n\r\n") == 400) }
    @Test func missingCRLFAfterChunkDataIs400() { #expect(status(head + "1\r\nab\r\n0\r\n\r\n") == 400) }
    @Test func bareLFAfterChunkDataIs400() { #expect(status(head + "1\r\na\n0\r\n\r\n") == 400) }
    @Test func decodedTotalOverCapIs413() {
        let limits = HTTPParserLimits(maxBodyBytes: 8)
        #expect(status(head + "5\r\nhello\r\n5\r\nworld\r\n0\r\n\r\n", limits: limits) == 413)
    }
    @Test func trailerWithBadNameIs400() { #expect(status(head + "0\r\nBad Name: v\r\n\r\n") == 400) }
    @Test func tooManyTrailersIs431() {
        let limits = HTTPParserLimits(maxHeaderFields: 2)
        #expect(status(head + "0\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n", limits: limits) == 431)
    }
}
