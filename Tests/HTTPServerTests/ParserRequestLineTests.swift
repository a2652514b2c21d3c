import Testing
@testable import HTTPServer

/// Checklist items 1–3: request line, version and line endings (RFC 9112 §2–3).
struct ParserRequestLineTests {
    @Test func simpleGetParses() {
        let outcome = parse("GET /a/b?x=1 HTTP/1.1\r\nHost: h\r\n\r\n")
        #expect(outcome.error == nil)
        #expect(outcome.requests.first?.path == ["a", "b"])
        #expect(outcome.requests.first?.keepAlive == true)
    }

    @Test func doubleSpaceInRequestLineIs400() { #expect(status("GET  / HTTP/1.1\r\nHost: h\r\n\r\n") == 400) }
    @Test func trailingSpaceInRequestLineIs400() { #expect(status("GET / HTTP/1.1 \r\nHost: h\r\n\r\n") == 400) }
    @Test func tabSeparatorIs400() { #expect(status("GET\t/ HTTP/1.1\r\nHost: h\r\n\r\n") == 400) }
    @Test func missingVersionIs400() { #expect(status("GET /\r\nHost: h\r\n\r\n") == 400) }

    @Test func unknownMethodIs501() { #expect(status("BREW / HTTP/1.1\r\nHost: h\r\n\r\n") == 501) }
    @Test func methodLongerThanAnyKnownIs501() {
        #expect(status("PROPFINDXYZ / HTTP/1.1\r\nHost: h\r\n\r\n") == 501)
    }
    @Test func overlongMethodTokenOnOverlongLineIs501() {
        let limits = HTTPParserLimits(maxRequestLineBytes: 32)
        #expect(status(String(repeating: "A", count: 40) + " / HTTP/1.1\r\n", limits: limits) == 501)
    }
    @Test func lowercaseMethodIs501() { #expect(status("get / HTTP/1.1\r\nHost: h\r\n\r\n") == 501) }

    @Test func requestLineOverLimitIs414() {
        let limits = HTTPParserLimits(maxRequestLineBytes: 64)
        #expect(status("GET /" + String(repeating: "a", count: 100) + " HTTP/1.1\r\n", limits: limits) == 414)
    }
    @Test func requestLineOf8000OctetsIsAccepted() {
        let target = "/" + String(repeating: "a", count: 7980)
        #expect(parse("GET \(target) HTTP/1.1\r\nHost: h\r\n\r\n").requests.count == 1)
    }

    @Test func http2VersionIs505() { #expect(status("GET / HTTP/2.0\r\nHost: h\r\n\r\n") == 505) }
    @Test func http3VersionIs505() { #expect(status("GET / HTTP/3\r\nHost: h\r\n\r\n") == 505) }
    @Test func malformedVersionIs400() { #expect(status("GET / HTTP/1.1.1\r\nHost: h\r\n\r\n") == 400) }
    @Test func lowercaseVersionIs400() { #expect(status("GET / http/1.1\r\nHost: h\r\n\r\n") == 400) }
    @Test func http10IsAcceptedWithoutHost() {
        let outcome = parse("GET / HTTP/1.0\r\n\r\n")
        #expect(outcome.requests.first?.minorVersion == 0)
        #expect(outcome.requests.first?.keepAlive == false)
    }

    @Test func bareCRIs400() { #expect(status("GET / HTTP/1.1\rHost: h\r\n\r\n") == 400) }
    @Test func bareLFIs400() { #expect(status("GET / HTTP/1.1\nHost: h\n\n") == 400) }
    @Test func bareLFInHeaderSectionIs400() { #expect(status("GET / HTTP/1.1\r\nHost: h\n\r\n") == 400) }
    @Test func leadingEmptyLineIsIgnored() {
        #expect(parse("\r\n\r\nGET / HTTP/1.1\r\nHost: h\r\n\r\n").requests.count == 1)
    }
    @Test func incompleteHeadWaitsForMoreData() {
        let outcome = parse("GET / HTTP/1.1\r\nHost: h\r\n")
        #expect(outcome.requests.isEmpty && outcome.error == nil)
    }
    @Test func tinyRequestLineLimitAnswersWithoutReadingPastTheBuffer() {
        let limits = HTTPParserLimits(maxRequestLineBytes: 2)
        #expect(status("GET", limits: limits) == 501)
        #expect(status("GET / HTTP/1.1\r\n", limits: limits) == 414)
    }
}
