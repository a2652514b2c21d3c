/// Malformed messages that are not framing tricks in themselves but make the
/// rest of the stream untrustworthy: line endings, field syntax, request
/// line, Host and target (RFC 9112 §2–§5; RFC 9110 §4.2.3, §5, §7.2).
/// Every one is answered with its status and the connection closed.
enum MalformedCases {
    static let get = "GET /health HTTP/1.1\r\nHost: a\r\n"

    static let lineEndings: [HostileCase] = [
        .refused("bare LF line endings", "garden OLS 14", 400, "GET /health HTTP/1.1\nHost: a\nConnection: close\n\n"),
        .refused("bare LF between fields", "notes §1.3", 400, get + "X: 1\nContent-Length: 1\r\n\r\nZ"),
        .refused("bare LF field then a blank line", "garden Gunicorn 2", 400, get + "Useless:\n\nGET / HTTP/1.1\r\n\r\n"),
        .refused("bare CR inside a value", "garden OLS 6", 400, get + "Header: va\rlue\r\n\r\n"),
        .refused("bare CRs inside a value", "garden GCP 1", 400, get + "Invalid-Header: this\rvalue\ris\rinvalid\r\n\r\n"),
        .refused("bare CR as a field terminator", "garden CPython 2", 400, get + "Visible: :/\rSmuggled: :)\r\n\r\n"),
        .refused("bare CR hiding Content-Length", "garden Mongoose 3", 400,
                 get + "Whatever: whatever\rContent-Length: 10\r\n\r\n0123456789"),
        .refused("CR then a byte after the head", "garden Node.js 1", 400,
                 get + "\rZGET /evil: HTTP/1.1\r\nHost: a\r\n\r\n"),
        .refused("CR starting a field line", "h1spec", 400, get + "\rSome-Header: Test\r\n\r\n"),
        .refused("LF as request-line whitespace", "garden AIOHTTP 9", 400, "GET /\nHTTP/1.1\r\n\r\n"),
        .refused("obs-fold continuation line", "notes §1.4", 400, get + "X-A: a\r\n b\r\n\r\n"),
        .refused("obs-fold by a tab", "notes §1.4", 400, get + "X-A: a\r\n\tb\r\n\r\n"),
    ]

    static let fieldSyntax: [HostileCase] = [
        .refused("NUL in a value", "garden OLS 9", 400, get + "Test: test\\x00THESE BYTES GET DROPPED\r\n\r\n"),
        .refused("NUL in Host", "garden HAProxy 2", 400, "GET /health HTTP/1.1\r\nHost: google.com\\x00.kallus.org\r\n\r\n"),
        .refused("LF, NUL and CR in a value", "garden AIOHTTP 2", 400, get + "Header: v\n\\x00\ralue\r\n\r\n"),
        .refused("LF, CR and NUL ending a value", "garden Gunicorn 5", 400, get + "Test: x\n\r\\x00\r\n\r\n"),
        .refused("LF then NUL in a value", "garden OLS 11", 400, get + "Test: t\n\\x00st\r\n\r\n"),
        .refused("BEL in a value", "h1spec", 400, get + "X-Bad-Control-Char: test\\x07\r\n\r\n"),
        .refused("ESC in a value", "notes §1.4", 400, get + "X: a\\x1bb\r\n\r\n"),
        .refused("DEL in a value", "notes §1.4", 400, get + "X: a\\x7fb\r\n\r\n"),
        .refused("space before the colon", "notes §1.4", 400, "GET /health HTTP/1.1\r\nHost : a\r\n\r\n"),
        .refused("tab before the colon", "notes §1.4", 400, get + "X-A\t: b\r\n\r\n"),
        .refused("field line without a colon", "garden OLS 10", 400, get + "Test\r\n\r\n"),
        .refused("empty field name", "garden Gunicorn 7", 400, get + ": a\r\n\r\n"),
        .refused("empty field name and value", "garden Node.js 3", 400, get + ":\r\n\r\n"),
        .refused("empty field name before others", "garden Go net/http 3", 400,
                 "GET /health HTTP/1.1\r\n: ignored\r\nHost: a\r\n\r\n"),
        .refused("bare colon chopping the head", "garden Mongoose 2", 400, get + ":\r\nI: am chopped off\r\n\r\n"),
        .refused("brackets in a field name", "h1spec", 400, get + "X-Invalid[]: test\r\n\r\n"),
        .refused("byte 0xff in a field name", "garden AIOHTTP 8", 400, get + "\\xffoo: bar\r\n\r\n"),
        .refused("NUL in a field name", "garden OLS 5", 400, get + "Hea\\x00der: value\r\n\r\n"),
        .refused("byte 0x85 in a field name", "garden ATS 3", 400, get + "Header\\x85: value\r\n\r\n"),
        .refused("space inside a field name", "notes §1.4", 400, get + "Content Length: 5\r\n\r\nhello"),
        .refused("separators in a field name", "garden Mongoose 5b", 400, get + "\"(),/;<=>?@[/]{}: yep\r\n\r\n"),
        .refused("LF in a field name", "garden OLS 12", 400, get + "Te\nst: test\r\n\r\n"),
    ]

