import HTTPServer
import JSON

/// One structured JSON log line per request: time, method, path, status,
/// duration and request id. No query string (it may carry dates of a member's
/// search) and no headers, so no token or personal data reaches the log; the
/// secret of a calendar-feed URL (`/feeds/<token>/…`) is logged as `{token}`.
/// A 5xx is logged at `error` (the server failed), anything else at `info`
/// (a 4xx is the client's mistake, answered as designed); the cause of an
/// API route's 5xx is on the `request failed` line with the same request id.
///
/// Written field by field into bytes, not built as a `JSONValue`: it is one
/// line per request, and building it was a third of `GET /health`'s
/// instructions. `ts` is seconds with milliseconds, `duration_ms`
/// milliseconds with microseconds, both as decimal numbers.
public enum AccessLogLine {
    public static func format(_ entry: AccessLogEntry, at epochSeconds: Double) -> [UInt8] {
        let path = redacted(entry.path.utf8.firstIndex(of: UInt8(ascii: "?")).map { String(entry.path[..<$0]) } ?? entry.path)
        var out: [UInt8] = []
        out.reserveCapacity(160 + path.utf8.count + entry.requestID.utf8.count)
        out += #"{"ts":"#.utf8
        appendThousandths(Int64((epochSeconds * 1000).rounded()), to: &out)
        out += (entry.status >= 500 ? #","level":"error","msg":"request","method":"# : #","level":"info","msg":"request","method":"#).utf8
        JSONValue.append(string: entry.method, to: &out)
        out += #","path":"#.utf8
        JSONValue.append(string: path, to: &out)
        out += #","status":"#.utf8
        out += String(entry.status).utf8
        out += #","duration_ms":"#.utf8
        appendThousandths(Int64((entry.durationSeconds * 1_000_000).rounded()), to: &out)
        out += #","request_id":"#.utf8
        JSONValue.append(string: entry.requestID, to: &out)
        out += "}\n".utf8
        return out
    }

    /// `value` thousandths as a decimal number: 1234 is `1.234`, 5 is `0.005`.
    static func appendThousandths(_ value: Int64, to out: inout [UInt8]) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        let magnitude = value.magnitude
        out += String(magnitude / 1000).utf8
        out.append(UInt8(ascii: "."))
        let fraction = magnitude % 1000
        out.append(UInt8(ascii: "0") + UInt8(fraction / 100))
        out.append(UInt8(ascii: "0") + UInt8(fraction / 10 % 10))
        out.append(UInt8(ascii: "0") + UInt8(fraction % 10))
    }

    /// `path` with the secret segment of a feed URL replaced.
    static func redacted(_ path: String) -> String {
        guard path.hasPrefix("/feeds/") else { return path }
        var segments = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if segments.count > 2 { segments[2] = "{token}" }
        return segments.joined(separator: "/")
    }
}
