import Foundation

/// A problem found in a JSON document, located by a JSON path (`$.a[3].b`).
/// Config files, schedules and request bodies all report their problems this
/// way, so a message always says where the bad value is.
public struct JSONProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public let path: String
    public let message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }

    /// Turns a Foundation `DecodingError` into a path and a plain message.
    public init(_ error: DecodingError) {
        switch error {
        case .typeMismatch(let type, let context):
            self.init(path: Self.path(context.codingPath),
                      message: "expected \(Self.describe(type)); \(Self.clean(context.debugDescription))")
        case .valueNotFound(let type, let context):
            self.init(path: Self.path(context.codingPath), message: "expected \(Self.describe(type)), found null")
        case .keyNotFound(let key, let context):
            self.init(path: Self.path(context.codingPath + [key]), message: "required field is missing")
        case .dataCorrupted(let context):
            self.init(path: Self.path(context.codingPath), message: Self.clean(context.debugDescription))
        @unknown default:
            self.init(path: "$", message: "\(error)")
        }
    }

    /// `$`, then `.name` for keys and `[i]` for array positions.
    public static func path(_ codingPath: [any CodingKey]) -> String {
        var text = "$"
        for key in codingPath {
            if let index = key.intValue { text += "[\(index)]" } else { text += "." + key.stringValue }
        }
        return text
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type, is Int64.Type, is Int32.Type: return "an integer"
        case is Double.Type: return "a number"
        case is Bool.Type: return "true or false"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Array") { return "an array" }
            if name.hasPrefix("Dictionary") { return "an object" }
            return name
        }
    }

    private static func clean(_ text: String) -> String {
        text.hasSuffix(".") ? String(text.dropLast()) : text
    }
}

/// Decoding JSON with problems reported as `JSONProblem`.
public enum JSONInput {
    /// Decodes `T`; malformed JSON and wrong shapes become a `JSONProblem`.
    public static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws(JSONProblem) -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(bytes))
        } catch let error as DecodingError {
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty {
                throw JSONProblem(path: "$", message: "the document is not valid JSON")
            }
            throw JSONProblem(error)
        } catch {
            throw JSONProblem(path: "$", message: "the document is not valid JSON")
        }
    }
}
