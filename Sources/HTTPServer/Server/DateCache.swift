import Glibc

/// The `Date` header value in IMF-fixdate form (RFC 9110 §5.6.7), formatted
/// at most once a second per event loop (as Hummingbird's DateCache).
struct DateCache {
    private(set) var bytes: [UInt8] = []
    private var second: Int64 = -1

    /// The value for `epochSeconds`, reformatted only when the second changed.
    mutating func value(at epochSeconds: Int64) -> [UInt8] {
        if epochSeconds != second {
            second = epochSeconds
            bytes = Self.format(epochSeconds)
        }
        return bytes
    }

    static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `Sun, 06 Nov 1994 08:49:37 GMT`.
    static func format(_ epochSeconds: Int64) -> [UInt8] {
        var t = time_t(epochSeconds)
        var parts = tm()
        gmtime_r(&t, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let text = "\(days[Int(parts.tm_wday)]), \(two(parts.tm_mday)) \(months[Int(parts.tm_mon)]) "
            + "\(parts.tm_year + 1900) \(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) GMT"
        return Array(text.utf8)
    }
}
