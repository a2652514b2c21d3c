import TestEvents
import Testing
@testable import CalendarValues

/// Every date, month and instant operation is total: at the ends of what a
/// value holds (0001-01-01 and 9999-12-31) results stop at the end instead
/// of trapping, and across the supported dates they are exact.
struct TotalDateArithmeticTests {
    @Test func monthBeforeJanuaryOfYearOneStaysInJanuaryOfYearOne() {
        // The month arithmetic of the regular closed day once trapped here.
        #expect(month("0001-01").adding(months: -1) == month("0001-01"))
        #expect(date("0001-01-15").adding(months: -1) == date("0001-01-15"))
    }

    @Test func monthAfterDecemberOf9999StaysThere() {
        #expect(month("9999-12").adding(months: 1) == month("9999-12"))
        #expect(date("9999-12-31").adding(months: 1) == date("9999-12-31"))
    }

    @Test func anyMonthCountIsClampedNotTrapped() {
        #expect(month("2026-07").adding(months: .max) == month("9999-12"))
        #expect(month("2026-07").adding(months: .min) == month("0001-01"))
        #expect(date("2026-07-31").adding(months: .max) == date("9999-12-31"))
        #expect(date("2026-07-31").adding(months: .min) == date("0001-01-31"))
    }

    @Test func anyDayCountIsClampedNotTrapped() {
        #expect(LocalDate.latest.adding(days: 1) == LocalDate.latest)
        #expect(LocalDate.earliest.adding(days: -1) == LocalDate.earliest)
        #expect(date("2026-07-01").adding(days: .max) == LocalDate.latest)
        #expect(date("2026-07-01").adding(days: .min) == LocalDate.earliest)
        #expect(LocalDate(daysSinceEpoch: .max) == LocalDate.latest)
        #expect(LocalDate(daysSinceEpoch: .min) == LocalDate.earliest)
    }

    @Test func endsOfTheHeldDatesHaveTheirWeekdays() {
        #expect(LocalDate.earliest.description == "0001-01-01" && LocalDate.earliest.weekday == .monday)
        #expect(LocalDate.latest.description == "9999-12-31" && LocalDate.latest.weekday == .friday)
    }

    @Test func monthsBetweenTheEndsAreCounted() {
        #expect(month("0001-01").months(until: month("9999-12")) == 9999 * 12 - 1)
        #expect(month("9999-12").months(until: month("0001-01")) == -(9999 * 12 - 1))
    }

    @Test func monthsThroughTheLastHeldMonthEnds() {
        #expect(month("9999-11").months(through: month("9999-12")) == [month("9999-11"), month("9999-12")])
    }

    @Test func fiscalYearAtEitherEndIsClampedToAWholeHeldYear() {
        #expect(FiscalYear(0).first == date("0001-04-01"))
        #expect(FiscalYear(9999).last == date("9999-03-31"))
        #expect(FiscalYear(containing: date("0001-02-01")) == FiscalYear(1))
        #expect(FiscalYear(2026).adding(years: .max) == FiscalYear(9998))
        #expect(FiscalYear(2026).adding(years: .min) == FiscalYear(1))
    }

    @Test func clampingInitializerGivesTheNearestHeldDate() {
        #expect(LocalDate(clampingYear: 2026, month: 2, day: 30) == date("2026-02-28"))
        #expect(LocalDate(clampingYear: 0, month: 0, day: 0) == LocalDate.earliest)
        #expect(LocalDate(clampingYear: .max, month: .max, day: .max) == LocalDate.latest)
    }

    @Test func datesThroughAnEarlierDayAreNone() {
        #expect(date("2026-07-02").dates(through: date("2026-07-01")).isEmpty)
        #expect(date("2026-07-01").dates(through: date("2026-07-01")) == [date("2026-07-01")])
        #expect(LocalDate.latest.dates(through: LocalDate.latest) == [LocalDate.latest])
    }

