import CalendarValues

/// The rules of 国民の祝日に関する法律 (昭和23年法律第178号) as amended, and
/// the special laws, turned into dates for one year.
extension JapaneseHolidays {
    /// The holidays of `year` from the rules, sorted; `supportedYears` is not checked.
    static func computeHolidays(in year: Int) -> [Holiday] {
        let statutory = (nationalHolidays(in: year) + specialHolidays(in: year)).sorted { $0.date < $1.date }
        let substitutes = substituteHolidays(for: statutory, year: year)
        let citizens = citizensHolidays(for: statutory, excluding: Set(substitutes.map(\.date)), year: year)
        return (statutory + substitutes + citizens).sorted { $0.date < $1.date }
    }

    /// 国民の祝日 (第2条) of `year`, with the years each rule applied.
    static func nationalHolidays(in year: Int) -> [Holiday] {
        var list: [Holiday] = []
        func add(_ date: LocalDate?, _ name: String, _ english: String) {
            guard let date else { return }
            list.append(Holiday(date: date, name: name, nameEnglish: english, kind: .national))
        }
        func add(_ month: Int, _ day: Int, _ name: String, _ english: String) {
            add(LocalDate(year: year, month: month, day: day), name, english)
        }
        func monday(_ n: Int, _ month: Int) -> LocalDate? { LocalDate.nthWeekday(n, .monday, year: year, month: month) }

        add(1, 1, "元日", "New Year's Day")
        // 成人の日: 1/15; the second Monday of January from 2000 (平成10年法律第141号).
        if year >= 2000 { add(monday(2, 1), "成人の日", "Coming of Age Day") } else { add(1, 15, "成人の日", "Coming of Age Day") }
        add(2, 11, "建国記念の日", "National Foundation Day")
        // 天皇誕生日: 12/23 for the Heisei emperor (1989–2018), none in 2019, 2/23 from 2020.
        if year >= 2020 { add(2, 23, "天皇誕生日", "The Emperor's Birthday") }
        add(EquinoxDay.vernal(year), "春分の日", "Vernal Equinox Day")
        // 4/29: みどりの日 1989–2006, 昭和の日 from 2007 (平成17年法律第43号), when みどりの日 moved to 5/4.
        if year >= 2007 {
            add(4, 29, "昭和の日", "Showa Day")
        } else {
            add(4, 29, "みどりの日", "Greenery Day")
        }
        add(5, 3, "憲法記念日", "Constitution Memorial Day")
        if year >= 2007 { add(5, 4, "みどりの日", "Greenery Day") }
        add(5, 5, "こどもの日", "Children's Day")
        // 海の日: 7/20 from 1996 (平成7年法律第22号); third Monday of July from 2003
        // (平成13年法律第59号); moved for the Olympics to 7/23 in 2020 and 7/22 in 2021.
        switch year {
        case 2020: add(7, 23, "海の日", "Marine Day")
        case 2021: add(7, 22, "海の日", "Marine Day")
        case 2003...: add(monday(3, 7), "海の日", "Marine Day")
        case 1996...: add(7, 20, "海の日", "Marine Day")
        default: break
        }
        // 山の日: 8/11 from 2016 (平成26年法律第43号); 8/10 in 2020 and 8/8 in 2021.
        switch year {
        case 2020: add(8, 10, "山の日", "Mountain Day")
        case 2021: add(8, 8, "山の日", "Mountain Day")
        case 2016...: add(8, 11, "山の日", "Mountain Day")
        default: break
        }
        // 敬老の日: 9/15; the third Monday of September from 2003.
        if year >= 2003 { add(monday(3, 9), "敬老の日", "Respect for the Aged Day") } else { add(9, 15, "敬老の日", "Respect for the Aged Day") }
        add(EquinoxDay.autumnal(year), "秋分の日", "Autumnal Equinox Day")
        // 体育の日: 10/10; the second Monday of October from 2000; renamed
        // スポーツの日 from 2020 (平成30年法律第57号), moved to 7/24 in 2020 and 7/23 in 2021.
        switch year {
        case 2020: add(7, 24, "スポーツの日", "Sports Day")
        case 2021: add(7, 23, "スポーツの日", "Sports Day")
        case 2022...: add(monday(2, 10), "スポーツの日", "Sports Day")
        case 2000...: add(monday(2, 10), "体育の日", "Health and Sports Day")
        default: add(10, 10, "体育の日", "Health and Sports Day")
        }
        add(11, 3, "文化の日", "Culture Day")
        add(11, 23, "勤労感謝の日", "Labour Thanksgiving Day")
        if (1989...2018).contains(year) { add(12, 23, "天皇誕生日", "The Emperor's Birthday") }
        return list
    }

