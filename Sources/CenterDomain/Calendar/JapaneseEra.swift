import CalendarValues

/// The Japanese era (元号) used on ward documents and receipts: 昭和, 平成 and
/// 令和. Eras change on a day, not on January 1 (元号法; 平成 from 1989-01-08,
/// 令和 from 2019-05-01, 天皇の退位等に関する皇室典範特例法). The first year of
/// an era is written 元年.
public enum JapaneseEra: String, Sendable, CaseIterable, Codable {
    case showa, heisei, reiwa

    /// 昭和, 平成, 令和.
    public var name: String {
        switch self {
        case .showa: "昭和"
        case .heisei: "平成"
        case .reiwa: "令和"
        }
    }

    /// The first day of the era.
    public var firstDay: LocalDate {
        switch self {
        case .showa: LocalDate(clampingYear: 1926, month: 12, day: 25)
        case .heisei: LocalDate(clampingYear: 1989, month: 1, day: 8)
        case .reiwa: LocalDate(clampingYear: 2019, month: 5, day: 1)
        }
    }

    /// The calendar year of era year `eraYear`. Accepts years past the era's
    /// end, as old documents use them: 平成34年 = 2022.
    public func gregorianYear(_ eraYear: Int) -> Int { firstDay.year - 1 + eraYear }

    /// The era year of calendar year `year` counted in this era (1 = 元年).
    public func eraYear(of year: Int) -> Int { year - firstDay.year + 1 }

    /// The era in force on `date`, or nil before 昭和.
    public static func of(_ date: LocalDate) -> JapaneseEra? {
        allCases.last { $0.firstDay <= date }
    }

    /// `元年` for 1, otherwise `N年`.
    static func yearLabel(_ eraYear: Int) -> String { eraYear == 1 ? "元年" : "\(eraYear)年" }
}

extension LocalDate {
    /// The date in the Japanese era, `令和8年7月1日` (`令和元年5月1日`); the
    /// ISO form when the date is before 昭和.
    public var japaneseEraLabel: String {
        guard let era = JapaneseEra.of(self) else { return description }
        return era.name + JapaneseEra.yearLabel(era.eraYear(of: year)) + "\(month)月\(day)日"
    }

    /// The receipt form with the weekday, `令和8年7月1日(水)`.
    public var japaneseReceiptLabel: String { japaneseEraLabel + "(" + weekday.japanese + ")" }
}

extension FiscalYear {
    /// The era a fiscal year is named in: the last era to begin in or before
    /// its starting calendar year, as practice named FY2019 令和元年度 (not
    /// 平成31年度), FY1989 平成元年度 and FY1988 昭和63年度.
    public var era: JapaneseEra { JapaneseEra.allCases.last { $0.firstDay.year <= startYear } ?? .showa }

    /// `令和7年度` for FY2025, `令和元年度` for FY2019, `平成30年度` for FY2018.
    public var japaneseLabel: String {
        era.name + JapaneseEra.yearLabel(era.eraYear(of: startYear)) + "度"
    }
}
