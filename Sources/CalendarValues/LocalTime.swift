/// A time of day in Japan (時刻), to the minute, `HH:MM`: the bounds of the
/// time divisions (時間区分, 施行規則 第5条: 午前 09:00–12:00, 午後 13:00–17:00,
/// 夜間 from 18:00). `24:00` is allowed as the end of a day.
public struct LocalTime: Hashable, Comparable, Sendable {
    /// Minutes since midnight, 0...1440.
    public let minuteOfDay: Int

    public var hour: Int { minuteOfDay / 60 }
    public var minute: Int { minuteOfDay % 60 }

    /// nil unless 0 ≤ hour < 24 and 0 ≤ minute < 60, or exactly 24:00.
    public init?(hour: Int, minute: Int) {
        guard (0...59).contains(minute), (0...23).contains(hour) || (hour == 24 && minute == 0) else { return nil }
        minuteOfDay = hour * 60 + minute
    }

    /// nil unless 0...1440.
    public init?(minuteOfDay: Int) {
        guard (0...1440).contains(minuteOfDay) else { return nil }
        self.minuteOfDay = minuteOfDay
    }

    /// The instant at this time on `date` in Japan.
    public func on(_ date: LocalDate) -> Instant { Instant(japanDate: date, minuteOfDay: minuteOfDay) }

    public static func < (a: LocalTime, b: LocalTime) -> Bool { a.minuteOfDay < b.minuteOfDay }
}

extension LocalTime: CustomStringConvertible, LosslessStringConvertible {
    /// Parses exactly `HH:MM`.
    public init?(_ text: String) {
        let b = Array(text.utf8)
        guard b.count == 5, b[2] == UInt8(ascii: ":"),
              let h = LocalDate.digits(b[0..<2]), let m = LocalDate.digits(b[3..<5]) else { return nil }
        self.init(hour: h, minute: m)
    }

    /// `HH:MM`.
    public var description: String { LocalDate.pad(hour, 2) + ":" + LocalDate.pad(minute, 2) }
}

extension LocalTime: TextCodable {
    public static var textFormat: String { "a time HH:MM" }
}
