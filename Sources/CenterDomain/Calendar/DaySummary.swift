import CalendarValues

/// One day of the center's calendar as the `/calendar` endpoint returns it:
/// open or not and why, the holiday if any, the fiscal year (年度) and the
/// Japanese date with its weekday, `令和8年7月1日(水)`.
public struct DaySummary: Codable, Sendable, Equatable {
    public let date: LocalDate
    public let weekday: Weekday
    public let open: Bool
    public let reasons: [ClosureReason]
    public let holiday: Holiday?
    public let fiscalYear: FiscalYear
    public let japaneseDate: String

    public init(date: LocalDate, weekday: Weekday, open: Bool, reasons: [ClosureReason], holiday: Holiday?,
                fiscalYear: FiscalYear, japaneseDate: String) {
        self.date = date
        self.weekday = weekday
        self.open = open
        self.reasons = reasons
        self.holiday = holiday
        self.fiscalYear = fiscalYear
        self.japaneseDate = japaneseDate
    }

    enum CodingKeys: String, CodingKey {
        case date, weekday, open, reasons, holiday
        case fiscalYear = "fiscal_year", japaneseDate = "japanese_date"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        date = try c.decode(LocalDate.self, forKey: .date)
        let name = try c.decode(String.self, forKey: .weekday)
        guard let weekday = Weekday(english: name) else {
            throw DecodingError.dataCorruptedError(forKey: .weekday, in: c, debugDescription: "unknown weekday \"\(name)\"")
        }
        self.weekday = weekday
        open = try c.decode(Bool.self, forKey: .open)
        reasons = try c.decode([ClosureReason].self, forKey: .reasons)
        holiday = try c.decodeIfPresent(Holiday.self, forKey: .holiday)
        fiscalYear = try c.decode(FiscalYear.self, forKey: .fiscalYear)
        japaneseDate = try c.decode(String.self, forKey: .japaneseDate)
    }

    /// Writes the weekday as its English name, `"wednesday"`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(date, forKey: .date)
        try c.encode(weekday.english, forKey: .weekday)
        try c.encode(open, forKey: .open)
        try c.encode(reasons, forKey: .reasons)
        try c.encode(holiday, forKey: .holiday)
        try c.encode(fiscalYear, forKey: .fiscalYear)
        try c.encode(japaneseDate, forKey: .japaneseDate)
    }
}
