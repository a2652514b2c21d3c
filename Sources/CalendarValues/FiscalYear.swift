/// A fiscal year (年度, 会計年度) of a local government: April 1 to March 31
/// of the next calendar year (地方自治法 第208条第1項). `FiscalYear(2025)` is
/// 2025-04-01...2026-03-31, 令和7年度. Encoded as its starting year.
public struct FiscalYear: Hashable, Comparable, Sendable {
    /// The calendar year in which the fiscal year begins.
    public let startYear: Int

    public init(_ startYear: Int) { self.startYear = startYear }

    /// The fiscal year `date` belongs to: January–March belong to the previous year's.
    public init(containing date: LocalDate) { self.init(containing: date.yearMonth) }

    /// The fiscal year `month` belongs to: January–March belong to the previous year's.
    public init(containing month: YearMonth) { startYear = month.month >= 4 ? month.year : month.year - 1 }

    /// April of `startYear`, the first month.
    public var firstMonth: YearMonth { first.yearMonth }

    /// March of the following year, the last month.
    public var lastMonth: YearMonth { last.yearMonth }

    /// April 1 of `startYear`.
    public var first: LocalDate { LocalDate(year: startYear, month: 4, day: 1)! }

    /// March 31 of the following year.
    public var last: LocalDate { LocalDate(year: startYear + 1, month: 3, day: 31)! }

    public var dates: ClosedRange<LocalDate> { first...last }

    public func contains(_ date: LocalDate) -> Bool { dates.contains(date) }

    public func adding(years: Int) -> FiscalYear { FiscalYear(startYear + years) }

    public static func < (a: FiscalYear, b: FiscalYear) -> Bool { a.startYear < b.startYear }
}

extension FiscalYear: CustomStringConvertible {
    /// `FY2025`.
    public var description: String { "FY\(startYear)" }
}

extension FiscalYear: Codable {
    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(Int.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(startYear)
    }
}
