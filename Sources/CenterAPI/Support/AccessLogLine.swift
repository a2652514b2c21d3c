import HTTPServer
import JSON

/// One structured JSON log line per request: time, method, path, status,
/// duration and request id. No query string (it may carry dates of a member's
/// search) and no headers, so no token or personal data reaches the log; the
/// secret of a calendar-feed URL (`/feeds/<token>/…`) is logged as `{token}`.
/// A 5xx is logged at `error` (the server failed), anything else at `info`
/// (a 4xx is the client's mistake, answered as designed); the cause of an
/// API route's 5xx is on the `request failed` line with the same request id.
public enum AccessLogLine {
    public static func format(_ entry: AccessLogEntry, at epochSeconds: Double) -> [UInt8] {
        let path = redacted(entry.path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? entry.path)
        let line: JSONValue = [
            "ts": .double((epochSeconds * 1000).rounded() / 1000),
            "level": entry.status >= 500 ? "error" : "info",
            "msg": "request",
            "method": .string(entry.method),
            "path": .string(path),
            "status": .int(entry.status),
            "duration_ms": .double((entry.durationSeconds * 1_000_000).rounded() / 1000),
            "request_id": .string(entry.requestID),
        ]
        return line.serialized() + [0x0A]
    }

    /// `path` with the secret segment of a feed URL replaced.
    static func redacted(_ path: String) -> String {
        guard path.hasPrefix("/feeds/") else { return path }
        var segments = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if segments.count > 2 { segments[2] = "{token}" }
        return segments.joined(separator: "/")
    }
}
