import Testing
@testable import CenterDomain
import CalendarValues

/// How long personal data is kept after a registration ends (個人情報の保護に関する法律 第22条).
@Suite struct PersonalDataRetentionTests {
    let fiveYears = PersonalDataRetention(fiscalYearsAfterEnd: 5)

    @Test func keptThroughTheEndsFiscalYearAndFiveMore() {
        #expect(fiveYears.erasableFrom(endedOn: LocalDate("2026-08-31")!) == LocalDate("2032-04-01"))
    }

    @Test func anEndInMarchBelongsToThePreviousFiscalYear() {
        #expect(fiveYears.erasableFrom(endedOn: LocalDate("2027-03-31")!) == LocalDate("2032-04-01"))
        #expect(fiveYears.erasableFrom(endedOn: LocalDate("2027-04-01")!) == LocalDate("2033-04-01"))
    }

    @Test func dueFromTheFirstErasableDayOn() {
        let end = LocalDate("2026-08-31")!
        #expect(!fiveYears.isDue(endedOn: end, today: LocalDate("2032-03-31")!))
        #expect(fiveYears.isDue(endedOn: end, today: LocalDate("2032-04-01")!))
    }

    @Test func latestDueEndIsTheLastDayOfTheNewestFiscalYearDue() {
        let today = LocalDate("2032-04-01")!
        let latest = fiveYears.latestDueEnd(today: today)
        #expect(latest == LocalDate("2027-03-31"))
        #expect(fiveYears.isDue(endedOn: latest, today: today))
        #expect(!fiveYears.isDue(endedOn: latest.adding(days: 1), today: today))
    }

    @Test func settingIsOneToThirtyYears() {
        #expect(fiveYears.problems(at: "$.x").isEmpty)
        #expect(PersonalDataRetention(fiscalYearsAfterEnd: 0).problems(at: "$.x").map(\.path) == ["$.x.fiscal_years_after_end"])
        #expect(!PersonalDataRetention(fiscalYearsAfterEnd: 31).problems(at: "$.x").isEmpty)
    }
}
