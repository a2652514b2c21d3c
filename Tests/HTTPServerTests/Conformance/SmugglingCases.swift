/// Request smuggling vectors: every way two parsers could disagree on where a
/// request ends (RFC 9112 §6.1, §6.3, §7.1; RFC 9110 §8.6). Each is refused
/// with 400 (501 for a coding we do not implement) and the connection closed,
/// so the bytes after the refusal are never read as a request.
enum SmugglingCases {
    static let post = "POST /echo HTTP/1.1\r\nHost: a\r\n"
    static let chunked = post + "Transfer-Encoding: chunked\r\n"
    /// What a smuggled follower looks like: a second request hidden in a body.
    static let smuggled = "GET /health HTTP/1.1\r\nHost: a\r\n\r\n"

    static let contentLengthAndTransferEncoding: [HostileCase] = [
        .refused("CL.TE: Content-Length before chunked", "notes §1.8", 400,
                 post + "Content-Length: 6\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nG"),
        .refused("TE.CL: chunked before Content-Length", "notes §1.8", 400,
                 post + "Transfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n8\r\nSMUGGLED\r\n0\r\n\r\n"),
        .refused("CL with TE ',chunked'", "garden Gunicorn 6", 400,
                 post + "Transfer-Encoding: ,chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n"),
        .refused("CL with TE 'chunked' on GET", "h1spec", 400,
                 "GET /health HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n"),
        .refused("invalid CL ignored beside TE", "garden Go net/http 4", 400,
                 post + "Content-Length: blahblahblah\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nZ\r\n0\r\n\r\n"),
        .refused("CL with TE on HTTP/1.0", "notes §1.8", 400,
                 "POST /echo HTTP/1.0\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
    ]

    static let contentLength: [HostileCase] = [
        .refused("conflicting Content-Length lines", "garden H2O 4", 400,
                 post + "Content-Length: 1\r\nContent-Length: 0\r\n\r\nZ"),
        .refused("conflicting Content-Length lines, last wins elsewhere", "garden relayd 7", 400,
                 post + "Content-Length: 0\r\nContent-Length: 31\r\n\r\n" + smuggled),
        .refused("conflicting Content-Length list", "notes §1.7", 400, post + "Content-Length: 5, 6\r\n\r\nhello!"),
        .refused("empty Content-Length", "garden Puma 1", 400, post + "Content-Length: \r\n\r\n" + smuggled),
        .refused("empty Content-Length before a real one", "garden HAProxy 1", 400,
                 post + "Content-Length: \r\nContent-Length: 36\r\n\r\n" + smuggled),
        .refused("Content-Length list with an empty element", "notes §1.7", 400, post + "Content-Length: 1,\r\n\r\nZ"),
        .refused("plus-signed Content-Length", "garden OLS 7", 400, post + "Content-Length: +1\r\n\r\nZ"),
        .refused("negative Content-Length", "h1spec", 400, post + "Content-Length: -1234\r\n\r\n"),
        .refused("overflowing negative Content-Length", "h1spec", 400,
                 post + "Content-Length: -123456789123456789123456789\r\n\r\n"),
        .refused("negative Content-Length loop", "garden Mongoose 1", 400, post + "Content-Length: -48\r\n\r\n"),
        .refused("hex Content-Length", "garden Akamai 1", 400, post + "Content-Length: 0x10\r\n\r\nZ"),
        .refused("underscore and sign in Content-Length", "garden Gunicorn 1", 400,
                 post + "Content-Length: +1_0\r\n\r\n0123456789"),
        .refused("Content-Length with a trailing letter", "garden Mongoose 5", 400, post + "Content-Length: 1Z\r\n\r\nZ"),
        .refused("Content-Length longest-prefix", "garden OLS 2", 400, post + "Content-Length: 1abc\r\n\r\nZ"),
        .refused("non-numeric Content-Length", "h1spec", 400, post + "Content-Length: abc\r\n\r\n"),
        .refused("Content-Length with inner space", "notes §1.7", 400, post + "Content-Length: 1 2\r\n\r\n"),
        .refused("nineteen-digit Content-Length", "notes §1.7", 400,
                 post + "Content-Length: 1234567890123456789\r\n\r\n"),
        .refused("Content-Length beyond Int64", "notes §1.7", 400,
                 post + "Content-Length: 99999999999999999999999\r\n\r\n"),
        .refused("space before the colon of Content-Length", "garden AIOHTTP 3", 400,
                 post + "Content-Length : 34\r\n\r\n" + smuggled),
        .refused("0x85 after the name Content-Length", "garden Gunicorn 3", 400,
                 post + "Content-Length\\x85: 10\r\n\r\n0123456789"),
        .refused("whitespace before the first field name", "garden AIOHTTP 4", 400,
                 "POST /echo HTTP/1.1\r\n\tContent-Length: 1\r\nHost: a\r\n\r\nX"),
        .refused("Content-Length continued by obs-fold", "notes §1.4", 400,
                 post + "Content-Length: 0\r\n 5\r\n\r\nhello"),
        .refused("Content-Length without a colon", "garden Mongoose 4", 400,
                 post + "Content-Length 10\r\n\r\n0123456789"),
    ]

    static let transferEncoding: [HostileCase] = [
        .refused("TE 'xchunked'", "notes §1.8", 400, post + "Transfer-Encoding: xchunked\r\n\r\n0\r\n\r\n"),
        .refused("TE 'chunked, identity'", "notes §1.8", 400,
                 post + "Transfer-Encoding: chunked, identity\r\n\r\n0\r\n\r\n"),
        .refused("TE 'identity'", "notes §1.8", 400, post + "Transfer-Encoding: identity\r\n\r\n"),
        .refused("TE empty", "notes §1.8", 400, post + "Transfer-Encoding: \r\n\r\n" + smuggled),
        .refused("TE quoted", "notes §1.8", 400, post + "Transfer-Encoding: \"chunked\"\r\n\r\n0\r\n\r\n"),
        .refused("TE with a vertical tab", "notes §1.4", 400, post + "Transfer-Encoding:\\x0bchunked\r\n\r\n0\r\n\r\n"),
        .refused("TE 'chunked, chunked'", "notes §1.8", 400, post + "Transfer-Encoding: chunked, chunked\r\n\r\n0\r\n\r\n"),
        .refused("TE on two lines", "garden Pound 1", 400,
                 post + "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
        .refused("TE in HTTP/1.0", "notes §1.8", 400, "POST /echo HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
        .refused("TE name split across lines", "garden Passenger 2", 400,
                 post + "Transfer-\r\nEncoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n"),
        .refused("TE 'gzip, chunked'", "notes §1.8", 501, post + "Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n"),
    ]

    static let chunkSize: [HostileCase] = [
        .refused("chunk size '0x' prefixed", "garden OLS 8", 400, chunked + "\r\n0x1\r\nZ\r\n0\r\n\r\n"),
        .refused("chunk size '0_2e'", "garden AIOHTTP 1", 400, chunked + "\r\n0_2e\r\n\r\n" + smuggled),
        .refused("chunk size '0x2_e'", "garden Gunicorn 4", 400, chunked + "\r\n0x2_e\r\n\r\n" + smuggled),
        .refused("chunk size '+5'", "notes §1.9", 400, chunked + "\r\n+5\r\nhello\r\n0\r\n\r\n"),
        .refused("chunk size '-0x0'", "garden relayd 3", 400, chunked + "\r\n-0x0\r\n\r\n"),
        .refused("chunk size led by spaces", "garden relayd 9", 400, chunked + "\r\n           0\r\n\r\n"),
        .refused("chunk size led by a tab", "garden Pound 3", 400, chunked + "\r\n\t0\r\n\r\n"),
        .refused("chunk size followed by a space", "notes §1.9", 400, chunked + "\r\n5 \r\nhello\r\n0\r\n\r\n"),
        .refused("empty chunk size", "garden Hyper 1", 400, chunked + "\r\n\r\n\r\n" + smuggled),
        .refused("not hex chunk size", "garden Akamai 2", 400, chunked + "\r\nZ\r\nZZ\r\nZZZ\r\n\r\n"),
        .refused("chunk size with trailing garbage", "garden ATS 5", 400,
                 chunked + "\r\n1these-bytes-never-get-validated\r\nZ\r\n0\r\n\r\n"),
        .refused("chunk size over 64 bits", "notes §1.9", 400, chunked + "\r\nFFFFFFFFFFFFFFFFF\r\n"),
        .refused("CR before the chunk extension", "garden Node.js 2", 400,
                 chunked + "\r\n5\r\r;ABCD\r\n34\r\nE\r\n0\r\n\r\n" + smuggled),
        .refused("CR in chunk-ext whitespace", "garden ATS 4", 400, chunked + "\r\n1\r\r;chunk-ext-name\r\nZ\r\n0\r\n\r\n"),
        .refused("CR inside a chunk extension", "notes §1.9", 400, chunked + "\r\n1;a\rb\r\nZ\r\n0\r\n\r\n"),
        .refused("bare LF after chunk data", "garden HAProxy 3", 400, chunked + "\r\na\r\n0123456789\n0\r\n\r\n"),
        .refused("bare LF ends the last chunk line", "garden README", 400, chunked + "\r\n0\n\r\n"),
        .refused("chunk data longer than its size", "notes §1.9", 400, chunked + "\r\n1\r\nZZ\r\n0\r\n\r\n"),
        .refused("extra CRLF between chunks", "garden Mongoose 6", 400, chunked + "\r\n1\r\nZ\r\n\r\n\r\n" + smuggled),
        .refused("extra CRLF before the last chunk", "garden OLS 15", 400,
                 chunked + "\r\n17\r\n0\r\n\r\nGET / HTTP/1.1\r\n\r\n\r\n\r\n0\r\n\r\n"),
        .refused("trailer with a bad name", "notes §1.9", 400, chunked + "\r\n0\r\nBad Name: v\r\n\r\n"),
        .refused("trailer continued by obs-fold", "notes §1.9", 400, chunked + "\r\n0\r\nX: a\r\n b\r\n\r\n"),
    ]

    static let all = contentLengthAndTransferEncoding + contentLength + transferEncoding + chunkSize
}
