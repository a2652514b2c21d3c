import CalendarValues
import Foundation
import CenterDomain
import CenterService
import HTTPServer

/// Reading typed input from a request, with a clear 4xx when it is wrong.
extension HTTPRequest {
    /// A required query parameter.
    public func requiredQuery(_ name: String) throws(RequestError) -> String {
        guard let value = queryValue(name), !value.isEmpty else {
            throw RequestError.invalidParameter(name, "query parameter `\(name)` is required",
                                                japanese: "クエリパラメータ \(name) は必須です。")
        }
        return value
    }

    /// A query parameter that must be a date `YYYY-MM-DD` when present, read
    /// by `DateInput` (`2026-02-30` is "no such day"; outside `SupportedDates`
    /// it is `date_out_of_range`).
    public func dateQuery(_ name: String) throws(RequestError) -> LocalDate? {
        try calendarQuery(name, DateInput.date)
    }

    /// A query parameter that must be a month `YYYY-MM` when present, read by `DateInput`.
    public func monthQuery(_ name: String) throws(RequestError) -> YearMonth? {
        try calendarQuery(name, DateInput.month)
    }

    /// A query parameter that must be an RFC 3339 instant when present, read by `DateInput`.
    public func instantQuery(_ name: String) throws(RequestError) -> Instant? {
        try calendarQuery(name, DateInput.instant)
    }

    private func calendarQuery<Value>(_ name: String,
                                      _ read: (String) throws(DateInput.Refusal) -> Value) throws(RequestError) -> Value? {
        guard let text = queryValue(name) else { return nil }
        do { return try read(text) } catch { throw RequestError.refusedDate(name, error) }
    }

    /// Optional `from` and `to` dates, refused when `from` is after `to`:
    /// every range of the API reads this way.
    public func dateRange() throws(RequestError) -> (from: LocalDate?, to: LocalDate?) {
        let from = try dateQuery("from"), to = try dateQuery("to")
        if let from, let to, from > to { throw Self.reversed(from: from, to: to) }
        return (from, to)
    }

    /// Required `from` and `to` dates, `from` not after `to`.
    public func requiredDateRange() throws(RequestError) -> (from: LocalDate, to: LocalDate) {
        let from = try requiredDateQuery("from"), to = try requiredDateQuery("to")
        guard from <= to else { throw Self.reversed(from: from, to: to) }
        return (from, to)
    }

    /// "`from` (2026-03-01) is after `to` (2026-02-01)".
    public static func reversed(from: LocalDate, to: LocalDate) -> RequestError {
        RequestError.invalidParameter("from", "`from` (\(from)) is after `to` (\(to))",
                                      japanese: "開始日 from（\(from.japaneseReceiptLabel)）が終了日 to（\(to.japaneseReceiptLabel)）より後になっています。")
    }

    /// An integer query parameter within `range` (ASCII digits, an optional
    /// minus), nil when absent.
    public func integerQuery<I: FixedWidthInteger>(_ name: String, in range: ClosedRange<I>) throws(RequestError) -> I? {
        guard let text = queryValue(name) else { return nil }
        let digits = text.hasPrefix("-") ? text.utf8.dropFirst() : text.utf8[...]
        guard !digits.isEmpty, digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
              let value = I(text), range.contains(value) else {
            throw RequestError.invalidParameter(
                name, "`\(name)` must be an integer between \(range.lowerBound) and \(range.upperBound), got \(TextRule.echo(text))",
                japanese: "\(name) は \(range.lowerBound) から \(range.upperBound) までの整数で指定してください（指定: \(TextRule.echo(text))）。")
        }
        return value
    }

    /// A required integer query parameter within `range`.
    public func requiredIntegerQuery<I: FixedWidthInteger>(_ name: String, in range: ClosedRange<I>) throws(RequestError) -> I {
        guard let value = try integerQuery(name, in: range) else {
            throw RequestError.invalidParameter(name, "query parameter `\(name)` is required",
                                                japanese: "クエリパラメータ \(name) は必須です。")
        }
        return value
    }

    /// A query parameter that must be one of `values` when present.
    public func choiceQuery(_ name: String, _ values: [String]) throws(RequestError) -> String? {
        guard let text = queryValue(name) else { return nil }
        guard values.contains(text) else {
            throw RequestError.invalidParameter(name, "`\(name)` must be one of \(values.joined(separator: ", ")), got \(TextRule.echo(text))",
                                                japanese: "\(name) には次のいずれかを指定してください: \(values.joined(separator: ", "))（指定: \(TextRule.echo(text))）。")
        }
        return text
    }

    /// A required date query parameter.
    public func requiredDateQuery(_ name: String) throws(RequestError) -> LocalDate {
        guard let date = try dateQuery(name) else {
            throw RequestError.invalidParameter(name, "query parameter `\(name)` (YYYY-MM-DD) is required",
                                                japanese: "クエリパラメータ \(name)（YYYY-MM-DD の日付）は必須です。")
        }
        return date
    }

    /// A required month query parameter.
    public func requiredMonthQuery(_ name: String) throws(RequestError) -> YearMonth {
        guard let month = try monthQuery(name) else {
            throw RequestError.invalidParameter(name, "query parameter `\(name)` is required")
        }
        return month
    }

    /// A path parameter filled in by the router.
    public func pathParameter(_ name: String) -> String { pathParameters[name] ?? "" }

    /// The JSON body decoded as `T`: 415 unless the body is `application/json`;
    /// 400 when it is not JSON or repeats a field; 422 with the JSON path when
    /// a field is unknown or a value is malformed, out of range or missing.
    public func decodeBody<T: Decodable>(_ type: T.Type) throws -> T {
        guard hasJSONBody else {
            throw RequestError(.unsupportedMediaType,
                               "the request body must be JSON with `Content-Type: application/json`")
        }
        return try JSONInput.decodeRequest(T.self, from: body)
    }

    /// Whether `Content-Type` is `application/json` in any case, with or
    /// without parameters after `;` and whitespace (SP, HTAB: RFC 9110
    /// §5.6.3) around the type. Read on its bytes: Foundation's trimming
    /// was a visible share of every request with a body.
    var hasJSONBody: Bool {
        guard let value = headers["content-type"] else { return false }
        var type = value.utf8.prefix { $0 != UInt8(ascii: ";") }
        while let first = type.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") { type = type.dropFirst() }
        while let last = type.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { type = type.dropLast() }
        let json = "application/json".utf8
        return type.count == json.count && zip(type, json).allSatisfy { byte, expected in
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 0x20 == expected : byte == expected
        }
    }
}
