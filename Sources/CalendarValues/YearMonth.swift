/// A calendar month (年月), `YYYY-MM`: the unit of the community quota, the
/// monthly booking limit and monthly reports, and of the roadmap's planned
/// starts and ends (予定月).
///
/// Like `LocalDate`, a value holds years 1...9999 and its arithmetic stops
/// at 0001-01 and 9999-12 instead of trapping.
public struct YearMonth: Hashable, Comparable, Sendable {
    public let year: Int
    public let month: Int

    /// A month of years 1...9999, or nil.
    public init?(year: Int, month: Int) {
        guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
        self.init(valid: year, month)
    }

    /// A month its caller has already checked.
    init(valid year: Int, _ month: Int) {
        self.year = year
        self.month = month
    }

    public var firstDay: LocalDate { LocalDate(valid: year, month, 1) }
    public var lastDay: LocalDate { firstDay.lastOfMonth }
    public var dayCount: Int { LocalDate.daysIn(year: year, month: month) }

    /// Every date of the month, in order.
    public var dates: [LocalDate] { firstDay.dates(through: lastDay) }

    /// The month `months` months later (earlier when negative), clamped to 0001-01...9999-12.
    public func adding(months: Int) -> YearMonth {
        // Months since the start of year 0; 12 is 0001-01 and 119 999 is 9999-12.
        let index = Self.index(of: self), span = 9999 * 12
        let target = min(max(index + min(max(months, -span), span), 12), 9999 * 12 + 11)
        return YearMonth(valid: target / 12, target % 12 + 1)
    }

    /// Whole months from `self` to `other`: 2025-04 to 2026-04 is 12.
    public func months(until other: YearMonth) -> Int { Self.index(of: other) - Self.index(of: self) }

    /// Every month from `self` through `last`, in order; empty when `last` is earlier.
    public func months(through last: YearMonth) -> [YearMonth] {
        let count = months(until: last)
        return count < 0 ? [] : (0...count).map(adding(months:))
    }

    private static func index(of month: YearMonth) -> Int { month.year * 12 + month.month - 1 }

    public static func < (a: YearMonth, b: YearMonth) -> Bool { (a.year, a.month) < (b.year, b.month) }
}

extension YearMonth: CustomStringConvertible, LosslessStringConvertible {
    /// Parses exactly `YYYY-MM`.
    public init?(_ text: String) {
        let b = Array(text.utf8)
        guard b.count == 7, b[4] == UInt8(ascii: "-"),
              let y = LocalDate.digits(b[0..<4]), let m = LocalDate.digits(b[5..<7]) else { return nil }
        self.init(year: y, month: m)
    }

    public var description: String { LocalDate.pad(year, 4) + "-" + LocalDate.pad(month, 2) }
}

extension YearMonth: TextCodable {
    public static var textFormat: String { "a month YYYY-MM" }

    /// `DateInput.month`: a month within `SupportedDates`.
    public static func read(_ text: String) throws(DateInput.Refusal) -> YearMonth { try DateInput.month(text) }
}
