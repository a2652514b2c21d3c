import Testing
@testable import CalendarValues

@Test func dateParsesOnlyStrictISOForm() {
    #expect(LocalDate("2030-03-31") == LocalDate(year: 2030, month: 3, day: 31))
    #expect(LocalDate("2030-3-31") == nil)
    #expect(LocalDate("2030-02-30") == nil)
    #expect(LocalDate("2030/03/31") == nil)
    #expect(LocalDate("２０３０-03-31") == nil)
}

@Test func dateFormatsZeroPadded() {
    #expect(LocalDate(year: 2025, month: 4, day: 1)!.description == "2025-04-01")
}

@Test func leapDayExistsOnlyInLeapYears() {
    #expect(LocalDate("2028-02-29") != nil)
    #expect(LocalDate("2029-02-29") == nil)
    #expect(date("2028-02-28").adding(days: 1) == date("2028-02-29"))
}

@Test func nextDayCrossesMonthAndYear() {
    #expect(date("2030-03-31").adding(days: 1) == date("2030-04-01"))
    #expect(date("2029-12-31").adding(days: 1) == date("2030-01-01"))
}

@Test func fiscalYearRunsAprilToMarch() {
    #expect(FiscalYear(containing: date("2030-03-31")) == FiscalYear(2029))
    #expect(FiscalYear(containing: date("2030-04-01")) == FiscalYear(2030))
    #expect(FiscalYear(containing: month("2026-01")) == FiscalYear(2025))
}

@Test func monthParsesOnlyStrictForm() {
    #expect(YearMonth("2025-06") == YearMonth(year: 2025, month: 6))
    #expect(YearMonth("2025-13") == nil)
    #expect(YearMonth("2025-6") == nil)
}

@Test func monthsBetweenCountsWholeMonths() {
    #expect(month("2025-04").months(until: month("2031-03")) == 71)
    #expect(month("2025-11").adding(months: 3) == month("2026-02"))
}

@Test func monthsThroughListsEveryMonthAcrossAYearsEnd() {
    #expect(month("2025-11").months(through: month("2026-02")) == [month("2025-11"), month("2025-12"), month("2026-01"), month("2026-02")])
    #expect(month("2026-02").months(through: month("2025-11")).isEmpty)
}

@Test func datesOrderChronologically() {
    #expect(date("2029-12-31") < date("2030-01-01"))
    #expect(month("2029-12") < month("2030-01"))
}