    @Test func digitsThatOverflowAreNoNumber() {
        #expect(LocalDate.digits(Array(String(repeating: "9", count: 40).utf8)[...]) == nil)
        #expect(LocalDate.digits(Array("0042".utf8)[...]) == 42)
    }

    /// About 110,000 days: each is checked with plain comparisons, on a
    /// thread of its own (a third of a second of CPU in a debug build, which
    /// would hold a thread of the pool every other test shares), and the
    /// wrong ones are reported together.
    @Test func everyDayAroundTheSupportedDatesIsExact() async {
        let wrong = await blocking { () -> [String] in
            // One day before the supported range's first month to one after its last fiscal year.
            var day = date("1899-12-01")
            var count = day.daysSinceEpoch
            var wrong: [String] = []
            while day <= date("2201-03-31") {
                let next = day.adding(days: 1)
                let exact = LocalDate(daysSinceEpoch: count) == day
                    && LocalDate(day.description) == day
                    && day.days(until: next) == 1 && next.daysSinceEpoch == count + 1
                    && (next.month == day.month || (next.day == 1 && next.yearMonth == day.yearMonth.adding(months: 1)))
                if !exact { wrong.append(day.description) }
                day = next
                count += 1
            }
            return wrong
        }
        #expect(wrong.isEmpty, "\(wrong.count) days are wrong, first \(wrong.prefix(10))")
    }

    @Test func monthArithmeticIsExactAtTheSupportedEnds() {
        #expect(SupportedDates.first.adding(months: -1) == date("1899-12-01"))
        #expect(SupportedDates.first.adding(days: -1) == date("1899-12-31"))
        #expect(SupportedDates.last.adding(days: 1) == date("2201-01-01"))
        #expect(SupportedDates.last.adding(months: 3) == date("2201-03-31"))
        #expect(FiscalYear(containing: SupportedDates.last).last == date("2201-03-31"))
        #expect(FiscalYear(containing: SupportedDates.first) == FiscalYear(1899))
        #expect(SupportedDates.first.weekday == .monday && SupportedDates.last.weekday == .wednesday)
    }
}

/// Instants hold the seconds of the dates a `LocalDate` holds, in Japan, so
/// every one prints as RFC 3339 with a four-digit year.
struct TotalInstantTests {
    @Test func anySecondCountIsClampedToTheHeldInstants() {
        #expect(Instant(secondsSinceEpoch: .max) == Instant.latest)
        #expect(Instant(secondsSinceEpoch: .min) == Instant.earliest)
        #expect(Instant.latest.rfc3339 == "9999-12-31T23:59:59+09:00")
        #expect(Instant.earliest.rfc3339 == "0001-01-01T00:00:00+09:00")
    }

    @Test func movingPastEitherEndStopsThere() {
        #expect(Instant.latest.adding(seconds: 1) == Instant.latest)
        #expect(Instant.latest.adding(seconds: .max) == Instant.latest)
        #expect(Instant.earliest.adding(seconds: -1) == Instant.earliest)
        #expect(Instant.earliest.adding(seconds: .min) == Instant.earliest)
        #expect(Instant(japanDate: LocalDate.latest, minuteOfDay: .max) == Instant.latest)
    }

    @Test func endsHaveTheirJapanDates() {
        #expect(Instant.latest.japanDate == LocalDate.latest && Instant.latest.japanSecondOfDay == 86_399)
        #expect(Instant.earliest.japanDate == LocalDate.earliest && Instant.earliest.japanSecondOfDay == 0)
    }

    @Test func anOffsetBeyondTheHeldInstantsDoesNotParse() {
        #expect(Instant(rfc3339: "9999-12-31T23:59:59+09:00") == Instant.latest)
        #expect(Instant(rfc3339: "9999-12-31T15:00:00Z") == nil)
        #expect(Instant(rfc3339: "0001-01-01T00:00:00+09:00") == Instant.earliest)
        #expect(Instant(rfc3339: "0001-01-01T00:00:00+10:00") == nil)
    }

