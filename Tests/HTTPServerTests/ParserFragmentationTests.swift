import Testing
@testable import HTTPServer

/// The parser's verdict does not depend on how bytes are split into reads.
struct ParserFragmentationTests {
    static let samples: [String] = [
        "GET /health HTTP/1.1\r\nHost: h\r\n\r\n",
        "\r\nPOST /echo?a=1 HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhello",
        "POST /c HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n5;x=y\r\nhello\r\n3\r\nabc\r\n0\r\nT: v\r\n\r\n",
        "GET /a HTTP/1.1\r\nHost: h\r\n\r\nGET /b HTTP/1.0\r\nConnection: keep-alive\r\n\r\n",
        "POST /p HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n"
            + "GET /q HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\nhi",
        "GET / HTTP/1.1\r\nHost: h\r\nX: a\u{1}\r\n\r\n",
    ]

    @Test(arguments: samples)
    func everySplitPointParsesIdentically(_ sample: String) {
        let bytes = Array(sample.utf8)
        let whole = parse(chunks: [bytes])
        for cut in 1..<bytes.count {
            #expect(parse(chunks: [Array(bytes[..<cut]), Array(bytes[cut...])]) == whole, "split at \(cut)")
        }
    }

    @Test(arguments: samples)
    func byteAtATimeParsesIdentically(_ sample: String) {
        let bytes = Array(sample.utf8)
        #expect(parse(chunks: bytes.map { [$0] }) == parse(chunks: [bytes]))
    }

    /// Found by the fuzzer: a bare LF past the header-section budget gave 400
    /// whole but 431 when the first read already exceeded the budget.
    @Test func sectionLimitVerdictDoesNotDependOnSplit() {
        let limits = HTTPParserLimits(maxHeaderBytes: 40)
        let bytes = Array(("GET / HTTP/1.1\r\nHost: h\r\nX-A: " + String(repeating: "v", count: 60) + "\nrest").utf8)
        let whole = parse(chunks: [bytes], limits: limits)
        #expect(whole.status == 431)
        for cut in 1..<bytes.count {
            #expect(parse(chunks: [Array(bytes[..<cut]), Array(bytes[cut...])], limits: limits) == whole)
        }
    }
}
