import CalendarValues
import Testing
@testable import CenterDomain

private func d(_ text: String) -> LocalDate { date(text) }

/// Rules of 国民の祝日に関する法律 and the special laws, as computed by `JapaneseHolidays`.
struct JapaneseHolidaysTests {
    @Test(arguments: 1990...2030)
    func computedYearEqualsPublishedList(year: Int) {
        #expect(JapaneseHolidays.holidays(in: year).map(\.date) == PublishedHolidays.dates(in: year))
    }

    @Test func holidaysOfAYearAreSortedAndUnique() {
        for year in JapaneseHolidays.supportedYears {
            let dates = JapaneseHolidays.holidays(in: year).map(\.date)
            #expect(dates == dates.sorted())
            #expect(Set(dates).count == dates.count)
            #expect(dates.allSatisfy { $0.year == year })
        }
    }

    @Test func list2026EqualsOfficialList() {
        let official = ["2026-01-01", "2026-01-12", "2026-02-11", "2026-02-23", "2026-03-20", "2026-04-29",
                        "2026-05-03", "2026-05-04", "2026-05-05", "2026-05-06", "2026-07-20", "2026-08-11",
                        "2026-09-21", "2026-09-22", "2026-09-23", "2026-10-12", "2026-11-03", "2026-11-23"]
        #expect(JapaneseHolidays.holidays(in: 2026).map(\.date.description) == official)
    }

    @Test func dayBetweenTwoHolidaysIsCitizensHoliday2026() {
        let holiday = JapaneseHolidays.holiday(on: d("2026-09-22"))
        #expect(holiday?.kind == .citizens)
        #expect(holiday?.name == "国民の休日")
    }

    @Test func daysAroundEnthronementDayAreCitizensHolidays2019() {
        #expect(JapaneseHolidays.holiday(on: d("2019-04-30"))?.kind == .citizens)
        #expect(JapaneseHolidays.holiday(on: d("2019-05-01"))?.name == "天皇の即位の日")
        #expect(JapaneseHolidays.holiday(on: d("2019-05-02"))?.kind == .citizens)
    }

    @Test func sundayHolidayMovesToNextNonHoliday() {
        // 2026-05-03 憲法記念日 is a Sunday; 5/4 and 5/5 are holidays, so 5/6 is the day off.
        #expect(d("2026-05-03").weekday == .sunday)
        #expect(JapaneseHolidays.holiday(on: d("2026-05-06"))?.kind == .substitute)
        #expect(JapaneseHolidays.holiday(on: d("2026-05-04"))?.kind == .national)
    }

    @Test func sundayHolidayGivesMondaySubstitute2025() {
        #expect(JapaneseHolidays.holiday(on: d("2025-02-24"))?.kind == .substitute)
        #expect(JapaneseHolidays.holiday(on: d("2025-11-24"))?.kind == .substitute)
        #expect(JapaneseHolidays.holiday(on: d("2025-11-24"))?.name == "振替休日")
    }

    @Test func saturdayHolidayGivesNoSubstitute() {
        // 2023-09-23 秋分の日 was a Saturday.
        #expect(d("2023-09-23").weekday == .saturday)
        #expect(!JapaneseHolidays.isHoliday(d("2023-09-25")))
    }

    @Test func before2007SubstituteIsOnlyTheMonday() {
        // 1992-05-03 was a Sunday: 5/4 became the substitute, not a citizens' holiday.
        #expect(JapaneseHolidays.holiday(on: d("1992-05-04"))?.kind == .substitute)
    }

    @Test func before2007SundayBetweenHolidaysIsNotCitizensHoliday() {
        #expect(d("1997-05-04").weekday == .sunday)
        #expect(!JapaneseHolidays.isHoliday(d("1997-05-04")))
    }

    @Test func olympicMoves2020() {
        #expect(JapaneseHolidays.holiday(on: d("2020-07-23"))?.name == "海の日")
        #expect(JapaneseHolidays.holiday(on: d("2020-07-24"))?.name == "スポーツの日")
        #expect(JapaneseHolidays.holiday(on: d("2020-08-10"))?.name == "山の日")
        #expect(!JapaneseHolidays.isHoliday(d("2020-07-20")))
        #expect(!JapaneseHolidays.isHoliday(d("2020-08-11")))
        #expect(!JapaneseHolidays.isHoliday(d("2020-10-12")))
    }

