import Testing
@testable import CenterDomain

/// Dates, months and instants say what is wrong with them in the user's terms.
@Suite struct DateInputTests {
    @Test func aDayTheMonthDoesNotHaveIsNoSuchDay() {
        #expect(DateInput.dateProblem("2026-02-30") == #"no such day: "2026-02-30" (2026-02 has 28 days)"#)
        #expect(DateInput.dateProblem("2028-02-30") == #"no such day: "2028-02-30" (2028-02 has 29 days)"#)
        #expect(DateInput.dateProblem("2026-04-31") == #"no such day: "2026-04-31" (2026-04 has 30 days)"#)
    }

    @Test func aThirteenthMonthIsNoSuchMonth() {
        #expect(DateInput.dateProblem("2026-13-01") == #"no such month: "2026-13-01" (months are 01 to 12)"#)
        #expect(DateInput.monthProblem("2026-00") == #"no such month: "2026-00" (months are 01 to 12)"#)
    }

    @Test func anotherFormIsNotGuessed() {
        #expect(DateInput.dateProblem("2026/02/01") == #"expected a date YYYY-MM-DD, got "2026/02/01""#)
        #expect(DateInput.dateProblem("２０２６－０２－０１") == #"expected a date YYYY-MM-DD, got "２０２６－０２－０１""#)
        #expect(DateInput.dateProblem("令和8年2月1日") == #"expected a date YYYY-MM-DD, got "令和8年2月1日""#)
    }

    @Test func anInstantWithNoSuchDaySaysSo() {
        #expect(DateInput.instantProblem("2026-02-30T09:00:00+09:00") == #"no such day: "2026-02-30" (2026-02 has 28 days)"#)
        #expect(DateInput.instantProblem("tomorrow").hasPrefix("expected an RFC 3339 date and time with an offset"))
    }

    @Test func aLongInputIsEchoedShort() {
        let text = String(repeating: "9", count: 5_000)
        #expect(DateInput.dateProblem(text).count < 160)
    }
}
