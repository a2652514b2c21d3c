import Testing
@testable import HTTPServer

/// Checklist items 4–6: field syntax, limits and Host (RFC 9112 §3.2, §5;
/// RFC 9110 §5.5; RFC 6585 §5).
struct ParserHeaderTests {
    @Test func fieldNamesAreLowercasedAndValuesTrimmed() {
        let outcome = parse("GET / HTTP/1.1\r\nHost: h\r\nX-Thing: \t spaced value \t\r\n\r\n")
        #expect(outcome.requests.first?.headers == ["host: h", "x-thing: spaced value"])
    }
    @Test func spaceBeforeColonIs400() { #expect(status("GET / HTTP/1.1\r\nHost : h\r\n\r\n") == 400) }
    @Test func nonTokenFieldNameIs400() { #expect(status("GET / HTTP/1.1\r\nHost: h\r\nBad(Name): v\r\n\r\n") == 400) }
    @Test func emptyFieldNameIs400() { #expect(status("GET / HTTP/1.1\r\nHost: h\r\n: v\r\n\r\n") == 400) }
    @Test func lineWithoutColonIs400() { #expect(status("GET / HTTP/1.1\r\nHost: h\r\nnocolon\r\n\r\n") == 400) }
    @Test func obsFoldIs400() { #expect(status("GET / HTTP/1.1\r\nHost: h\r\nX-A: a\r\n b\r\n\r\n") == 400) }
    @Test func nulInValueIs400() { #expect(status("GET / HTTP/1.1\r\nHost: h\r\nX-A: a\u{0}b\r\n\r\n") == 400) }
    @Test func controlCharacterInValueIs400() {
        #expect(status("GET / HTTP/1.1\r\nHost: h\r\nX-A: a\u{1}b\r\n\r\n") == 400)
    }
    @Test func delInValueIs400() { #expect(status("GET / HTTP/1.1\r\nHost: h\r\nX-A: a\u{7F}b\r\n\r\n") == 400) }

    @Test func tooManyFieldsIs431() {
        let limits = HTTPParserLimits(maxHeaderFields: 3)
        let head = "GET / HTTP/1.1\r\nHost: h\r\n" + (1...3).map { "X-\($0): v\r\n" }.joined() + "\r\n"
        #expect(status(head, limits: limits) == 431)
    }
    @Test func fieldLineOverLimitIs431() {
        let limits = HTTPParserLimits(maxHeaderFieldBytes: 64)
        #expect(status("GET / HTTP/1.1\r\nHost: h\r\nX-A: \(String(repeating: "v", count: 80))\r\n\r\n",
                       limits: limits) == 431)
    }
    @Test func headerSectionOverLimitIs431() {
        let limits = HTTPParserLimits(maxHeaderBytes: 100)
        let head = "GET / HTTP/1.1\r\nHost: h\r\n" + (1...10).map { "X-\($0): 0123456789\r\n" }.joined()
        #expect(status(head, limits: limits) == 431)
    }

    @Test func missingHostOnHTTP11Is400() { #expect(status("GET / HTTP/1.1\r\n\r\n") == 400) }
    @Test func repeatedHostIs400() { #expect(status("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n") == 400) }
    @Test func invalidHostIs400() { #expect(status("GET / HTTP/1.1\r\nHost: a b@c\r\n\r\n") == 400) }
    @Test func hostWithNonNumericPortIs400() { #expect(status("GET / HTTP/1.1\r\nHost: a:8x\r\n\r\n") == 400) }
    @Test func ipv6HostIsAccepted() {
        #expect(parse("GET / HTTP/1.1\r\nHost: [::1]:8080\r\n\r\n").requests.count == 1)
    }
    @Test func absoluteFormTargetIsAccepted() {
        let outcome = parse("GET http://example.com/a?b=c HTTP/1.1\r\nHost: other\r\n\r\n")
        #expect(outcome.requests.first?.path == ["a"])
        #expect(outcome.requests.first?.query == ["b=c"])
    }
    @Test func asteriskFormOnlyWithOptions() {
        #expect(parse("OPTIONS * HTTP/1.1\r\nHost: h\r\n\r\n").requests.count == 1)
        #expect(status("GET * HTTP/1.1\r\nHost: h\r\n\r\n") == 400)
    }

    @Test func http11ConnectionCloseDoesNotPersist() {
        #expect(parse("GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n").requests.first?.keepAlive == false)
    }
    @Test func http10KeepAlivePersists() {
        #expect(parse("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n").requests.first?.keepAlive == true)
    }
    @Test func unknownExpectationIs417() {
        #expect(status("GET / HTTP/1.1\r\nHost: h\r\nExpect: teapot\r\n\r\n") == 417)
    }
}