    @Test func instantsAtTheSupportedEndsPrintExactly() {
        let first = Instant(japanDate: SupportedDates.first)
        let last = Instant(japanDate: SupportedDates.last, minuteOfDay: 1440).adding(seconds: -1)
        #expect(first.rfc3339 == "1900-01-01T00:00:00+09:00")
        #expect(last.rfc3339 == "2200-12-31T23:59:59+09:00")
        #expect(Instant(rfc3339: first.rfc3339) == first && Instant(rfc3339: last.rfc3339) == last)
    }
}

/// The supported dates, 1900-01-01 to 2200-12-31: what users may write.
struct SupportedDatesTests {
    @Test func firstAndLastDaysAreAccepted() throws {
        #expect(try decode([LocalDate].self, #"["1900-01-01", "2200-12-31"]"#) == [date("1900-01-01"), date("2200-12-31")])
        #expect(try decode([YearMonth].self, #"["1900-01", "2200-12"]"#) == [month("1900-01"), month("2200-12")])
    }

    @Test(arguments: ["0001-01-01", "1899-12-31", "2201-01-01", "9999-12-31"])
    func dateOutsideIsRefusedNamingTheRange(text: String) throws {
        let error = #expect(throws: DecodingError.self) { try decode([LocalDate].self, "[\"\(text)\"]") }
        guard case .dataCorrupted(let context)? = error else { Issue.record("not dataCorrupted"); return }
        #expect(context.debugDescription == "must be from 1900-01-01 to 2200-12-31, got \"\(text)\"")
        #expect(context.underlyingError as? DateOutOfRange != nil)
    }

    @Test func monthOutsideIsRefusedNamingTheRange() {
        #expect(throws: DateOutOfRange(first: "1900-01", last: "2200-12", got: "0001-01")) { try SupportedDates.check(month("0001-01")) }
        #expect(throws: DateOutOfRange(first: "1900-01", last: "2200-12", got: "2201-01")) { try SupportedDates.check(month("2201-01")) }
    }

    @Test func instantOutsideIsRefusedQuotingWhatWasWritten() throws {
        let text = "2200-12-31T15:00:00Z"   // 2201-01-01 00:00 in Japan
        let instant = try #require(Instant(rfc3339: text))
        #expect(throws: DateOutOfRange(first: "1900-01-01T00:00:00+09:00", last: "2200-12-31T23:59:59+09:00", got: text)) {
            try SupportedDates.check(instant, writtenAs: text)
        }
        #expect(throws: (any Error).self) { try decode([Instant].self, "[\"\(text)\"]") }
        #expect(try decode([Instant].self, #"["2200-12-31T14:59:59Z"]"#).first?.rfc3339 == "2200-12-31T23:59:59+09:00")
    }

    @Test func fiscalYearOutsideIsRefused() throws {
        #expect(try decode([FiscalYear].self, "[1900, 2200]") == [FiscalYear(1900), FiscalYear(2200)])
        #expect(throws: (any Error).self) { try decode([FiscalYear].self, "[2201]") }
        #expect(throws: (any Error).self) { try decode([FiscalYear].self, "[1]") }
    }

    @Test func storedTextOfAnyHeldDateStillReadsBack() {
        #expect(LocalDate("0001-01-01") == LocalDate.earliest)
        #expect(LocalDate("9999-12-31") == LocalDate.latest)
        #expect(YearMonth("9999-12")?.description == "9999-12")
    }

    @Test func outOfRangeMessageFollowsTheFieldName() {
        let error = DateOutOfRange(first: "1900-01-01", last: "2200-12-31", got: "0001-01-01")
        #expect(error.message == "must be from 1900-01-01 to 2200-12-31, got \"0001-01-01\"")
    }
}
