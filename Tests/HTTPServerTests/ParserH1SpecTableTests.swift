import Testing
@testable import HTTPServer

/// The request table of uNetworking/h1spec (`http_test.ts`), ported: a
/// fragment must wait for more bytes, a valid request must parse, a faulty
/// one must be refused with a status in the expected range.
struct ParserH1SpecTableTests {
    enum Verdict: Sendable {
        case waits
        case accepts
        case refuses(ClosedRange<Int>)
    }

    struct Case: Sendable, CustomStringConvertible {
        var raw: String
        var verdict: Verdict
        var description: String { raw.debugDescription }
    }

    static let fragments = ["G", "GET ", "GET /hello", "GET /hello ", "GET /hello HTTP", "GET /hello HTTP/1.1",
                            "GET /hello HTTP/1.1\r", "GET /hello HTTP/1.1\r\n", "GET /hello HTTP/1.1\r\nHos",
                            "GET /hello HTTP/1.1\r\nHost:", "GET /hello HTTP/1.1\r\nHost: ",
                            "GET /hello HTTP/1.1\r\nHost: localhost", "GET /hello HTTP/1.1\r\nHost: localhost\r",
                            "GET /hello HTTP/1.1\r\nHost: localhost\r\n",
                            "GET /hello HTTP/1.1\r\nHost: localhost\r\n\r"]

    static let cases: [Case] = fragments.map { Case(raw: $0, verdict: .waits) } + [
        Case(raw: "GET / \r\n\r\n", verdict: .refuses(400...599)),
        Case(raw: "GET / HTTP/1.1\r\nHost: example.com\r\nExpect: 100-continue\r\n\r\n", verdict: .accepts),
        Case(raw: "GET / HTTP/1.1\r\nHost: example.com\r\n\r\n", verdict: .accepts),
        Case(raw: "GET / HTTP/1.1\r\nhoSt:\texample.com\r\nempty:\r\n\r\n", verdict: .accepts),
        Case(raw: "GET / HTTP/1.1\r\nHost: example.com\r\nX-Invalid[]: test\r\n\r\n", verdict: .refuses(400...499)),
        Case(raw: "GET / HTTP/1.1\r\nContent-Length: 5\r\n\r\n", verdict: .refuses(400...499)),
        Case(raw: "GET / HTTP/1.1\r\nHost: example.com\r\nHost: example.org\r\n\r\n", verdict: .refuses(400...499)),
        Case(raw: "GET / HTTP/1.1\r\nHost: example.com\r\nContent-Length: -123456789123456789123456789\r\n\r\n",
             verdict: .refuses(400...499)),
        Case(raw: "GET / HTTP/1.1\r\nHost: example.com\r\nContent-Length: -1234\r\n\r\n", verdict: .refuses(400...499)),
        Case(raw: "GET / HTTP/1.1\r\nHost: example.com\r\nContent-Length: abc\r\n\r\n", verdict: .refuses(400...499)),
        Case(raw: "GET / HTTP/1.1\r\nHost: example.com\r\nX-Empty-Header: \r\n\r\n", verdict: .accepts),
        Case(raw: "GET / HTTP/1.1\r\nHost: example.com\r\nX-Bad-Control-Char: test\u{07}\r\n\r\n",
             verdict: .refuses(400...499)),
        Case(raw: "GET / HTTP/9.9\r\nHost: example.com\r\n\r\n", verdict: .refuses(400...599)),
        Case(raw: "Extra lineGET / HTTP/1.1\r\nHost: example.com\r\n\r\n", verdict: .refuses(400...599)),
        Case(raw: "GET / HTTP/1.1\r\nHost: example.com\r\n\rSome-Header: Test\r\n\r\n", verdict: .refuses(400...499)),
        Case(raw: "POST / HTTP/1.1\r\nHost: example.com\r\nContent-Length: 5\r\n\r\nhello", verdict: .accepts),
        Case(raw: "GET / HTTP/1.1\r\nHost: example.com\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n",
             verdict: .refuses(400...499)),
    ]

    @Test(arguments: cases)
    func h1specVerdict(_ c: Case) {
        let outcome = parse(c.raw)
        switch c.verdict {
        case .waits:
            #expect(outcome.requests.isEmpty && outcome.error == nil)
        case .accepts:
            #expect(outcome.requests.count == 1 && outcome.error == nil)
        case .refuses(let range):
            #expect(outcome.status.map(range.contains) == true, "got \(outcome)")
        }
    }
}
