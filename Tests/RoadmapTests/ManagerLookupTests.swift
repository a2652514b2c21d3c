import Testing
@testable import Roadmap

@Test func currentTermCoversItsLastDay() {
    #expect(schedule([]).manager(on: day("2030-03-31"))?.id == "term-fy2025")
}

@Test func newTermStartsOnItsFirstDay() {
    #expect(schedule([]).manager(on: day("2030-04-01"))?.label == "新・指定管理者❶")
}

@Test func secondTermStartsOn2017April1() {
    let term = schedule([]).manager(on: day("2017-04-01"))
    #expect(term?.id == "term-2")
    #expect(term?.operatorJa == "ハートフルサポート共同事業体")
}

@Test func noManagerOutsideEveryTerm() {
    #expect(schedule([]).manager(on: day("2017-03-31")) == nil)
}

@Test func fiscalYearManagersIncludeOnlyTermsTouchingIt() {
    #expect(schedule([]).managers(inFiscalYear: 2029).map(\.id) == ["term-fy2025"])
    #expect(schedule([]).managers(inFiscalYear: 2030).map(\.id) == ["term-fy2030"])
}

@Test func realFileSwitchesManagerAtTheFiscalYear2030Boundary() throws {
    let real = try realSchedule()
    #expect(real.manager(on: day("2030-03-31"))?.label == "指定管理者❶〜❺")
    #expect(real.manager(on: day("2030-04-01"))?.label == "新・指定管理者❶")
    #expect(real.manager(on: day("2017-04-01"))?.operatorJa.hasPrefix("ハートフルサポート共同事業体") == true)
    #expect(real.manager(on: day("2014-04-01"))?.operator == "")
}