    /// Days off declared by special laws, each treated as a 国民の祝日 for 第3条.
    static func specialHolidays(in year: Int) -> [Holiday] {
        let days: [(Int, Int, Int, String, String)] = [
            // 即位礼正殿の儀の行われる日を休日とする法律 (平成2年法律第24号)
            (1990, 11, 12, "即位礼正殿の儀", "Enthronement Ceremony"),
            // 皇太子徳仁親王の結婚の儀の行われる日を休日とする法律 (平成5年法律第32号)
            (1993, 6, 9, "皇太子徳仁親王の結婚の儀", "Wedding Ceremony of Crown Prince Naruhito"),
            // 天皇の即位の日及び即位礼正殿の儀の行われる日を休日とする法律 (平成30年法律第99号)
            (2019, 5, 1, "天皇の即位の日", "Enthronement Day of the Emperor"),
            (2019, 10, 22, "即位礼正殿の儀", "Enthronement Ceremony"),
        ]
        return days.filter { $0.0 == year }.compactMap { day in
            LocalDate(year: day.0, month: day.1, day: day.2).map {
                Holiday(date: $0, name: day.3, nameEnglish: day.4, kind: .special)
            }
        }
    }

    /// 振替休日 (第3条第2項): when a holiday falls on a Sunday, the nearest
    /// following day that is not a holiday is a day off. Before the 2007
    /// amendment (平成17年法律第43号) the wording was 「その翌日を休日とする」:
    /// only the Monday, and nothing when that Monday was itself a holiday.
    static func substituteHolidays(for statutory: [Holiday], year: Int) -> [Holiday] {
        let holidayDates = Set(statutory.map(\.date))
        var result: [Holiday] = []
        for holiday in statutory where holiday.date.weekday == .sunday {
            var day = holiday.date.adding(days: 1)
            if year >= 2007 {
                while holidayDates.contains(day) { day = day.adding(days: 1) }
            } else if holidayDates.contains(day) {
                continue
            }
            result.append(Holiday(date: day, name: "振替休日", nameEnglish: "Substitute Holiday", kind: .substitute))
        }
        return result
    }

    /// 国民の休日 (第3条第3項): a day whose previous and next days are both
    /// 国民の祝日. Since 2007 the wording is 「（国民の祝日でない日に限る。）」;
    /// from 1986 to 2006 it read 「（日曜日にあたる日及び前項に規定する休日に
    /// あたる日を除く。）」, so a Sunday or a substitute holiday was not one.
    /// Substitute days are excluded in both periods: they are off already.
    static func citizensHolidays(for statutory: [Holiday], excluding substitutes: Set<LocalDate>, year: Int) -> [Holiday] {
        let holidayDates = Set(statutory.map(\.date))
        var result: [Holiday] = []
        for holiday in statutory {
            let day = holiday.date.adding(days: 1)
            guard day.year == year, !holidayDates.contains(day), !substitutes.contains(day),
                  holidayDates.contains(day.adding(days: 1)),
                  year >= 2007 || day.weekday != .sunday
            else { continue }
            result.append(Holiday(date: day, name: "国民の休日", nameEnglish: "Citizens' Holiday", kind: .citizens))
        }
        return result
    }
}
