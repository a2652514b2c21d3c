/// A calendar date in Japan (日付), with no time and no zone: the unit of every
/// booking, closure and fiscal-year rule. It cannot be confused with an
/// `Instant`; convert with `Instant.japanDate` or `LocalDate.startInJapan`.
///
/// Arithmetic runs on a day count from 1970-01-01 (Howard Hinnant's
/// days-from-civil), so it is exact for the proleptic Gregorian calendar and
/// needs no Foundation `Calendar`.
///
/// A value holds a four-digit year, 0001-01-01 to 9999-12-31 (`earliest`,
/// `latest`), and every operation is total: a result that would leave that
/// span stops at its end instead of trapping. The service accepts far fewer
/// dates from its users (`SupportedDates`, 1900–2200), so within what it
/// accepts every result is exact.
public struct LocalDate: Hashable, Comparable, Sendable {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a date, or nil when the month or day does not exist or the
    /// year is not 1...9999.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= LocalDate.daysIn(year: year, month: month) else { return nil }
        self.init(valid: year, month, day)
    }

    /// The nearest date a value holds: the year clamped to 1...9999, the
    /// month to 1...12 and the day to the days of that month. For dates
    /// written in the rules (an era's first day, the year-end closure) and
    /// for arithmetic that must not trap.
    public init(clampingYear year: Int, month: Int, day: Int) {
        let y = min(max(year, 1), 9999), m = min(max(month, 1), 12)
        self.init(valid: y, m, min(max(day, 1), LocalDate.daysIn(year: y, month: m)))
    }

    /// A date its caller has already checked.
    init(valid year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// 0001-01-01, the first date a value holds.
    public static let earliest = LocalDate(valid: 1, 1, 1)
    /// 9999-12-31, the last date a value holds.
    public static let latest = LocalDate(valid: 9999, 12, 31)

    /// The day counts of `earliest` and `latest`.
    static let dayCounts = earliest.daysSinceEpoch...latest.daysSinceEpoch

    /// The date `days` days after 1970-01-01 (negative before it), clamped
    /// to `earliest...latest`.
    public init(daysSinceEpoch days: Int) {
        let z = min(max(days, Self.dayCounts.lowerBound), Self.dayCounts.upperBound) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(valid: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// Days since 1970-01-01.
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public var weekday: Weekday {
        // 1970-01-01 was a Thursday; the index is 0...6 for any day count.
        Weekday.allCases[((daysSinceEpoch % 7) + 7 + 4) % 7]
    }

    /// The date `days` days later (earlier when negative), clamped to `earliest...latest`.
    public func adding(days: Int) -> LocalDate {
        let span = Self.dayCounts.upperBound - Self.dayCounts.lowerBound
        return LocalDate(daysSinceEpoch: daysSinceEpoch + min(max(days, -span), span))
    }

    /// The same day of the month `months` months later, clamped to the
    /// month's last day (and to `earliest...latest`).
    public func adding(months: Int) -> LocalDate {
        let target = yearMonth.adding(months: months)
        return LocalDate(valid: target.year, target.month, min(day, target.dayCount))
    }

    /// Every date from `self` through `last`, in order; empty when `last` is earlier.
    public func dates(through last: LocalDate) -> [LocalDate] {
        let count = days(until: last)
        return count < 0 ? [] : (0...count).map(adding(days:))
    }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(until other: LocalDate) -> Int { other.daysSinceEpoch - daysSinceEpoch }

    public var firstOfMonth: LocalDate { LocalDate(valid: year, month, 1) }
    public var lastOfMonth: LocalDate { LocalDate(valid: year, month, LocalDate.daysIn(year: year, month: month)) }
    public var yearMonth: YearMonth { YearMonth(valid: year, month) }

    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func < (a: LocalDate, b: LocalDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}

extension LocalDate: CustomStringConvertible, LosslessStringConvertible {
    /// Parses exactly `YYYY-MM-DD` (ASCII digits, a real date); nil otherwise.
    /// Any date a value holds parses, so stored text always reads back; input
    /// from users is checked against `SupportedDates` as well.
    public init?(_ text: String) {
        // Byte by byte, without copying the text: every date column of every
        // row read goes through here.
        var fields = (0, 0, 0)
        var count = 0
        for c in text.utf8 {
            switch count {
            case 4, 7:
                guard c == UInt8(ascii: "-") else { return nil }
            case 0..<10:
                guard c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") else { return nil }
                let digit = Int(c - UInt8(ascii: "0"))
                if count < 4 {
                    fields.0 = fields.0 * 10 + digit
                } else if count < 7 {
                    fields.1 = fields.1 * 10 + digit
                } else {
                    fields.2 = fields.2 * 10 + digit
                }
            default:
                return nil
            }
            count += 1
        }
        guard count == 10 else { return nil }
        self.init(year: fields.0, month: fields.1, day: fields.2)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        // Ten bytes written in place (a small string, no allocation): every
        // date bound to SQL or written to JSON goes through here.
        String(unsafeUninitializedCapacity: 10) { buffer in
            Self.write(self, into: buffer, at: 0)
            return 10
        }
    }

    /// Appends `YYYY-MM-DD` (ten bytes, as `description`) to `bytes`, with
    /// no `String` in between: the availability writes a date or more per slot.
    public func appendDescription(to bytes: inout [UInt8]) {
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: 10))
        bytes.withUnsafeMutableBufferPointer { Self.write(self, into: $0, at: start) }
    }

    /// Writes `YYYY-MM-DD` into `buffer` from `offset` (ten bytes).
    static func write(_ date: LocalDate, into buffer: UnsafeMutableBufferPointer<UInt8>, at offset: Int) {
        writeDigits(date.year, 4, into: buffer, at: offset)
        buffer[offset + 4] = UInt8(ascii: "-")
        writeDigits(date.month, 2, into: buffer, at: offset + 5)
        buffer[offset + 7] = UInt8(ascii: "-")
        writeDigits(date.day, 2, into: buffer, at: offset + 8)
    }

    /// `value` (0 ≤ value < 10^width) as `width` decimal digits at `offset`.
    static func writeDigits(_ value: Int, _ width: Int, into buffer: UnsafeMutableBufferPointer<UInt8>, at offset: Int) {
        var rest = value
        for index in stride(from: offset + width - 1, through: offset, by: -1) {
            buffer[index] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
        }
    }

    /// The number written by `bytes` in ASCII decimal digits; nil on any
    /// other byte, or when it does not fit an `Int`.
    public static func digits(_ bytes: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for c in bytes {
            guard c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") else { return nil }
            let (times10, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, carry) = times10.addingReportingOverflow(Int(c - UInt8(ascii: "0")))
            guard !overflow, !carry else { return nil }
            value = sum
        }
        return value
    }

    /// `value` in decimal, zero-padded to `width` digits (dates, times, feeds).
    public static func pad(_ value: Int, _ width: Int) -> String {
        let s = String(value)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}

extension LocalDate: TextCodable {
    public static var textFormat: String { "a date YYYY-MM-DD" }

    /// `DateInput.date`: a real day within `SupportedDates`.
    public static func read(_ text: String) throws(DateInput.Refusal) -> LocalDate { try DateInput.date(text) }
}
