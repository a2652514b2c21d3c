import Testing
@testable import CalendarValues

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

    @Test func aValueIsReadOnceAndRefusedWithItsKind() throws {
        #expect(try DateInput.date("2026-02-28") == date("2026-02-28"))
        #expect(try DateInput.month("2026-02") == month("2026-02"))
        #expect(try DateInput.instant("2026-07-01T00:00:00Z").rfc3339 == "2026-07-01T09:00:00+09:00")
        #expect(throws: DateInput.Refusal.malformed(#"no such day: "2026-02-30" (2026-02 has 28 days)"#)) { try DateInput.date("2026-02-30") }
        #expect(throws: DateInput.Refusal.malformed(#"no such month: "2026-13" (months are 01 to 12)"#)) { try DateInput.month("2026-13") }
        #expect(throws: DateInput.Refusal.outOfRange(DateOutOfRange(first: "1900-01-01", last: "2200-12-31", got: "1899-12-31"))) {
            try DateInput.date("1899-12-31")
        }
        #expect(throws: DateInput.Refusal.malformed(#""9999-12-31T23:59:59-05:00" is outside the years 0001 to 9999 in Japan time"#)) {
            try DateInput.instant("9999-12-31T23:59:59-05:00")
        }
    }

    @Test func aDecoderAsksTheSameReaderForItsMessage() {
        #expect(DateInput.refusal(reading: "2026-02-30", as: LocalDate.self)?.message == #"no such day: "2026-02-30" (2026-02 has 28 days)"#)
        #expect(DateInput.refusal(reading: "0001-01", as: YearMonth.self)?.message == #"must be from 1900-01 to 2200-12, got "0001-01""#)
        #expect(DateInput.refusal(reading: "2026-02-28", as: LocalDate.self) == nil)
        #expect(DateInput.refusal(reading: "2026-02-30", as: String.self) == nil)
    }
}
