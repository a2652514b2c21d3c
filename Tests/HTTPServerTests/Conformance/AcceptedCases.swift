/// Edge cases the server must serve, not refuse: a strict parser that also
/// rejects valid messages would be its own kind of disagreement. Each is
/// answered and the connection stays usable (the next request on it gets
/// 200), which shows the body was framed exactly.
enum AcceptedCases {
    static let post = "POST /echo HTTP/1.1\r\nHost: a\r\n"

    static let all: [HostileCase] = [
        .served("valid GET", "h1spec", "GET /health HTTP/1.1\r\nHost: example.com\r\n\r\n"),
        .served("lower-case Host name, tab before the value, empty field", "h1spec",
                "GET /health HTTP/1.1\r\nhoSt:\texample.com\r\nempty:\r\n\r\n"),
        .served("empty field value", "h1spec", "GET /health HTTP/1.1\r\nHost: example.com\r\nX-Empty-Header: \r\n\r\n"),
        .served("every tchar in a field name", "garden Bun 1", "GET /health HTTP/1.1\r\nHost: a\r\nTe!#$%&'*+.^_`|~st: a\r\n\r\n"),
        .served("Expect: 100-continue without a body", "h1spec",
                "GET /health HTTP/1.1\r\nHost: example.com\r\nExpect: 100-continue\r\n\r\n"),
        .served("POST with a body", "h1spec", post + "Content-Length: 5\r\n\r\nhello", body: "hello"),
        .served("Content-Length with leading zeros is decimal", "garden OLS 3", post + "Content-Length: 010\r\n\r\n0123456789",
                body: "0123456789"),
        .served("identical Content-Length lines", "notes §1.7", post + "Content-Length: 2\r\nContent-Length: 2\r\n\r\nok",
                body: "ok"),
        .served("identical Content-Length list", "notes §1.7", post + "Content-Length: 2, 2\r\n\r\nok", body: "ok"),
        .served("GET with a Content-Length body", "garden relayd 6", "GET /health HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\n1234567890"),
        .served("TE 'chunked ' with trailing whitespace", "notes §1.8",
                post + "Transfer-Encoding: chunked \r\n\r\n5\r\nhello\r\n0\r\n\r\n", body: "hello"),
        .served("TE 'Chunked' in another case", "notes §1.8",
                post + "Transfer-Encoding: Chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", body: "hello"),
        .served("TE ',chunked' with an empty list element", "garden Azure 1",
                post + "Transfer-Encoding: ,chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", body: "hello"),
        .served("upper-case hex chunk size and an extension", "notes §1.9",
                post + "Transfer-Encoding: chunked\r\n\r\nA;name=\"v\"\r\n0123456789\r\n0\r\n\r\n", body: "0123456789"),
        .served("trailer that looks like a request line", "garden Puma 2",
                post + "Transfer-Encoding: chunked\r\n\r\n0\r\nX:POST / HTTP/1.1\r\n\r\n", body: ""),
        .served("leading empty line", "notes §1.3", "\r\nGET /health HTTP/1.1\r\nHost: a\r\n\r\n"),
        .served("empty Host on HTTP/1.1", "notes §1.6", "GET /health HTTP/1.1\r\nHost:\r\n\r\n"),
        .served("Host with an IPv6 literal and port", "notes §1.6", "GET /health HTTP/1.1\r\nHost: [::1]:8080\r\n\r\n"),
        .served("absolute-form target overrides Host", "notes §1.6", "GET http://other/health HTTP/1.1\r\nHost: a\r\n\r\n"),
        .served("HTTP/1.0 keep-alive without Host", "notes §1.11", "GET /health HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"),
        .served("percent-encoded UTF-8 segment", "notes §1.21", "GET /items/%E4%B8%AD%E9%87%8E HTTP/1.1\r\nHost: a\r\n\r\n",
                body: "中野"),
        .served("encoded percent decoded once", "notes §1.21", "GET /items/%2541 HTTP/1.1\r\nHost: a\r\n\r\n", body: "%41"),
        .served("Content_Length is another field, not a length", "notes §1.7",
                post + "Content_Length: 5\r\n\r\n", body: ""),
        .served("TE 'chunked,' with a trailing empty element", "notes §1.8",
                post + "Transfer-Encoding: chunked,\r\n\r\n2\r\nok\r\n0\r\n\r\n", body: "ok"),
        .served("UTF-8 (obs-text) in a field value", "notes §1.4", "GET /health HTTP/1.1\r\nHost: a\r\nX-Name: \\xe4\\xb8\\xad\\xe9\\x87\\x8e\r\n\r\n"),
        .served("exactly 100 fields", "notes §1.5",
                "GET /health HTTP/1.1\r\nHost: a\r\n" + OversizeCases.fields(99, valueBytes: 1) + "\r\n"),
        .served("request line of exactly 8 KiB", "notes §1.1",
                "GET /" + String(repeating: "a", count: 8192 - 14) + " HTTP/1.1\r\nHost: a\r\n\r\n", status: 404),
        .served("body of exactly 1 MiB", "notes §1.7",
                post + "Content-Length: \(1 << 20)\r\n\r\n" + String(repeating: "b", count: 1 << 20),
                body: String(repeating: "b", count: 1 << 20)),
        .sequence("100 pipelined requests in one write", "notes §1.12", Array(repeating: 200, count: 100), closes: false,
                  String(repeating: "GET /health HTTP/1.1\r\nHost: a\r\n\r\n", count: 100)),
        .sequence("a 404 consumes its body before the next request", "notes §1.12", [404, 200], closes: false,
                  "POST /nowhere HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello" + "GET /health HTTP/1.1\r\nHost: a\r\n\r\n"),
        .sequence("a 405 consumes its chunked body before the next request", "notes §1.12", [405, 200], closes: false,
                  "DELETE /health HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n"
                    + "GET /health HTTP/1.1\r\nHost: a\r\n\r\n"),
        .sequence("valid request, then CL.TE on the same connection", "notes §1.12", [200, 400], closes: true,
                  "GET /health HTTP/1.1\r\nHost: a\r\n\r\n" + post + "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
        .sequence("pipelined body ends where Content-Length says", "notes §1.12", [200, 200], closes: false,
                  post + "Content-Length: 1\r\n\r\nZGET /health HTTP/1.1\r\nHost: a\r\n\r\n"),
        .sequence("HTTP/1.0 without keep-alive closes", "notes §1.11", [200], closes: true, "GET /health HTTP/1.0\r\n\r\n"),
        .sequence("Connection: close is honoured before a follower", "notes §1.11", [200], closes: true,
                  "GET /health HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\nGET /health HTTP/1.1\r\nHost: a\r\n\r\n"),
    ]

    /// Prefixes of a valid request (h1spec "Fragmented ..."): the server must
    /// wait for the rest, neither answering nor closing, then serve it.
    static let fragments: [String] = [
        "G", "GET ", "GET /health", "GET /health ", "GET /health HTTP", "GET /health HTTP/1.1",
        "GET /health HTTP/1.1\r", "GET /health HTTP/1.1\r\n", "GET /health HTTP/1.1\r\nHos",
        "GET /health HTTP/1.1\r\nHost:", "GET /health HTTP/1.1\r\nHost: ", "GET /health HTTP/1.1\r\nHost: localhost",
        "GET /health HTTP/1.1\r\nHost: localhost\r", "GET /health HTTP/1.1\r\nHost: localhost\r\n",
        "GET /health HTTP/1.1\r\nHost: localhost\r\n\r",
    ]
    static let whole = "GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n"
}
