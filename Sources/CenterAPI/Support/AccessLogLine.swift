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
        var out: [UInt8] = []
        out.reserveCapacity(160 + entry.path.utf8.count + entry.requestID.utf8.count)
        append(entry, at: epochSeconds, to: &out)
        return out
    }

    /// Appends the line to `out` (a log buffer), with no array of its own.
    /// It reserves nothing: an exact reservation on a growing buffer would
    /// copy the whole buffer every line.
    public static func append(_ entry: AccessLogEntry, at epochSeconds: Double, to out: inout [UInt8]) {
        out += Bytes.ts
        appendThousandths(Int64((epochSeconds * 1000).rounded()), to: &out)
        out += entry.status >= 500 ? Bytes.errorMethod : Bytes.infoMethod
        appendString(entry.method, to: &out)
        out += Bytes.path
        appendPath(entry.path, to: &out)
        out += Bytes.status
        appendDecimal(UInt64(max(0, entry.status)), to: &out)
        out += Bytes.duration
        appendThousandths(Int64((entry.durationSeconds * 1_000_000).rounded()), to: &out)
        out += Bytes.requestID
        appendString(entry.requestID, to: &out)
        out += Bytes.end
    }

    /// The fixed parts of the line, as bytes.
    enum Bytes {
        static let ts = Array(#"{"ts":"#.utf8)
        static let errorMethod = Array(#","level":"error","msg":"request","method":"#.utf8)
        static let infoMethod = Array(#","level":"info","msg":"request","method":"#.utf8)
        static let path = Array(#","path":"#.utf8)
        static let status = Array(#","status":"#.utf8)
        static let duration = Array(#","duration_ms":"#.utf8)
        static let requestID = Array(#","request_id":"#.utf8)
        static let end = Array("}\n".utf8)
        static let feeds = Array("/feeds/".utf8)
    }

    /// The target without its query, a feed's secret redacted.
    static func appendPath(_ target: String, to out: inout [UInt8]) {
        let utf8 = target.utf8
        let end = utf8.firstIndex(of: UInt8(ascii: "?")) ?? utf8.endIndex
        let path = target[..<end]
        if isFeed(path) {
            appendString(redacted(String(path)), to: &out)
        } else {
            appendString(path, to: &out)
        }
    }

    /// Whether `path` starts with `/feeds/`, byte by byte.
    static func isFeed(_ path: Substring) -> Bool {
        var bytes = path.utf8.makeIterator()
        for byte in Bytes.feeds {
            guard bytes.next() == byte else { return false }
        }
        return true
    }

    /// `text` as a JSON string: copied between quotes when nothing in it
    /// needs an escape (the usual path and request id), else written by
    /// `JSONValue`'s own escaping.
    static func appendString<S: StringProtocol>(_ text: S, to out: inout [UInt8]) {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) {
            out.append(UInt8(ascii: "\""))
            out += text.utf8
            out.append(UInt8(ascii: "\""))
        } else {
            JSONValue.append(string: String(text), to: &out)
        }
    }

    static func appendDecimal(_ n: UInt64, to out: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var i = 20, rest = n
            repeat {
                i -= 1
                digits[i] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            out.append(contentsOf: UnsafeBufferPointer(rebasing: digits[i...]))
        }
    }

    /// `value` thousandths as a decimal number: 1234 is `1.234`, 5 is `0.005`.
    static func appendThousandths(_ value: Int64, to out: inout [UInt8]) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        let magnitude = value.magnitude
        appendDecimal(magnitude / 1000, to: &out)
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
