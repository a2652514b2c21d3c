import Foundation

/// A JSON document kept as stored text (a fee breakdown, registration
/// evidence) and written back into a response as JSON, not as a string.
/// Numbers keep their integer or decimal form.
public indirect enum StoredJSON: Sendable, Hashable, Codable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([StoredJSON])
    case object([String: StoredJSON])

    /// The JSON text of `value`, with the service's encoder.
    static func text<T: Encodable>(of value: T) throws -> String {
        String(decoding: try ServiceJSON.encode(value), as: UTF8.self)
    }

    /// Parses stored text; the service wrote it, so it parses.
    init(text: String) throws {
        self = try JSONDecoder().decode(StoredJSON.self, from: Data(text.utf8))
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([StoredJSON].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: StoredJSON].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}

/// The service's one JSON encoding (sorted keys, slashes unescaped), the same
/// as the API's, so a stored idempotent response replays byte for byte.
public enum ServiceJSON {
    public static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }
}
