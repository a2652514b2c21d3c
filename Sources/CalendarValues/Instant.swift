/// A point on the timeline (時刻), in whole seconds since the Unix epoch: what
/// deadlines, audit entries and timers use. Local dates and times in Japan are
/// derived from it with the fixed offset UTC+9 (Japan has no daylight saving).
public struct Instant: Hashable, Comparable, Sendable {
    public let secondsSinceEpoch: Int64

    public init(secondsSinceEpoch: Int64) { self.secondsSinceEpoch = secondsSinceEpoch }

    /// Japan Standard Time's offset from UTC, in seconds (JST = UTC+9, no DST).
    public static let japanOffsetSeconds: Int64 = 9 * 3600

    /// The instant at `minuteOfDay` (0...1440) of `date` in Japan.
    public init(japanDate date: LocalDate, minuteOfDay: Int = 0) {
        secondsSinceEpoch = Int64(date.daysSinceEpoch) * 86_400 + Int64(minuteOfDay) * 60 - Self.japanOffsetSeconds
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

    public func adding(seconds: Int64) -> Instant { Instant(secondsSinceEpoch: secondsSinceEpoch + seconds) }

    public static func < (a: Instant, b: Instant) -> Bool { a.secondsSinceEpoch < b.secondsSinceEpoch }
}

extension LocalDate {
    /// Midnight at the start of this date in Japan.
    public var startInJapan: Instant { Instant(japanDate: self) }
}
