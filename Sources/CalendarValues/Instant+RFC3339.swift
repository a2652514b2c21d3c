/// RFC 3339 timestamps (RFC 3339 §5.6, `date-time`) for `Instant`.
///
/// Parsing accepts any UTC offset (`Z`, `+00:00`, `+09:00`, `-05:30`) and
/// optional fractional seconds, which are truncated to whole seconds because
/// every instant of the domain is kept in whole seconds. It is strict: the
/// offset is required, every field must be in range, and leap seconds
/// (`:60`) are refused because Unix time has none, and so is a time whose
/// offset moves it outside `earliest...latest`. Formatting always writes
/// Japan Standard Time, `2026-07-01T09:00:00+09:00`, the form the API
/// returns, for every value.
extension Instant {
    /// Parses an RFC 3339 `date-time`; nil when it is not one, or names a
    /// time outside `earliest...latest`.
    public init?(rfc3339 text: String) {
        guard let seconds = Self.rfc3339Seconds(text), Self.secondCounts.contains(seconds) else { return nil }
        self.init(secondsSinceEpoch: seconds)
    }

    /// Whether `text` is a well-formed RFC 3339 `date-time`, whatever time it names.
    public static func isRFC3339(_ text: String) -> Bool { rfc3339Seconds(text) != nil }

    /// The seconds since the epoch `text` names, without the range check.
    private static func rfc3339Seconds(_ text: String) -> Int64? {
        let b = Array(text.utf8)
        // YYYY-MM-DDTHH:MM:SS is 19 bytes; the offset needs at least one more.
        guard b.count >= 20, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
              b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t"),
              b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"),
              let year = LocalDate.digits(b[0..<4]), let month = LocalDate.digits(b[5..<7]),
              let day = LocalDate.digits(b[8..<10]), let hour = LocalDate.digits(b[11..<13]),
              let minute = LocalDate.digits(b[14..<16]), let second = LocalDate.digits(b[17..<19]),
              let date = LocalDate(year: year, month: month, day: day),
              hour < 24, minute < 60, second < 60
        else { return nil }

        var index = 19
        if b[index] == UInt8(ascii: ".") {
            index += 1
            let start = index
            while index < b.count, b[index] >= UInt8(ascii: "0"), b[index] <= UInt8(ascii: "9") { index += 1 }
            guard index > start else { return nil }
        }
        guard index < b.count else { return nil }

        let offsetSeconds: Int64
        switch b[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            guard index + 1 == b.count else { return nil }
            offsetSeconds = 0
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard index + 6 == b.count, b[index + 3] == UInt8(ascii: ":"),
                  let offsetHour = LocalDate.digits(b[(index + 1)..<(index + 3)]),
                  let offsetMinute = LocalDate.digits(b[(index + 4)..<(index + 6)]),
                  offsetHour < 24, offsetMinute < 60
            else { return nil }
            let magnitude = Int64(offsetHour * 3600 + offsetMinute * 60)
            offsetSeconds = b[index] == UInt8(ascii: "-") ? -magnitude : magnitude
        default:
            return nil
        }

        let local = Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        return local - offsetSeconds
    }

    /// This instant in Japan Standard Time, `YYYY-MM-DDTHH:MM:SS+09:00`.
    public var rfc3339: String {
        let seconds = japanSecondOfDay
        let date = japanDate
        // 25 bytes written in place, not concatenated from seven strings.
        return String(unsafeUninitializedCapacity: 25) { buffer in
            LocalDate.write(date, into: buffer, at: 0)
            buffer[10] = UInt8(ascii: "T")
            LocalDate.writeDigits(seconds / 3600, 2, into: buffer, at: 11)
            buffer[13] = UInt8(ascii: ":")
            LocalDate.writeDigits(seconds / 60 % 60, 2, into: buffer, at: 14)
            buffer[16] = UInt8(ascii: ":")
            LocalDate.writeDigits(seconds % 60, 2, into: buffer, at: 17)
            for (index, byte) in "+09:00".utf8.enumerated() { buffer[19 + index] = byte }
            return 25
        }
    }
}

extension Instant: CustomStringConvertible {
    /// The RFC 3339 form in Japan Standard Time.
    public var description: String { rfc3339 }
}

extension Instant: TextCodable {
    public static var textFormat: String { "an RFC 3339 date-time with an offset" }

    /// `init(rfc3339:)`, any offset.
    public init?(_ description: String) { self.init(rfc3339: description) }

    /// `DateInput.instant`: an instant the service can write back, within
    /// `SupportedDates`. Encoded as `rfc3339`, in Japan Standard Time.
    public static func read(_ text: String) throws(DateInput.Refusal) -> Instant { try DateInput.instant(text) }
}