    @Test func olympicMoves2021() {
        #expect(JapaneseHolidays.holiday(on: d("2021-07-22"))?.name == "海の日")
        #expect(JapaneseHolidays.holiday(on: d("2021-07-23"))?.name == "スポーツの日")
        #expect(JapaneseHolidays.holiday(on: d("2021-08-08"))?.name == "山の日")
        #expect(JapaneseHolidays.holiday(on: d("2021-08-09"))?.kind == .substitute)
        #expect(!JapaneseHolidays.isHoliday(d("2021-07-19")))
        #expect(!JapaneseHolidays.isHoliday(d("2021-08-11")))
        #expect(!JapaneseHolidays.isHoliday(d("2021-10-11")))
    }

    @Test func emperorsBirthdayMovedFromDecemberToFebruary() {
        #expect(JapaneseHolidays.holiday(on: d("2018-12-23"))?.name == "天皇誕生日")
        #expect(!JapaneseHolidays.isHoliday(d("2019-12-23")))
        #expect(!JapaneseHolidays.isHoliday(d("2019-02-23")))
        #expect(JapaneseHolidays.holiday(on: d("2020-02-23"))?.name == "天皇誕生日")
    }

    @Test func april29IsGreeneryDayUntil2006ThenShowaDay() {
        #expect(JapaneseHolidays.holiday(on: d("2006-04-29"))?.name == "みどりの日")
        #expect(JapaneseHolidays.holiday(on: d("2007-04-29"))?.name == "昭和の日")
        #expect(JapaneseHolidays.holiday(on: d("2007-05-04"))?.name == "みどりの日")
    }

    @Test func sportsDayRenamedFrom2020() {
        #expect(JapaneseHolidays.holiday(on: d("2019-10-14"))?.name == "体育の日")
        #expect(JapaneseHolidays.holiday(on: d("2022-10-10"))?.name == "スポーツの日")
        #expect(JapaneseHolidays.holiday(on: d("2022-10-10"))?.nameEnglish == "Sports Day")
    }

    @Test func equinoxDaysFollowTheFormula() {
        #expect(EquinoxDay.vernal(2026) == d("2026-03-20"))
        #expect(EquinoxDay.autumnal(2026) == d("2026-09-23"))
        #expect(EquinoxDay.autumnal(2012) == d("2012-09-22"))
        #expect(EquinoxDay.vernal(2050) == d("2050-03-20"))
        #expect(EquinoxDay.autumnal(2050) == d("2050-09-23"))
        #expect(EquinoxDay.vernal(2100) == nil)
    }

    @Test func futureSeptemberCitizensHolidaysFollowFormula() {
        // Provisional: the equinox dates of these years are not yet published.
        for text in ["2032-09-21", "2037-09-22", "2043-09-22", "2049-09-21"] {
            #expect(JapaneseHolidays.holiday(on: d(text))?.kind == .citizens)
        }
    }

    @Test func unsupportedYearIsRefusedAsInvalid() throws {
        try JapaneseHolidays.requireSupported(2026)
        #expect(throws: Refusal(JapaneseHolidays.Code.yearNotSupported, "Holidays are computed for 1990–2099 only.",
                                details: ["year": "2100"])) {
            try JapaneseHolidays.requireSupported(2100)
        }
    }

    @Test func yearsOutsideSupportedRangeHaveNoHolidays() {
        #expect(JapaneseHolidays.supportedYears == 1990...2099)
        #expect(JapaneseHolidays.holidays(in: 1989).isEmpty)
        #expect(JapaneseHolidays.holidays(in: 2100).isEmpty)
        #expect(JapaneseHolidays.holiday(on: d("2100-01-01")) == nil)
        #expect(JapaneseHolidays.holidays(in: 2099).count >= 16)
    }
}
