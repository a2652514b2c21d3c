/// A calendar date (年月日) of the roadmap: an actual start or end, a closure
/// day, a designated-manager term boundary. Written `YYYY-MM-DD`.
///
/// Roadmap keeps its own minimal date value so it stays free of the booking
/// calendar (CenterDomain); CenterService converts between the two.
public struct RoadmapDate: Hashable, Comparable, Sendable {
    public let year: Int
    public let month: Int
    public let day: Int

    /// A valid Gregorian date in years 1...9999, or nil.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...RoadmapDate.daysIn(year: year, month: month)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Days in a month of the Gregorian calendar.
    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11:
            return 30
        default:
            return 31
        }
    }

    /// The month this date falls in.
    public var planMonth: PlanMonth { PlanMonth(year: year, month: month)! }

    /// The fiscal year (年度), April to March: 2026-03-31 is in FY2025.
    public var fiscalYear: Int { planMonth.fiscalYear }

    /// The following day (9999-12-31, the last representable, stays put).
    public var nextDay: RoadmapDate {
        if year == 9999 && month == 12 && day == 31 { return self }
        if day < RoadmapDate.daysIn(year: year, month: month) {
            return RoadmapDate(year: year, month: month, day: day + 1)!
        }
        return planMonth.adding(months: 1).firstDay
    }

    public static func < (a: RoadmapDate, b: RoadmapDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}

extension RoadmapDate: CustomStringConvertible, LosslessStringConvertible {
    /// Parses exactly `YYYY-MM-DD` (ASCII digits, zero-padded, a real date).
    public init?(_ text: String) {
        let b = Array(text.utf8)
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
              let y = DateDigits.number(b[0..<4]), let m = DateDigits.number(b[5..<7]),
              let d = DateDigits.number(b[8..<10]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public var description: String {
        DateDigits.pad(year, 4) + "-" + DateDigits.pad(month, 2) + "-" + DateDigits.pad(day, 2)
    }
}

extension RoadmapDate: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = RoadmapDate(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected a date YYYY-MM-DD, got \"\(text)\"")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// Digit helpers shared by the two date values.
enum DateDigits {
    static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in bytes {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
