import CalendarValues

/// A day of the year without the year (月日), `MM-DD`, for rules that recur
/// every year such as the year-end closure 12/29–1/3. February 29 is allowed.
public struct MonthDay: Hashable, Comparable, Sendable {
    public let month: Int
    public let day: Int

    public init?(month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= LocalDate.daysIn(year: 2000, month: month) else { return nil }
        self.month = month
        self.day = day
    }

    public init(_ date: LocalDate) {
        month = date.month
        day = date.day
    }

    public static func < (a: MonthDay, b: MonthDay) -> Bool { (a.month, a.day) < (b.month, b.day) }
}

extension MonthDay: CustomStringConvertible, LosslessStringConvertible {
    /// Parses exactly `MM-DD`.
    public init?(_ text: String) {
        let b = Array(text.utf8)
        guard b.count == 5, b[2] == UInt8(ascii: "-"),
              let m = LocalDate.digits(b[0..<2]), let d = LocalDate.digits(b[3..<5]) else { return nil }
        self.init(month: m, day: d)
    }

    /// `MM-DD`.
    public var description: String { LocalDate.pad(month, 2) + "-" + LocalDate.pad(day, 2) }
}

extension MonthDay: TextCodable {
    public static var textFormat: String { "a day MM-DD" }
}
