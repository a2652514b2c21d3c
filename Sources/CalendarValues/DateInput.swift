/// The one reader of dates, months and instants that a person typed — in a
/// query parameter, a JSON body or on the command line. It decides whether
/// the value is accepted (well formed, a real day, within `SupportedDates`)
/// and words the refusal in the user's terms: `2026-02-30` is "no such day",
/// `2026-13` "no such month", any other text says which form is expected,
/// and a real date outside the supported years names the range
/// (`DateOutOfRange`, answered as `date_out_of_range`). Echoed input is cut
/// at 100 characters (`InputText.echo`). Dates are never guessed: only the
/// ASCII forms `YYYY-MM-DD`, `YYYY-MM` and RFC 3339 are read.
public enum DateInput {
    /// Why a typed value was refused.
    public enum Refusal: Error, Sendable, Equatable {
        /// Not a date, month or instant at all; the message says what is wrong.
        case malformed(String)
        /// A real date, month or instant outside `SupportedDates`.
        case outOfRange(DateOutOfRange)

        /// The refusal as a message says it: a malformed value's message
        /// stands alone (after "`name`: "), an out-of-range one follows the
        /// field's name ("`name` must be from …").
        public var message: String {
            switch self {
            case .malformed(let message): message
            case .outOfRange(let range): range.message
            }
        }
    }

    /// The date `text` names, `YYYY-MM-DD`.
    public static func date(_ text: String) throws(Refusal) -> LocalDate {
        guard let date = LocalDate(text) else { throw .malformed(dateProblem(text)) }
        do { try SupportedDates.check(date) } catch { throw .outOfRange(error) }
        return date
    }

    /// The month `text` names, `YYYY-MM`.
    public static func month(_ text: String) throws(Refusal) -> YearMonth {
        guard let month = YearMonth(text) else { throw .malformed(monthProblem(text)) }
        do { try SupportedDates.check(month) } catch { throw .outOfRange(error) }
        return month
    }

    /// The instant `text` names, RFC 3339 with an offset, when the service
    /// can also write it: an offset that moves 9999-12-31 past midnight in
    /// Japan would print as `10000-01-01T…`, which is not RFC 3339, so it is
    /// refused. An instant out of range is quoted as it was written.
    public static func instant(_ text: String) throws(Refusal) -> Instant {
        guard let instant = Instant(rfc3339: text), Instant(rfc3339: instant.rfc3339) == instant else {
            throw .malformed(instantProblem(text))
        }
        do { try SupportedDates.check(instant, writtenAs: text) } catch { throw .outOfRange(error) }
        return instant
    }

    /// The refusal of `text` read as `type` when `type` is a date, month or
    /// instant; nil when it is accepted or another type. For decoders that
    /// ask a better message for a text value a type refused.
    public static func refusal(reading text: String, as type: Any.Type) -> Refusal? {
        do throws(Refusal) {
            if type == LocalDate.self { _ = try date(text) }
            else if type == YearMonth.self { _ = try month(text) }
            else if type == Instant.self { _ = try instant(text) }
            return nil
        } catch {
            return error
        }
    }

    /// Why `text` is not a date `YYYY-MM-DD` (when `LocalDate(text)` is nil).
    static func dateProblem(_ text: String) -> String {
        let b = Array(text.utf8)
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
              let year = number(b[0..<4]), let month = number(b[5..<7]),
              let day = number(b[8..<10]) else {
            return "expected a date YYYY-MM-DD, got \(InputText.echo(text))"
        }
        return calendarProblem(year: year, month: month, day: day, text: text)
    }

    /// Why `text` is not a month `YYYY-MM` (when `YearMonth(text)` is nil).
    static func monthProblem(_ text: String) -> String {
        let b = Array(text.utf8)
        guard b.count == 7, b[4] == UInt8(ascii: "-"),
              let year = number(b[0..<4]), let month = number(b[5..<7]) else {
            return "expected a month YYYY-MM, got \(InputText.echo(text))"
        }
        return calendarProblem(year: year, month: month, day: 1, text: text)
    }

    /// Why `text` is not an instant the service takes.
    static func instantProblem(_ text: String) -> String {
        if Instant.isRFC3339(text) {
            return "\(InputText.echo(text)) is outside the years 0001 to 9999 in Japan time"
        }
        let b = Array(text.utf8)
        if b.count >= 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
           let year = number(b[0..<4]), let month = number(b[5..<7]),
           let day = number(b[8..<10]), LocalDate(year: year, month: month, day: day) == nil {
            return calendarProblem(year: year, month: month, day: day, text: String(decoding: b[0..<10], as: UTF8.self))
        }
        return "expected an RFC 3339 date and time with an offset, such as 2026-07-01T09:00:00+09:00, got \(InputText.echo(text))"
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
        guard (1...12).contains(month) else { return "no such month: \(InputText.echo(text)) (months are 01 to 12)" }
        if let first = LocalDate(year: year, month: month, day: 1) {
            let days = LocalDate.daysIn(year: year, month: month)
            guard (1...days).contains(day) else {
                return "no such day: \(InputText.echo(text)) (\(first.yearMonth) has \(days) days)"
            }
        }
        return "\(InputText.echo(text)) is outside the dates the service accepts"
    }
}
