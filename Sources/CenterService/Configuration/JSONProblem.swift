import CenterDomain
import JSON
import Roadmap
import CalendarValues

/// A problem found in a JSON document, located by a JSON path (`$.a[3].b`).
/// Config files, schedules and request bodies all report their problems this
/// way, so a message always says where the bad value is.
public struct JSONProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of problem: the API answers each with its own status and code.
    public enum Kind: Sendable, Equatable {
        /// The text is not JSON (400 `invalid_json`).
        case malformed
        /// An object names a field twice (400 `duplicate_field`).
        case duplicateField
        /// A field the document may not have (422 `unknown_field`).
        case unknownField
        /// A value of the wrong kind, out of range, or missing (422 `invalid_body`).
        case invalidValue
    }

    public let path: String
    public let message: String
    public let kind: Kind

    public init(path: String, message: String, kind: Kind = .invalidValue) {
        self.path = path
        self.message = message
        self.kind = kind
    }

    public var description: String { "\(path): \(message)" }

    /// A decoding failure as a path and a plain message. The service's
    /// decoder (`JSONValueDecoder`) writes every message in the user's
    /// terms; the keyed-container path of a missing field is completed here.
    public init(_ error: DecodingError) {
        switch error {
        case .keyNotFound(let key, let context):
            self.init(path: JSONPath.text(context.codingPath + [key]), message: "required field is missing")
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            self.init(path: JSONPath.text(context.codingPath), message: Self.plain(context.debugDescription))
        @unknown default:
            self.init(path: "$", message: "the value is not valid here")
        }
    }

    init(_ error: JSONSyntaxError) {
        switch error.kind {
        case .malformed:
            self.init(path: error.path, message: "the document is not valid JSON: \(error.description)", kind: .malformed)
        case .duplicateKey:
            self.init(path: error.path, message: error.message, kind: .duplicateField)
        }
    }

    init(_ field: UnknownJSONField) {
        self.init(path: field.path, message: "there is no field `\(field.name)` here", kind: .unknownField)
    }

    /// `text` without a final period; a message some other decoder wrote
    /// about a Swift type ("Cannot initialize X from invalid String value")
    /// is replaced, as it means nothing to the people reading it.
    private static func plain(_ text: String) -> String {
        if text.contains("Swift") || text.hasPrefix("Cannot initialize") { return "the value is not valid here" }
        return text.hasSuffix(".") ? String(text.dropLast()) : text
    }

    /// The `JSONProblem` of any error `JSONInput` decoding may throw.
    static func from(_ error: any Error) -> JSONProblem {
        switch error {
        case let problem as JSONProblem: problem
        case let error as JSONSyntaxError: JSONProblem(error)
        case let field as UnknownJSONField: JSONProblem(field)
        case let error as DecodingError: JSONProblem(error)
        default: JSONProblem(path: "$", message: "the value is not valid here")
        }
    }
}

/// Reading JSON into typed values, with problems reported as `JSONProblem`.
/// Everything goes through the strict `JSONReader` (a repeated field is
/// refused) and `JSONValueDecoder`.
public enum JSONInput {
    /// The most items a list in a request body may hold.
    public static let maximumListCount = 100

    /// A request body: a field the type does not read is refused, every
    /// string passes `TextRule.anyText` (NFC, no control characters, at most
    /// 2,000 characters) before its field's own rule, lists hold at most
    /// `maximumListCount` items, dates say what is wrong with them.
    public static func decodeRequest<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws(JSONProblem) -> T {
        var options = JSONValueDecoder.Options()
        options.refusesUnknownFields = true
        options.maximumArrayCount = maximumListCount
        options.readString = { text throws(JSONTextRefusal) in
            switch Result(catching: { () throws(TextProblem) -> String in try TextRule.anyText.accept(text) }) {
            case .success(let accepted): return accepted
            case .failure(let problem): throw JSONTextRefusal(problem.message)
            }
        }
        options.describeRefusedText = describeRefusal
        return try decode(T.self, from: bytes, options: options)
    }

    /// A configuration file: the same strict syntax, but fields are not
    /// checked against one type, as several types read parts of one file.
    public static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws(JSONProblem) -> T {
        var options = JSONValueDecoder.Options()
        options.refusesUnknownFields = false
        options.describeRefusedText = describeRefusal
        return try decode(T.self, from: bytes, options: options)
    }

    private static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8],
                                             options: JSONValueDecoder.Options) throws(JSONProblem) -> T {
        do {
            let value = try JSONReader.parse(bytes)
            return try JSONValueDecoder(options: options).decode(T.self, from: value)
        } catch {
            throw JSONProblem.from(error)
        }
    }

    /// Dates, months and instants say what is wrong ("no such day"); other
    /// text values name their form.
    @Sendable static func describeRefusal(_ type: Any.Type, _ text: String) -> String? {
        if let refusal = DateInput.refusal(reading: text, as: type) { return refusal.message }
        if let textual = type as? any TextCodable.Type { return "expected \(textual.textFormat), got \(TextRule.echo(text))" }
        return nil
    }
}
