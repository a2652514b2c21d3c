/// A point on the timeline (時刻), in whole seconds since the Unix epoch: what
/// deadlines, audit entries and timers use. Local dates and times in Japan are
/// derived from it with the fixed offset UTC+9 (Japan has no daylight saving).
///
/// A value lies between `earliest` and `latest`, the first and last second
/// of `LocalDate.earliest` and `LocalDate.latest` in Japan, so every instant
/// has a Japan date and prints as RFC 3339 with a four-digit year; creating
/// or moving one past either end stops there instead of trapping.
public struct Instant: Hashable, Comparable, Sendable {
    public let secondsSinceEpoch: Int64

    /// The instant `seconds` after the Unix epoch, clamped to `earliest...latest`.
    public init(secondsSinceEpoch seconds: Int64) {
        secondsSinceEpoch = min(max(seconds, Self.secondCounts.lowerBound), Self.secondCounts.upperBound)
    }

    /// Japan Standard Time's offset from UTC, in seconds (JST = UTC+9, no DST).
    public static let japanOffsetSeconds: Int64 = 9 * 3600

    /// The seconds since the epoch of `earliest` and `latest`.
    static let secondCounts: ClosedRange<Int64> =
        (Int64(LocalDate.earliest.daysSinceEpoch) * 86_400 - japanOffsetSeconds)
        ... (Int64(LocalDate.latest.daysSinceEpoch) * 86_400 + 86_399 - japanOffsetSeconds)

    /// 0001-01-01T00:00:00+09:00.
    public static let earliest = Instant(secondsSinceEpoch: secondCounts.lowerBound)
    /// 9999-12-31T23:59:59+09:00.
    public static let latest = Instant(secondsSinceEpoch: secondCounts.upperBound)

    /// The instant at `minuteOfDay` (0...1440, clamped to it) of `date` in Japan.
    public init(japanDate date: LocalDate, minuteOfDay: Int = 0) {
        let minute = Int64(min(max(minuteOfDay, 0), 1440))
        self.init(secondsSinceEpoch: Int64(date.daysSinceEpoch) * 86_400 + minute * 60 - Self.japanOffsetSeconds)
    }

    /// The date in Japan at this instant.
    public var japanDate: LocalDate {
        let local = secondsSinceEpoch + Self.japanOffsetSeconds
        return LocalDate(daysSinceEpoch: Int(local >= 0 ? local / 86_400 : (local - 86_399) / 86_400))
    }

    /// Seconds since midnight in Japan at this instant (0..<86 400).
    public var japanSecondOfDay: Int {
        let local = secondsSinceEpoch + Self.japanOffsetSeconds
        return Int(((local % 86_400) + 86_400) % 86_400)
    }

    /// The instant `seconds` later (earlier when negative), clamped to `earliest...latest`.
    public func adding(seconds: Int64) -> Instant {
        let (sum, overflow) = secondsSinceEpoch.addingReportingOverflow(seconds)
        return Instant(secondsSinceEpoch: overflow ? (seconds > 0 ? .max : .min) : sum)
    }

    public static func < (a: Instant, b: Instant) -> Bool { a.secondsSinceEpoch < b.secondsSinceEpoch }
}

extension LocalDate {
    /// Midnight at the start of this date in Japan.
    public var startInJapan: Instant { Instant(japanDate: self) }
}
