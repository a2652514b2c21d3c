import Testing
@testable import CalendarValues

/// RFC 3339 §5.6 instants: any offset in, Japan Standard Time out.
struct RFC3339Tests {
    private let julyFirstNineJST = Instant(japanDate: date("2026-07-01"), minuteOfDay: 9 * 60)

    @Test func utcMidnightAfterThreePMIsNextJapaneseDate() {
        let instant = Instant(rfc3339: "2026-06-30T15:00:00Z")!
        #expect(instant.japanDate == date("2026-07-01"))
        #expect(instant.rfc3339 == "2026-07-01T00:00:00+09:00")
    }

    @Test func zeroOffsetEqualsZulu() {
        #expect(Instant(rfc3339: "2026-06-30T15:00:00+00:00") == Instant(rfc3339: "2026-06-30T15:00:00Z"))
        #expect(Instant(rfc3339: "2026-06-30T14:59:59+00:00")!.japanDate == date("2026-06-30"))
    }

    @Test func japanOffsetParsesToSameInstant() {
        #expect(Instant(rfc3339: "2026-07-01T09:00:00+09:00") == julyFirstNineJST)
        #expect(Instant(rfc3339: "2026-07-01T00:00:00Z") == julyFirstNineJST)
    }

    @Test func negativeHalfHourOffsetIsApplied() {
        // 20:30 at UTC−05:30 is 02:00 UTC the next day, 11:00 in Japan.
        let instant = Instant(rfc3339: "2026-06-30T20:30:00-05:30")!
        #expect(instant.rfc3339 == "2026-07-01T11:00:00+09:00")
    }

    @Test func fractionalSecondsAreTruncated() {
        #expect(Instant(rfc3339: "2026-07-01T09:00:00.999+09:00") == julyFirstNineJST)
        #expect(Instant(rfc3339: "2026-07-01T00:00:00.5Z") == julyFirstNineJST)
    }

    @Test func formatsInJapanStandardTime() {
        #expect(julyFirstNineJST.rfc3339 == "2026-07-01T09:00:00+09:00")
        #expect(julyFirstNineJST.description == "2026-07-01T09:00:00+09:00")
    }

    @Test func lowercaseSeparatorsAreAccepted() {
        #expect(Instant(rfc3339: "2026-07-01t00:00:00z") == julyFirstNineJST)
    }

    @Test(arguments: [
        "2026-07-01T09:00:00",            // no offset
        "2026-07-01",                     // date only
        "2026-07-01 09:00:00Z",           // space separator
        "2026-13-01T00:00:00Z",           // month
        "2026-02-29T00:00:00Z",           // not a leap year
        "2026-07-01T24:00:00Z",           // hour
        "2026-07-01T09:60:00Z",           // minute
        "2026-07-01T09:00:60Z",           // leap second
        "2026-07-01T09:00:00+24:00",      // offset hour
        "2026-07-01T09:00:00+09:60",      // offset minute
        "2026-07-01T09:00:00+0900",       // offset without colon
        "2026-07-01T09:00:00.+09:00",     // empty fraction
        "2026-07-01T09:00:00Zjunk",       // trailing text
        "2026-7-01T09:00:00Z",            // short month
        "２０２６-07-01T09:00:00Z",        // non-ASCII digits
    ])
    func malformedTimestampIsRejected(text: String) {
        #expect(Instant(rfc3339: text) == nil)
    }

    @Test func leapDayParses() {
        #expect(Instant(rfc3339: "2028-02-29T12:00:00+09:00")?.japanDate == date("2028-02-29"))
    }

    @Test func codableUsesRFC3339() throws {
        let decoded = try decode([Instant].self, #"["2026-06-30T15:00:00Z"]"#)
        #expect(decoded == [Instant(japanDate: date("2026-07-01"))])
        #expect(try encodeJSON(decoded) == #"["2026-07-01T00:00:00+09:00"]"#)
        #expect(throws: (any Error).self) { try decode([Instant].self, #"["2026-07-01T09:00:00"]"#) }
    }
}

/// Times of day for the time divisions (時間区分).
struct LocalTimeTests {
    @Test func parsesHoursAndMinutes() {
        let time = LocalTime("18:30")!
        #expect(time.hour == 18 && time.minute == 30 && time.minuteOfDay == 1110)
        #expect(time.description == "18:30")
    }

    @Test func endOfDayIs24() {
        #expect(LocalTime("24:00")?.minuteOfDay == 1440)
        #expect(LocalTime("24:01") == nil)
    }

    @Test(arguments: ["9:00", "09:0", "09-00", "25:00", "09:60", "ab:cd"])
    func malformedTimeIsRejected(text: String) {
        #expect(LocalTime(text) == nil)
    }

    @Test func timeOnDateIsInstantInJapan() {
        #expect(LocalTime("09:00")!.on(date("2026-07-01")).rfc3339 == "2026-07-01T09:00:00+09:00")
    }
}
