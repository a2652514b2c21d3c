import CalendarValues
/// What is wrong with a date, month or instant as typed, in the user's
/// terms: `2026-02-30` is "no such day", `2026-13` "no such month", and any
/// other text says which form is expected. Echoed input is cut at 100
/// characters (`TextRule.echo`). Dates are never guessed: only the ASCII
/// forms `YYYY-MM-DD`, `YYYY-MM` and RFC 3339 are read.
public enum DateInput {
    /// Why `text` is not a date `YYYY-MM-DD` (call when `LocalDate(text)` is nil).
    public static func dateProblem(_ text: String) -> String {
        let b = Array(text.utf8)
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
              let year = number(b[0..<4]), let month = number(b[5..<7]),
              let day = number(b[8..<10]) else {
            return "expected a date YYYY-MM-DD, got \(TextRule.echo(text))"
        }
        return calendarProblem(year: year, month: month, day: day, text: text)
    }

    /// Why `text` is not a month `YYYY-MM` (call when `YearMonth(text)` is nil).
    public static func monthProblem(_ text: String) -> String {
        let b = Array(text.utf8)
        guard b.count == 7, b[4] == UInt8(ascii: "-"),
              let year = number(b[0..<4]), let month = number(b[5..<7]) else {
            return "expected a month YYYY-MM, got \(TextRule.echo(text))"
        }
        return calendarProblem(year: year, month: month, day: 1, text: text)
    }

    /// The instant `text` names, when the service can also write it: an
    /// offset that moves 9999-12-31 past midnight in Japan would print as
    /// `10000-01-01T…`, which is not RFC 3339, so it is refused.
    public static func instant(_ text: String) -> Instant? {
        guard let instant = Instant(rfc3339: text), Instant(rfc3339: instant.rfc3339) == instant else { return nil }
        return instant
    }

    /// `must be from 1900-01-01 to 2200-12-31, got "0001-01-01"` when a
    /// well-formed value lies outside `SupportedDates`, nil when inside.
    public static func rangeProblem(of value: some TextCodable) -> String? {
        do { try value.checkSupported() } catch { return error.message }
        return nil
    }

    /// The same for an instant, echoing it as it was written.
    public static func rangeProblem(of instant: Instant, writtenAs text: String) -> String? {
        do { try instant.checkSupported(writtenAs: text) } catch { return error.message }
        return nil
    }

    /// Why `text` is not an instant the service takes (call when `instant(_:)` is nil).
    public static func instantProblem(_ text: String) -> String {
        if Instant.isRFC3339(text) {
            return "\(TextRule.echo(text)) is outside the years 0001 to 9999 in Japan time"
        }
        let b = Array(text.utf8)
        if b.count >= 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
           let year = number(b[0..<4]), let month = number(b[5..<7]),
           let day = number(b[8..<10]), LocalDate(year: year, month: month, day: day) == nil {
            return calendarProblem(year: year, month: month, day: day, text: String(decoding: b[0..<10], as: UTF8.self))
        }
        return "expected an RFC 3339 date and time with an offset, such as 2026-07-01T09:00:00+09:00, got \(TextRule.echo(text))"
    }

    /// ASCII digits as a number; nil for anything else.
    private static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    private static func calendarProblem(year: Int, month: Int, day: Int, text: String) -> String {
        guard (1...12).contains(month) else { return "no such month: \(TextRule.echo(text)) (months are 01 to 12)" }
        if let first = LocalDate(year: year, month: month, day: 1) {
            let days = LocalDate.daysIn(year: year, month: month)
            guard (1...days).contains(day) else {
                return "no such day: \(TextRule.echo(text)) (\(first.yearMonth) has \(days) days)"
            }
        }
        return "\(TextRule.echo(text)) is outside the dates the service accepts"
    }
}
