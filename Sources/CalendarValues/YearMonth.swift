/// A calendar month (年月), `YYYY-MM`: the unit of the community quota, the
/// monthly booking limit and monthly reports.
public struct YearMonth: Hashable, Comparable, Sendable {
    public let year: Int
    public let month: Int

    public init?(year: Int, month: Int) {
        guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    public var firstDay: LocalDate { LocalDate(year: year, month: month, day: 1)! }
    public var lastDay: LocalDate { firstDay.lastOfMonth }
    public var dayCount: Int { LocalDate.daysIn(year: year, month: month) }

    /// Every date of the month, in order.
    public var dates: [LocalDate] { (0..<dayCount).map { firstDay.adding(days: $0) } }

    public func adding(months: Int) -> YearMonth {
        let total = year * 12 + (month - 1) + months
        return YearMonth(year: total / 12, month: total % 12 + 1)!
    }

    /// Whole months from `self` to `other`: 2025-04 to 2026-04 is 12.
    public func months(until other: YearMonth) -> Int {
        (other.year * 12 + other.month) - (year * 12 + month)
    }

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
}
