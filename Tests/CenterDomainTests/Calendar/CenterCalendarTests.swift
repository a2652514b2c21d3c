import CalendarValues
import Testing
@testable import CenterDomain

/// The center's closed days (休館日) and day summaries.
struct CenterCalendarTests {
    private let calendar = CenterCalendar(policy: .nakanoDefault)

    private func kinds(_ calendar: CenterCalendar, _ text: String, facility: String? = nil) -> [ClosureReason.Kind] {
        calendar.closures(on: date(text), facility: facility).map(\.kind)
    }

    @Test func yearEndClosesDecember29ThroughJanuary3() {
        #expect(calendar.isOpen(date("2026-12-28")))
        #expect(kinds(calendar, "2026-12-29") == [.yearEnd])
        #expect(kinds(calendar, "2027-01-01") == [.yearEnd])
        #expect(kinds(calendar, "2027-01-03") == [.yearEnd])
        #expect(calendar.isOpen(date("2027-01-04")))
    }

    @Test func thirdMondayIsRegularClosedDay() {
        #expect(kinds(calendar, "2026-06-15") == [.regularClosedDay])
        #expect(calendar.isOpen(date("2026-06-08")) && calendar.isOpen(date("2026-06-22")))
    }

    @Test func thirdMondayOnHolidayMovesToTuesday() {
        // 2026-07-20 is 海の日, the third Monday of July.
        #expect(calendar.isOpen(date("2026-07-20")))
        #expect(kinds(calendar, "2026-07-21") == [.regularClosedDay])
        #expect(calendar.regularClosedDay(in: YearMonth("2026-07")!) == date("2026-07-21"))
    }

    @Test func movedClosedDaySkipsConsecutiveHolidays() {
        // 2026-09-21 敬老の日, 9/22 国民の休日, 9/23 秋分の日: closed on Thursday 9/24.
        #expect(calendar.regularClosedDay(in: YearMonth("2026-09")!) == date("2026-09-24"))
        #expect(calendar.isOpen(date("2026-09-21")) && calendar.isOpen(date("2026-09-22")))
    }

    @Test func sameDayRuleClosesOnTheHoliday() {
        var policy = ClosedDayPolicy.nakanoDefault
        policy.regularClosedDay?.ifHoliday = .sameDay
        let sameDay = CenterCalendar(policy: policy)
        #expect(kinds(sameDay, "2026-07-20") == [.regularClosedDay])
        #expect(sameDay.isOpen(date("2026-07-21")))
    }

    @Test func noRegularClosedDayWhenNotConfigured() {
        var policy = ClosedDayPolicy.nakanoDefault
        policy.regularClosedDay = nil
        #expect(CenterCalendar(policy: policy).isOpen(date("2026-06-15")))
    }

    @Test func holidaysAreOpenByDefault() {
        #expect(calendar.isOpen(date("2026-05-04")))
    }

    @Test func holidaysCloseWhenConfiguredClosed() {
        var policy = ClosedDayPolicy.nakanoDefault
        policy.openOnHolidays = false
        let reasons = CenterCalendar(policy: policy).closures(on: date("2026-05-06"), facility: nil)
        #expect(reasons == [ClosureReason(kind: .holiday, reason: "Substitute Holiday", reasonJa: "振替休日")])
    }

    @Test func adHocClosureOfWholeCenterCarriesReason() {
        var policy = ClosedDayPolicy.nakanoDefault
        policy.closures = [.init(date: date("2026-08-19"), reason: "Electrical inspection", reasonJa: "電気設備点検")]
        let reasons = CenterCalendar(policy: policy).closures(on: date("2026-08-19"), facility: "hall")
        #expect(reasons == [ClosureReason(kind: .adHoc, reason: "Electrical inspection", reasonJa: "電気設備点検")])
    }

    @Test func facilityClosureClosesOnlyThatFacility() {
        var policy = ClosedDayPolicy.nakanoDefault
        policy.closures = [.init(date: date("2026-08-18"), reason: "Floor waxing", reasonJa: "床清掃", facilities: ["gym"])]
        let calendar = CenterCalendar(policy: policy)
        #expect(!calendar.isOpen(date("2026-08-18"), facility: "gym"))
        #expect(calendar.isOpen(date("2026-08-18"), facility: "hall"))
        #expect(calendar.isOpen(date("2026-08-18")))
    }

    @Test func worksClosureNamesRoadmapItem() {
        let works = HallWorks(itemID: "R-2027-01", days: date("2027-02-01")...date("2027-02-28"))
        let calendar = CenterCalendar(policy: .nakanoDefault, works: works)
        let reasons = calendar.closures(on: date("2027-02-28"), facility: "hall")
        #expect(reasons == [ClosureReason(kind: .works, itemID: "R-2027-01", facilities: ["hall"])])
        #expect(calendar.isOpen(date("2027-03-01"), facility: "hall"))
        #expect(calendar.isOpen(date("2027-02-10"), facility: "gym"))
    }

