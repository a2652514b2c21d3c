@testable import HTTPServer

/// Parts over the server's default limits (`HTTPServer.Configuration`):
/// request line 8 KiB → 414, one field line 8 KiB, the header section 32 KiB
/// or 100 fields → 431, body 1 MiB → 413, chunk extension 256 octets → 400
/// (RFC 9112 §3, §7.1.1; RFC 9110 §15.5.14, §15.5.15; RFC 6585 §5).
/// The defaults are what the service runs with, so they are what is tested.
enum OversizeCases {
    static let defaults = HTTPServer.Configuration()

    static func fields(_ count: Int, valueBytes: Int) -> String {
        (0..<count).map { "X-\($0): " + String(repeating: "v", count: valueBytes) + "\r\n" }.joined()
    }

    static let all: [HostileCase] = [
        .refused("request line over 8 KiB", "notes §1.1", 414,
                 "GET /" + String(repeating: "a", count: defaults.maxRequestLineBytes) + " HTTP/1.1\r\nHost: a\r\n\r\n"),
        .refused("request line over 8 KiB without an end", "notes §1.1", 414,
                 "GET /" + String(repeating: "a", count: defaults.maxRequestLineBytes + 100)),
        .refused("query over 8 KiB", "notes §1.1", 414,
                 "GET /health?q=" + String(repeating: "a", count: defaults.maxRequestLineBytes) + " HTTP/1.1\r\nHost: a\r\n\r\n"),
        .refused("one field line over 8 KiB", "notes §1.5", 431,
                 "GET /health HTTP/1.1\r\nHost: a\r\nX: " + String(repeating: "v", count: defaults.maxHeaderFieldBytes) + "\r\n\r\n"),
        .refused("header section over 32 KiB", "notes §1.5", 431,
                 "GET /health HTTP/1.1\r\nHost: a\r\n" + fields(6, valueBytes: 6000) + "\r\n"),
        .refused("header section over 32 KiB without an end", "notes §1.5", 431,
                 "GET /health HTTP/1.1\r\nHost: a\r\n" + fields(6, valueBytes: 6000)),
        .refused("more than 100 fields", "notes §1.5", 431,
                 "GET /health HTTP/1.1\r\nHost: a\r\n" + fields(defaults.maxHeaderFields, valueBytes: 1) + "\r\n"),
        .refused("Content-Length over 1 MiB", "notes §1.7", 413,
                 "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: \(defaults.maxBodyBytes + 1)\r\n\r\nabc"),
        .refused("Content-Length over 1 MiB with 100-continue", "notes §1.17", 413,
                 "POST /echo HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: \(defaults.maxBodyBytes + 1)\r\n\r\n"),
        .refused("Content-Length of 18 nines", "notes §1.7", 413,
                 "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 999999999999999999\r\n\r\n"),
        .refused("one chunk over 1 MiB", "notes §1.9", 413,
                 "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + String(defaults.maxBodyBytes + 1, radix: 16) + "\r\nabc"),
        .refused("chunks adding up to over 1 MiB", "notes §1.9", 413,
                 "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + String(repeating: "80000\r\n" + String(repeating: "z", count: 0x80000) + "\r\n", count: 2)
                    + "1\r\nz\r\n0\r\n\r\n"),
        .refused("chunk size of sixteen F", "notes §1.9", 413,
                 "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFF\r\n"),
        .refused("chunk extension over 256 octets", "notes §1.9", 400,
                 "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n1;"
                    + String(repeating: "e", count: defaults.maxChunkExtensionBytes + 1) + "\r\nZ\r\n0\r\n\r\n"),
        .refused("trailer section over 32 KiB", "notes §1.9", 431,
                 "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n"
                    + fields(6, valueBytes: 6000) + "\r\n"),
        .refused("more than 100 trailer fields", "notes §1.9", 431,
                 "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n"
                    + fields(defaults.maxHeaderFields + 1, valueBytes: 1) + "\r\n"),
    ]
}