    static let requestLine: [HostileCase] = [
        .refused("request line without a version", "h1spec", 400, "GET / \r\n\r\n"),
        .refused("request line of two parts", "notes §1.1", 400, "GET /health\r\nHost: a\r\n\r\n"),
        .refused("junk before the method", "h1spec", 400, "Extra lineGET / HTTP/1.1\r\nHost: a\r\n\r\n"),
        .refused("space before the method", "notes §1.1", 400, " GET /health HTTP/1.1\r\nHost: a\r\n\r\n"),
        .refused("NUL in the target", "notes §1.21", 400, "GET /hea\\x00lth HTTP/1.1\r\nHost: a\r\n\r\n"),
        .refused("tab as separator", "notes §1.1", 400, "GET\t/health HTTP/1.1\r\nHost: a\r\n\r\n"),
        .refused("trailing space after the version", "notes §1.1", 400, "GET /health HTTP/1.1 \r\nHost: a\r\n\r\n"),
        .refused("method of separators", "garden AIOHTTP 6", 400, "G=\":<>(e),[T];?\" /get HTTP/1.1\r\n\r\n"),
        .refused("lower-case method", "notes §1.1", 501, "get /health HTTP/1.1\r\nHost: a\r\n\r\n"),
        .refused("unknown method", "notes §1.1", 501, "TRACE /health HTTP/1.1\r\nHost: a\r\n\r\n"),
        .refused("CONNECT authority-form", "notes §1.1", 501, "CONNECT a:443 HTTP/1.1\r\nHost: a:443\r\n\r\n"),
        .refused("version 1.32", "garden AIOHTTP 5", 400, "GET /health HTTP/1.32\r\n\r\n"),
        .refused("version with a huge major", "garden Libevent 1", 400, "GET /health HTTP/4294967295.255\r\n\r\n"),
        .refused("lower-case version", "notes §1.2", 400, "GET /health http/1.1\r\nHost: a\r\n\r\n"),
        .refused("version 9.9", "h1spec", 505, "GET /health HTTP/9.9\r\nHost: a\r\n\r\n"),
        .refused("HTTP/2 preface", "notes §1.2", 505, "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"),
    ]

    static let host: [HostileCase] = [
        .refused("missing Host on HTTP/1.1", "h1spec", 400, "GET /health HTTP/1.1\r\nContent-Length: 5\r\n\r\n"),
        .refused("missing Host without fields", "garden Bun 2", 400, "GET /health HTTP/1.1\r\n\r\n"),
        .refused("two Host fields", "h1spec", 400, "GET /health HTTP/1.1\r\nHost: example.com\r\nHost: example.org\r\n\r\n"),
        .refused("two identical Host fields", "notes §1.6", 400, "GET /health HTTP/1.1\r\nHost: a\r\nHost: a\r\n\r\n"),
        .refused("two Host fields on HTTP/1.0", "notes §1.6", 400, "GET /health HTTP/1.0\r\nHost: a\r\nHost: b\r\n\r\n"),
        .refused("Host with userinfo", "notes §1.6", 400, "GET /health HTTP/1.1\r\nHost: user@a\r\n\r\n"),
        .refused("Host with a path", "notes §1.6", 400, "GET /health HTTP/1.1\r\nHost: a/b\r\n\r\n"),
        .refused("Host with a space", "notes §1.6", 400, "GET /health HTTP/1.1\r\nHost: a b\r\n\r\n"),
        .refused("Host with a letter in the port", "notes §1.6", 400, "GET /health HTTP/1.1\r\nHost: a:8x\r\n\r\n"),
        .refused("Host with an unclosed IPv6 literal", "notes §1.6", 400, "GET /health HTTP/1.1\r\nHost: [::1\r\n\r\n"),
        .refused("absolute-form without Host", "notes §1.6", 400, "GET http://a/health HTTP/1.1\r\n\r\n"),
        .refused("asterisk-form with GET", "notes §1.6", 400, "GET * HTTP/1.1\r\nHost: a\r\n\r\n"),
    ]

    static let target: [HostileCase] = [
        .refused("target not starting with a slash", "garden AIOHTTP 7", 400, "GET ! HTTP/1.1\r\nHost: a\r\n\r\n"),
        .refused("encoded slash in a segment", "notes §1.21", 400, "GET /items/a%2Fb HTTP/1.1\r\nHost: a\r\n\r\n"),
        .refused("encoded NUL in a segment", "notes §1.21", 400, "GET /items/a%00b HTTP/1.1\r\nHost: a\r\n\r\n"),
        .refused("encoded invalid UTF-8", "notes §1.21", 400, "GET /items/%C3%28 HTTP/1.1\r\nHost: a\r\n\r\n"),
        .refused("encoded byte 0xff", "notes §1.21", 400, "GET /items/%FF HTTP/1.1\r\nHost: a\r\n\r\n"),
        .refused("raw byte 0xff in the target", "notes §1.21", 400, "GET /items/\\xff HTTP/1.1\r\nHost: a\r\n\r\n"),
        .refused("invalid percent escape", "notes §1.21", 400, "GET /items/%zz HTTP/1.1\r\nHost: a\r\n\r\n"),
        .refused("truncated percent escape", "notes §1.21", 400, "GET /items/a% HTTP/1.1\r\nHost: a\r\n\r\n"),
        .refused("dot segment", "notes §1.21", 400, "GET /./health HTTP/1.1\r\nHost: a\r\n\r\n"),
        .refused("dot-dot segment", "notes §1.21", 400, "GET /items/../health HTTP/1.1\r\nHost: a\r\n\r\n"),
        .refused("encoded dot-dot segment", "notes §1.21", 400, "GET /items/%2e%2e/health HTTP/1.1\r\nHost: a\r\n\r\n"),
        .refused("fragment in the target", "notes §1.21", 400, "GET /health#x HTTP/1.1\r\nHost: a\r\n\r\n"),
        .refused("invalid escape in the query", "notes §1.21", 400, "GET /health?q=%G1 HTTP/1.1\r\nHost: a\r\n\r\n"),
    ]

    static let all = lineEndings + fieldSyntax + requestLine + host + target
}
