import CalendarValues

/// Japan's public holidays and statutory days off (国民の祝日・休日), computed
/// from the rules of 国民の祝日に関する法律 (the Public Holiday Act) and the
/// special laws of 1990, 1993, 2019 and the Olympic special measures of 2020
/// and 2021, for every year in `supportedYears`. See `JapaneseHolidays+Rules`
/// for each rule and its source.
///
/// The whole range is computed once into an immutable table (a few thousand
/// entries), so lookups are dictionary reads and the type holds no mutable
/// state. Outside the range the answers are empty or nil: callers validate
/// the year and refuse it (the API answers 422).
public enum JapaneseHolidays {
    /// The years answered: from 1990 (after the Heisei changes to 天皇誕生日
    /// and みどりの日) to 2099 (the end of the equinox formula's validity).
    public static let supportedYears = 1990...2099

    /// Refuses a year outside `supportedYears` with `year_not_supported`.
    public static func requireSupported(_ year: Int) throws(Refusal<JapaneseHolidays.Code>) {
        guard supportedYears.contains(year) else {
            throw Refusal(.yearNotSupported, "Holidays are computed for \(supportedYears.lowerBound)–\(supportedYears.upperBound) only.",
                          details: ["year": String(year)])
        }
    }

    /// Every holiday and day off of `year`, in date order; empty outside `supportedYears`.
    public static func holidays(in year: Int) -> [Holiday] { table.byYear[year] ?? [] }

    /// The holiday or day off on `date`, if any.
    public static func holiday(on date: LocalDate) -> Holiday? { table.byDate[date] }

    /// Whether `date` is a public holiday or statutory day off.
    public static func isHoliday(_ date: LocalDate) -> Bool { table.byDate[date] != nil }

    private struct Table: Sendable {
        let byYear: [Int: [Holiday]]
        let byDate: [LocalDate: Holiday]
    }

    private static let table: Table = {
        var byYear: [Int: [Holiday]] = [:]
        var byDate: [LocalDate: Holiday] = [:]
        for year in supportedYears {
            let list = computeHolidays(in: year)
            byYear[year] = list
            for holiday in list { byDate[holiday.date] = holiday }
        }
        return Table(byYear: byYear, byDate: byDate)
    }()
}

extension JapaneseHolidays {
    /// What the holiday tables refuse.
    public enum Code: String, ErrorCode {
        case yearNotSupported = "year_not_supported"
    }
}
