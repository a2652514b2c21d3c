import Testing
@testable import HTTPServer

/// Checklist items 7, 8 and 10: Content-Length and Transfer-Encoding
/// (RFC 9110 §8.6; RFC 9112 §6.1, §6.3).
struct ParserFramingTests {
    let head = "POST /x HTTP/1.1\r\nHost: h\r\n"

    @Test func contentLengthBodyIsRead() {
        #expect(parse(head + "Content-Length: 5\r\n\r\nhello").requests.first?.body == Array("hello".utf8))
    }
    @Test func signedContentLengthIs400() { #expect(status(head + "Content-Length: +5\r\n\r\nhello") == 400) }
    @Test func hexContentLengthIs400() { #expect(status(head + "Content-Length: 0x5\r\n\r\nhello") == 400) }
    @Test func spacedContentLengthIs400() { #expect(status(head + "Content-Length: 1 2\r\n\r\n") == 400) }
    @Test func underscoreContentLengthIs400() { #expect(status(head + "Content-Length: 1_0\r\n\r\n") == 400) }
    @Test func nineteenDigitContentLengthIs400() {
        #expect(status(head + "Content-Length: 1234567890123456789\r\n\r\n") == 400)
    }
    @Test func identicalDuplicateContentLengthIsAccepted() {
        #expect(parse(head + "Content-Length: 2\r\nContent-Length: 2\r\n\r\nok").requests.count == 1)
        #expect(parse(head + "Content-Length: 2, 2\r\n\r\nok").requests.count == 1)
    }
    @Test func differingDuplicateContentLengthIs400() {
        #expect(status(head + "Content-Length: 2\r\nContent-Length: 3\r\n\r\nok") == 400)
        #expect(status(head + "Content-Length: 2, 3\r\n\r\nok") == 400)
    }
    @Test func contentLengthOverCapIs413() {
        let limits = HTTPParserLimits(maxBodyBytes: 10)
        #expect(status(head + "Content-Length: 11\r\n\r\n", limits: limits) == 413)
    }

    @Test func contentLengthWithTransferEncodingIs400() {
        #expect(status(head + "Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n") == 400)
    }
    @Test func finalCodingNotChunkedIs400() { #expect(status(head + "Transfer-Encoding: gzip\r\n\r\n") == 400) }
    @Test func otherCodingBeforeChunkedIs501() {
        #expect(status(head + "Transfer-Encoding: gzip, chunked\r\n\r\n") == 501)
    }
    @Test func chunkedTwiceIs400() { #expect(status(head + "Transfer-Encoding: chunked, chunked\r\n\r\n") == 400) }
    @Test func transferEncodingOnHTTP10Is400() {
        #expect(status("POST /x HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n") == 400)
    }
    @Test func repeatedTransferEncodingIs400() {
        #expect(status(head + "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n") == 400)
    }
    @Test func noLengthAndNoCodingMeansEmptyBody() {
        let outcome = parse(head + "\r\nGET / HTTP/1.1\r\nHost: h\r\n\r\n")
        #expect(outcome.requests.count == 2)
        #expect(outcome.requests.first?.body == [])
    }
    @Test func pipelinedRequestsAreKeptInOrder() {
        let outcome = parse(head + "Content-Length: 1\r\n\r\naGET /b HTTP/1.1\r\nHost: h\r\n\r\n")
        #expect(outcome.requests.map(\.target) == ["/x", "/b"])
    }
}