    @Test func adHocClosureOnRegularClosedDayListsBoth() {
        // The sample configuration's inspection on 2026-08-17 falls on August's third Monday.
        var policy = ClosedDayPolicy.nakanoDefault
        policy.closures = [.init(date: date("2026-08-17"), reason: "Electrical inspection", reasonJa: "電気設備点検")]
        #expect(kinds(CenterCalendar(policy: policy), "2026-08-17") == [.regularClosedDay, .adHoc])
    }

    @Test func everyApplicableReasonIsListed() {
        var policy = ClosedDayPolicy.nakanoDefault
        policy.openOnHolidays = false
        policy.closures = [.init(date: date("2027-01-01"), reason: "Boiler repair", reasonJa: "ボイラー修理")]
        #expect(kinds(CenterCalendar(policy: policy), "2027-01-01") == [.yearEnd, .holiday, .adHoc])
    }

    @Test func daySummaryForCalendarEndpoint() throws {
        let summary = calendar.summary(of: date("2026-07-01"))
        #expect(summary.weekday == .wednesday && summary.open && summary.reasons.isEmpty && summary.holiday == nil)
        #expect(summary.fiscalYear == FiscalYear(2026))
        #expect(summary.japaneseDate == "令和8年7月1日(水)")
        #expect(try encodeJSON(summary) == #"{"date":"2026-07-01","fiscal_year":2026,"holiday":null,"japanese_date":"令和8年7月1日(水)","open":true,"reasons":[],"weekday":"wednesday"}"#)
    }

    @Test func daySummaryNamesHoliday() {
        let summary = calendar.summary(of: date("2026-09-22"))
        #expect(summary.holiday?.kind == .citizens && summary.open)
    }

    @Test func monthSummaryListsEveryDay() {
        let days = calendar.summaries(in: YearMonth("2028-02")!)
        #expect(days.count == 29)
        #expect(days.filter { !$0.open }.map(\.date) == [date("2028-02-21")])
    }

    /// Works that close the hall on the 1st and the 2nd of every month.
    private struct EarlyMonthWorks: WorksCalendar {
        func works(closing facility: String?, on date: LocalDate) -> [(itemID: String, facilities: [String])] {
            closes(facility, on: date) ? [("works-1", ["hall"])] : []
        }
        func closes(_ facility: String?, on date: LocalDate) -> Bool { facility == "hall" && date.day <= 2 }
    }

    /// `openDays(in:)` finds a month's regular closed days once; every
    /// month of six fiscal years, under each holiday rule, with holidays
    /// open and closed, a year end, an ad-hoc closure and works, it lists
    /// exactly the days `isOpen` says are open.
    @Test func theOpenDaysOfAMonthAreTheDaysIsOpenSaysAreOpen() {
        let firstMonth = YearMonth("2026-04")!
        for ifHoliday in [ClosedDayPolicy.RegularClosedDay.IfHoliday.sameDay, .nextNonHoliday] {
            for openOnHolidays in [true, false] {
                var policy = ClosedDayPolicy.nakanoDefault
                policy.regularClosedDay?.ifHoliday = ifHoliday
                policy.openOnHolidays = openOnHolidays
                policy.closures = [ClosedDayPolicy.Closure(date: date("2027-08-17"), reason: "Inspection", reasonJa: "点検",
                                                           facilities: ["hall"])]
                let calendar = CenterCalendar(policy: policy, works: EarlyMonthWorks())
                for offset in 0..<72 {
                    let month = firstMonth.adding(months: offset)
                    for facility in [nil, "hall", "gym"] {
                        #expect(calendar.openDays(in: month, facility: facility)
                                == month.dates.filter { calendar.isOpen($0, facility: facility) }, "\(month) \(facility ?? "center")")
                    }
                }
            }
        }
    }

    /// A calendar keeps the open days it has worked out: asked again, it
    /// answers the same days; a calendar made with other works (as the
    /// roadmap's calendar is made again when the roadmap changes) is never
    /// given the first one's answer.
    @Test func openDaysAskedAgainAreTheSameAndAnotherCalendarWorksThemOutAfresh() {
        let march = YearMonth("2027-03")!
        let before = CenterCalendar(policy: .nakanoDefault)
        let first = before.openDays(in: march, facility: "hall")
        #expect(before.openDays(in: march, facility: "hall") == first)
        #expect(before.openDays(in: march, facility: "hall") == march.dates.filter { before.isOpen($0, facility: "hall") })
        let after = CenterCalendar(policy: .nakanoDefault,
                                   works: HallWorks(itemID: "works-2", days: date("2027-03-08")...date("2027-03-12")))
        let withWorks = after.openDays(in: march, facility: "hall")
        #expect(withWorks == first.filter { !(date("2027-03-08")...date("2027-03-12")).contains($0) })
        #expect(withWorks.count < first.count)
        #expect(before.openDays(in: march, facility: "hall") == first)
    }
}

/// Works that close the hall on `days`: the calendar asks the roadmap which
/// works close a facility; whether a window covers a day is the roadmap's own
/// rule, tested in RoadmapTests.
private struct HallWorks: WorksCalendar {
    let itemID: String
    let days: ClosedRange<LocalDate>

    func works(closing facility: String?, on date: LocalDate) -> [(itemID: String, facilities: [String])] {
        facility == "hall" && days.contains(date) ? [(itemID, ["hall"])] : []
    }
}
