/// A fiscal year (年度, 会計年度) of a local government: April 1 to March 31
/// of the next calendar year (地方自治法 第208条第1項). `FiscalYear(2025)` is
/// 2025-04-01...2026-03-31, 令和7年度. Encoded as its starting year.
public struct FiscalYear: Hashable, Comparable, Sendable {
    /// The calendar year in which the fiscal year begins, 1...9998.
    public let startYear: Int

    /// The fiscal year beginning in `startYear`, clamped to 1...9998, the
    /// years whose whole fiscal year a `LocalDate` holds.
    public init(_ startYear: Int) { self.startYear = min(max(startYear, 1), 9998) }

    /// The fiscal year `date` belongs to: January–March belong to the previous year's.
    public init(containing date: LocalDate) { self.init(containing: date.yearMonth) }

    /// The fiscal year `month` belongs to: January–March belong to the previous year's.
    public init(containing month: YearMonth) { self.init(month.month >= 4 ? month.year : month.year - 1) }

    /// April of `startYear`, the first month.
    public var firstMonth: YearMonth { first.yearMonth }

    /// March of the following year, the last month.
    public var lastMonth: YearMonth { last.yearMonth }

    /// April 1 of `startYear`.
    public var first: LocalDate { LocalDate(valid: startYear, 4, 1) }

    /// March 31 of the following year.
    public var last: LocalDate { LocalDate(valid: startYear + 1, 3, 31) }

    public var dates: ClosedRange<LocalDate> { first...last }

    public func contains(_ date: LocalDate) -> Bool { dates.contains(date) }

    /// The fiscal year `years` later (earlier when negative), clamped like `init(_:)`.
    public func adding(years: Int) -> FiscalYear { FiscalYear(startYear + min(max(years, -10_000), 10_000)) }

    public static func < (a: FiscalYear, b: FiscalYear) -> Bool { a.startYear < b.startYear }
}

extension FiscalYear: CustomStringConvertible {
    /// `FY2025`.
    public var description: String { "FY\(startYear)" }
}

extension FiscalYear: Codable {
    /// Decodes a starting year within `SupportedDates`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let year = try container.decode(Int.self)
        do {
            try SupportedDates.check(fiscalYearStarting: year)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: container.codingPath, debugDescription: error.message,
                                                    underlyingError: error))
        }
        self.init(year)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(startYear)
    }
}
