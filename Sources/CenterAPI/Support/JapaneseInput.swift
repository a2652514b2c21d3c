import CenterService

/// The Japanese of a request body's problem (`JSONProblem`): where it is,
/// and what is wrong with the value, read from the decoder's English, which
/// says it in a few fixed forms. A form not listed here is said plainly as
/// an invalid value; the English beside it (`message_en`) has the detail.
enum JapaneseInput {
    static func message(for problem: JSONProblem) -> String {
        switch problem.kind {
        case .malformed:
            return "リクエスト本文が正しいJSONではありません" + (position(in: problem.message).map { "（\($0)）" } ?? "") + "。"
        case .duplicateField:
            return "リクエスト本文の \(problem.path) で同じ項目が2回指定されています。"
        case .unknownField:
            return "この操作では \(problem.path) という項目は使えません。"
        case .invalidValue:
            return "\(problem.path): \(reason(problem.message))。"
        }
    }

    /// `3行12列目` from the syntax error's `(line 3, column 12)`.
    static func position(in message: String) -> String? {
        guard let line = message.range(of: "(line "), let comma = message.range(of: ", column ", range: line.upperBound..<message.endIndex),
              let close = message.range(of: ")", range: comma.upperBound..<message.endIndex),
              let row = Int(message[line.upperBound..<comma.lowerBound]),
              let column = Int(message[comma.upperBound..<close.lowerBound]) else { return nil }
        return "\(row)行\(column)列目"
    }

    /// What the decoder's `message` says, in Japanese.
    static func reason(_ message: String) -> String {
        if message == "required field is missing" { return "必須の項目がありません" }
        if let range = numbers(after: "expected an integer between ", in: message) {
            return "\(range.0)から\(range.1)までの整数で指定してください"
        }
        if message.hasPrefix("expected a string") { return "文字列で指定してください" }
        if message.hasPrefix("expected true or false") { return "true か false で指定してください" }
        if message.hasPrefix("expected an integer") { return "整数で指定してください" }
        if message.hasPrefix("expected a number") || message == "the number is too large" { return "数値で指定してください" }
        if message.hasPrefix("expected an array") || message.hasPrefix("expected a list") { return "配列で指定してください" }
        if message.hasPrefix("expected an object") { return "オブジェクトで指定してください" }
        if message.hasPrefix("at most "), let count = message.dropFirst(8).split(separator: " ").first { return "\(count)件までにしてください" }
        if message.hasPrefix("expected a date") { return "YYYY-MM-DD の形式の日付で指定してください" }
        if message.hasPrefix("expected a month") { return "YYYY-MM の形式の月で指定してください" }
        if message.hasPrefix("no such day") { return "その日付は存在しません" }
        if message.hasPrefix("must be from ") { return "1900年から2200年までの範囲で指定してください" }
        if message.contains("must not be empty or blank") { return "空にはできません" }
        if let limit = numbers(after: "is at most ", in: message) { return "\(limit.0)文字以内で入力してください" }
        if message.contains("must not hold control characters") { return "制御文字は使えません" }
        if message.contains("must be a single line") { return "1行で入力してください" }
        if message.hasPrefix("expected one of") || message.hasPrefix("expected ") {
            return "値が正しくありません（" + message.replacingOccurrences(of: "expected ", with: "") + "）"
        }
        return "値が正しくありません"
    }

    /// The first one or two integers after `prefix` in `message`.
    private static func numbers(after prefix: String, in message: String) -> (String, String)? {
        guard let start = message.range(of: prefix) else { return nil }
        let numbers = message[start.upperBound...].split(whereSeparator: { !($0.isNumber || $0 == "-") }).prefix(2).map(String.init)
        guard let first = numbers.first, Int(first) != nil else { return nil }
        return (first, numbers.count > 1 ? numbers[1] : first)
    }
}
