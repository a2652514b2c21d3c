/// A `Decoder` over a parsed `JSONValue`: the one way the service turns JSON
/// into its typed values.
///
/// It is strict where `JSONDecoder` is lenient: a number is an integer only
/// when it has no fraction and fits the type (`2^63`, `3.5` and `1e308` are
/// not `Int`s; `1.0` and `-0` are), a string is never a number or a bool, and
/// it remembers which fields each keyed container read, so a field the type
/// never asked for is reported as `UnknownJSONField` instead of being
/// dropped. Every message it writes is in the user's terms ("expected an
/// integer, found a string"); a string enum that does not know a value lists
/// the values it does know.
public struct JSONValueDecoder: Sendable {
    /// What the decoder refuses and how it reads strings.
    public struct Options: Sendable {
        /// Refuse fields the decoded type does not read (`UnknownJSONField`).
        public var refusesUnknownFields = true
        /// The most items an array may hold.
        public var maximumArrayCount = Int.max
        /// Applied to every string value before a type sees it: returns the
        /// text to use (e.g. normalised) or throws the reason it is refused.
        public var readString: (@Sendable (String) throws(JSONTextRefusal) -> String)?
        /// A better message for a string a type refused to be made from
        /// (`2026-02-30` is "no such day"); nil keeps the type's own.
        public var describeRefusedText: (@Sendable (_ type: Any.Type, _ text: String) -> String?)?

        public init() {}
    }

    public var options: Options

    public init(options: Options = Options()) { self.options = options }

    /// Decodes `T` from `value`; throws `DecodingError` or `UnknownJSONField`.
    /// When decoding fails and the body also holds a field that no type
    /// along the way could have read (a misspelt required field, usually),
    /// that field is reported rather than the failure it caused.
    public func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws -> T {
        let session = DecodingSession(options: options)
        do {
            let result = try session.decode(T.self, from: value, at: [])
            if options.refusesUnknownFields, let unknown = session.firstUnknownField(certainOnly: false) { throw unknown }
            return result
        } catch let error as DecodingError {
            if options.refusesUnknownFields, let unknown = session.firstUnknownField(certainOnly: true) { throw unknown }
            throw error
        }
    }
}

/// A string the decoder's `readString` refused, with the reason.
public struct JSONTextRefusal: Error, Sendable, Equatable {
    public let message: String

    public init(_ message: String) { self.message = message }
}

/// A field of a JSON object that the decoded type does not have.
public struct UnknownJSONField: Error, Sendable, Equatable {
    /// The field's path, `$.repeat` or `$.identity_check.note`.
    public let path: String
    /// The field's name.
    public let name: String

    public init(path: String, name: String) {
        self.path = path
        self.name = name
    }
}

/// The fields one keyed container was given and which of them it read.
/// Kept as cheap as a container: the path's text is made only when a field
/// is reported, and fields are found by a scan (objects are small).
final class ObjectRecord {
    let codingPath: [any CodingKey]
    let pairs: [(String, JSONValue)]
    /// Whether each of `pairs` was read, by position.
    var read: [Bool]
    let keyType: any CodingKey.Type

    init(codingPath: [any CodingKey], pairs: [(String, JSONValue)], keyType: any CodingKey.Type) {
        self.codingPath = codingPath
        self.pairs = pairs
        self.keyType = keyType
        read = Array(repeating: false, count: pairs.count)
    }

    var path: String { JSONPath.text(codingPath) }
    var keys: [String] { pairs.map(\.0) }

    /// The value of field `key` (its first occurrence), marked read.
    func member(_ key: String) -> JSONValue? {
        guard let index = pairs.firstIndex(where: { $0.0 == key }) else { return nil }
        read[index] = true
        return pairs[index].1
    }

    func contains(_ key: String) -> Bool { pairs.contains { $0.0 == key } }

    /// Whether this container read field `key`.
    func hasRead(_ key: String) -> Bool {
        pairs.indices.contains { pairs[$0].0 == key && read[$0] }
    }

    /// Whether the container's type has a field named `key`.
    func isKnown(_ key: String) -> Bool { keyType.init(stringValue: key) != nil }
}

/// The state of one `decode` call, shared by every container it opens.
final class DecodingSession {
    let options: JSONValueDecoder.Options
    private(set) var objects: [ObjectRecord] = []

    init(options: JSONValueDecoder.Options) { self.options = options }

    func opened(_ record: ObjectRecord) { objects.append(record) }

