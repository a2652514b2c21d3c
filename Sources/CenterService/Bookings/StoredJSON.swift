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
    ///
    /// A direct parser first: `init(from:)` must try each type in turn, and
    /// every failed try builds a `DecodingError`, which made reading a
    /// booking's fee a visible cost of `POST /bookings`. Anything the direct
    /// parser does not take goes through `JSONDecoder` as before.
    init(text: String) throws {
        var text = text
        if let parsed = text.withUTF8({ bytes -> StoredJSON? in
            var parser = StoredJSONParser(bytes: bytes)
            return parser.parseDocument()
        }) {
            self = parsed
        } else {
            self = try JSONDecoder().decode(StoredJSON.self, from: Data(text.utf8))
        }
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

/// A strict JSON parser giving what `StoredJSON.init(from:)` gives for the
/// same text: integers (also integral numbers such as `2.0`) as `.integer`,
/// other numbers as `.number`. Returns nil on anything it does not accept.
struct StoredJSONParser {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    var depth = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func parseDocument() -> StoredJSON? {
        guard let value = parseValue() else { return nil }
        skipWhitespace()
        return index == bytes.count ? value : nil
    }

    private mutating func skipWhitespace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    private mutating func literal(_ word: StaticString, _ value: StoredJSON) -> StoredJSON? {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { return nil }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { return nil }
        index += count
        return value
    }

    private mutating func parseValue() -> StoredJSON? {
        skipWhitespace()
        guard index < bytes.count else { return nil }
        switch bytes[index] {
        case UInt8(ascii: "n"): return literal("null", .null)
        case UInt8(ascii: "t"): return literal("true", .bool(true))
        case UInt8(ascii: "f"): return literal("false", .bool(false))
        case UInt8(ascii: "\""): return parseString().map(StoredJSON.string)
        case UInt8(ascii: "["): return parseArray()
        case UInt8(ascii: "{"): return parseObject()
        default: return parseNumber()
        }
    }

    private mutating func parseArray() -> StoredJSON? {
        depth += 1
        defer { depth -= 1 }
        guard depth <= 64 else { return nil }
        index += 1
        var items: [StoredJSON] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(items)
        }
        while true {
            guard let item = parseValue() else { return nil }
            items.append(item)
            skipWhitespace()
            guard index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            guard bytes[index] == UInt8(ascii: "]") else { return nil }
            index += 1
            return .array(items)
        }
    }

    private mutating func parseObject() -> StoredJSON? {
        depth += 1
        defer { depth -= 1 }
        guard depth <= 64 else { return nil }
        index += 1
        var members: [String: StoredJSON] = [:]
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), let key = parseString() else { return nil }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
            index += 1
            guard let value = parseValue() else { return nil }
            // A repeated key: leave the choice to JSONDecoder.
            guard members.updateValue(value, forKey: key) == nil else { return nil }
            skipWhitespace()
            guard index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            guard bytes[index] == UInt8(ascii: "}") else { return nil }
            index += 1
            return .object(members)
        }
    }

    /// A string without escapes is taken as is; one with escapes is left to
    /// JSONDecoder (the service's own texts rarely have any).
    private mutating func parseString() -> String? {
        index += 1
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
            index += 1
        }
        return nil
    }

    private mutating func parseNumber() -> StoredJSON? {
        let start = index
        var isInteger = true
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        let digitsStart = index
        while index < bytes.count {
            let byte = bytes[index]
            if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                index += 1
            } else if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
                        || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") {
                isInteger = false
                index += 1
            } else {
                break
            }
        }
        guard index > digitsStart else { return nil }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard bytes[digitsStart] != UInt8(ascii: "0") || index - digitsStart == 1
                || bytes[digitsStart + 1] == UInt8(ascii: ".") else { return nil }
        if isInteger {
            return Int64(text).map(StoredJSON.integer)
        }
        // A fraction such as 1.2 cannot be an Int64, so JSONDecoder would
        // give a number too; an integral one (2.0, 1e3) is left to it.
        guard let value = Double(text), value.isFinite, value != value.rounded() else { return nil }
        return .number(value)
    }
}
