/// A planned month (予定月), `YYYY-MM`: the report plans items by month, so
/// planned starts and ends are months, not days.
public struct PlanMonth: Hashable, Comparable, Sendable {
    public let year: Int
    public let month: Int

    /// A month of years 1...9999, or nil.
    public init?(year: Int, month: Int) {
        guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// The fiscal year (年度) of the month: April 2026 to March 2027 is FY2026.
    public var fiscalYear: Int { month >= 4 ? year : year - 1 }

    /// April of a fiscal year, its first month.
    public static func fiscalYearStart(_ fiscalYear: Int) -> PlanMonth { PlanMonth(year: fiscalYear, month: 4)! }

    /// March of the following calendar year, the last month of a fiscal year.
    public static func fiscalYearEnd(_ fiscalYear: Int) -> PlanMonth { PlanMonth(year: fiscalYear + 1, month: 3)! }

    public var firstDay: RoadmapDate { RoadmapDate(year: year, month: month, day: 1)! }
    public var lastDay: RoadmapDate {
        RoadmapDate(year: year, month: month, day: RoadmapDate.daysIn(year: year, month: month))!
    }

    /// Months from this month to `other`: 2025-04 to 2026-04 is 12.
    public func months(to other: PlanMonth) -> Int {
        (other.year * 12 + other.month) - (year * 12 + month)
    }

    public func adding(months: Int) -> PlanMonth {
        let total = year * 12 + (month - 1) + months
        return PlanMonth(year: total / 12, month: total % 12 + 1)!
    }

    public static func < (a: PlanMonth, b: PlanMonth) -> Bool { (a.year, a.month) < (b.year, b.month) }
}

extension PlanMonth: CustomStringConvertible, LosslessStringConvertible {
    /// Parses exactly `YYYY-MM`.
    public init?(_ text: String) {
        let b = Array(text.utf8)
        guard b.count == 7, b[4] == UInt8(ascii: "-"),
              let y = DateDigits.number(b[0..<4]), let m = DateDigits.number(b[5..<7]) else { return nil }
        self.init(year: y, month: m)
    }

    public var description: String { DateDigits.pad(year, 4) + "-" + DateDigits.pad(month, 2) }
}

extension PlanMonth: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = PlanMonth(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected a month YYYY-MM, got \"\(text)\"")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