    /// The first field no container at its object's path read; with
    /// `certainOnly`, only one that no such container's keys could name.
    func firstUnknownField(certainOnly: Bool) -> UnknownJSONField? {
        // Nothing to report when every container read every field it was
        // given: the common case, found without making a path's text.
        guard objects.contains(where: { $0.read.contains(false) }) else { return nil }
        let paths = objects.map(\.path)
        var done = Set<String>()
        for (index, record) in objects.enumerated() where done.insert(paths[index]).inserted {
            let same = objects.indices.filter { paths[$0] == paths[index] }.map { objects[$0] }
            for key in record.keys where !same.contains(where: { $0.hasRead(key) }) {
                if certainOnly, same.contains(where: { $0.isKnown(key) }) { continue }
                return UnknownJSONField(path: JSONPath.text([.key(key)]).replacingPrefix(with: paths[index]), name: key)
            }
        }
        return nil
    }

    func decode<T: Decodable>(_ type: T.Type, from value: JSONValue, at path: [any CodingKey]) throws -> T {
        let decoder = ValueDecoder(value: value, codingPath: path, session: self)
        do {
            return try T(from: decoder)
        } catch let error as DecodingError {
            throw refined(error, type: T.self, value: value, path: path)
        }
    }

    /// A type's own refusal of a string, said in the user's terms.
    private func refined<T>(_ error: DecodingError, type: T.Type, value: JSONValue, path: [any CodingKey]) -> DecodingError {
        let context: DecodingError.Context
        switch error {
        case .dataCorrupted(let c), .typeMismatch(_, let c): context = c
        default: return error
        }
        guard context.codingPath.count == path.count else { return error }
        if let names = Self.caseNames(T.self) {
            let found = if case .string = value { "" } else { "; found " + Self.kind(value) }
            return .dataCorrupted(.init(codingPath: path, debugDescription: "expected one of \(names.joined(separator: ", "))" + found))
        }
        if case .string(let text) = value, let message = options.describeRefusedText?(T.self, text) {
            return .dataCorrupted(.init(codingPath: path, debugDescription: message))
        }
        return error
    }

    /// The raw values of a string enum (`CaseIterable`), nil for other types.
    static func caseNames<T>(_ type: T.Type) -> [String]? {
        guard let iterable = type as? any CaseIterable.Type else { return nil }
        return names(of: iterable)
    }

    private static func names<C: CaseIterable>(of type: C.Type) -> [String]? {
        let names = C.allCases.compactMap { ($0 as? any RawRepresentable)?.rawValue as? String }
        return names.isEmpty ? nil : names
    }

    /// What a value is, as messages name it.
    static func kind(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "true or false"
        case .int, .double: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    // MARK: Primitive values

    func string(_ value: JSONValue, at path: [any CodingKey]) throws -> String {
        guard case .string(let text) = value else { throw mismatch(String.self, "a string", value, path) }
        guard let read = options.readString else { return text }
        do {
            return try read(text)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: path, debugDescription: error.message))
        }
    }

    func bool(_ value: JSONValue, at path: [any CodingKey]) throws -> Bool {
        guard case .bool(let flag) = value else { throw mismatch(Bool.self, "true or false", value, path) }
        return flag
    }

    func integer<I: FixedWidthInteger>(_ type: I.Type, _ value: JSONValue, at path: [any CodingKey]) throws -> I {
        let exact: I?
        switch value {
        case .int(let number): exact = I(exactly: number)
        case .double(let number): exact = number.isFinite ? I(exactly: number) : nil
        default: throw mismatch(I.self, "an integer", value, path)
        }
        guard let exact else {
            throw DecodingError.dataCorrupted(.init(codingPath: path, debugDescription: "expected an integer between \(I.min) and \(I.max)"))
        }
        return exact
    }

    func floatingPoint<F: BinaryFloatingPoint>(_ type: F.Type, _ value: JSONValue, at path: [any CodingKey]) throws -> F {
        switch value {
        case .int(let number): return F(number)
        case .double(let number) where number.isFinite: return F(number)
        case .double: throw DecodingError.dataCorrupted(.init(codingPath: path, debugDescription: "the number is too large"))
        default: throw mismatch(F.self, "a number", value, path)
        }
    }

    private func mismatch(_ type: Any.Type, _ expected: String, _ value: JSONValue, _ path: [any CodingKey]) -> DecodingError {
        let context = DecodingError.Context(codingPath: path, debugDescription: "expected \(expected), found \(Self.kind(value))")
        if case .null = value { return .valueNotFound(type, context) }
        return .typeMismatch(type, context)
    }
}

extension String {
    /// A field path built under `prefix`: `$.name` becomes `prefix.name`.
    fileprivate func replacingPrefix(with prefix: String) -> String { prefix + dropFirst() }
}

/// A coding key for an array position or a field name.
struct JSONKey: CodingKey {
    let stringValue: String
    let intValue: Int?

    init(stringValue: String) {
        self.stringValue = stringValue
        intValue = nil
    }

    init(intValue: Int) {
        stringValue = String(intValue)
        self.intValue = intValue
    }
}
