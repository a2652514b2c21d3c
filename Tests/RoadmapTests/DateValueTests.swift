import Testing
@testable import Roadmap

@Test func dateParsesOnlyStrictISOForm() {
    #expect(RoadmapDate("2030-03-31") == RoadmapDate(year: 2030, month: 3, day: 31))
    #expect(RoadmapDate("2030-3-31") == nil)
    #expect(RoadmapDate("2030-02-30") == nil)
    #expect(RoadmapDate("2030/03/31") == nil)
    #expect(RoadmapDate("２０３０-03-31") == nil)
}

@Test func dateFormatsZeroPadded() {
    #expect(RoadmapDate(year: 2025, month: 4, day: 1)!.description == "2025-04-01")
}

@Test func leapDayExistsOnlyInLeapYears() {
    #expect(RoadmapDate("2028-02-29") != nil)
    #expect(RoadmapDate("2029-02-29") == nil)
    #expect(day("2028-02-28").nextDay == day("2028-02-29"))
}

@Test func nextDayCrossesMonthAndYear() {
    #expect(day("2030-03-31").nextDay == day("2030-04-01"))
    #expect(day("2029-12-31").nextDay == day("2030-01-01"))
}

@Test func fiscalYearRunsAprilToMarch() {
    #expect(day("2030-03-31").fiscalYear == 2029)
    #expect(day("2030-04-01").fiscalYear == 2030)
    #expect(month("2026-01").fiscalYear == 2025)
}

@Test func monthParsesOnlyStrictForm() {
    #expect(PlanMonth("2025-06") == PlanMonth(year: 2025, month: 6))
    #expect(PlanMonth("2025-13") == nil)
    #expect(PlanMonth("2025-6") == nil)
}

@Test func monthsBetweenCountsWholeMonths() {
    #expect(month("2025-04").months(to: month("2031-03")) == 71)
    #expect(month("2025-11").adding(months: 3) == month("2026-02"))
}

@Test func datesOrderChronologically() {
    #expect(day("2029-12-31") < day("2030-01-01"))
    #expect(month("2029-12") < month("2030-01"))
}
