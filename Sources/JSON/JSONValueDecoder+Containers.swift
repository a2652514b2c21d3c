/// The `Decoder` handed to each `init(from:)`: one value at one path.
struct ValueDecoder: Decoder {
    let value: JSONValue
    let codingPath: [any CodingKey]
    let session: DecodingSession

    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let pairs) = value else {
            throw DecodingError.typeMismatch([String: Any].self, .init(
                codingPath: codingPath, debugDescription: "expected an object, found \(DecodingSession.kind(value))"))
        }
        let record = ObjectRecord(codingPath: codingPath, pairs: pairs, keyType: Key.self)
        session.opened(record)
        return KeyedDecodingContainer(KeyedContainer<Key>(record: record, decoder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let items) = value else {
            throw DecodingError.typeMismatch([Any].self, .init(
                codingPath: codingPath, debugDescription: "expected an array, found \(DecodingSession.kind(value))"))
        }
        let limit = session.options.maximumArrayCount
        guard items.count <= limit else {
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "at most \(limit) items"))
        }
        return UnkeyedContainer(items: items, decoder: self)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleValueContainer(decoder: self) }

    func child(_ value: JSONValue, _ key: any CodingKey) -> ValueDecoder {
        ValueDecoder(value: value, codingPath: codingPath + [key], session: session)
    }
}

struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let record: ObjectRecord
    let decoder: ValueDecoder

    var codingPath: [any CodingKey] { decoder.codingPath }
    var allKeys: [Key] { record.keys.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { record.contains(key.stringValue) }

    private func member(_ key: Key) throws -> JSONValue {
        guard let value = record.member(key.stringValue) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "required field is missing"))
        }
        return value
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        if case .null = try member(key) { return true }
        return false
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try decoder.session.decode(T.self, from: try member(key), at: codingPath + [key])
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
        try decoder.session.bool(try member(key), at: codingPath + [key])
    }

    func decode(_ type: String.Type, forKey key: Key) throws -> String {
        try decoder.session.string(try member(key), at: codingPath + [key])
    }

    func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
        try decoder.session.floatingPoint(type, try member(key), at: codingPath + [key])
    }

    func decode(_ type: Float.Type, forKey key: Key) throws -> Float {
        try decoder.session.floatingPoint(type, try member(key), at: codingPath + [key])
    }

    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try integer(type, key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try integer(type, key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try integer(type, key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try integer(type, key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try integer(type, key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try integer(type, key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try integer(type, key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try integer(type, key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try integer(type, key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try integer(type, key) }

    private func integer<I: FixedWidthInteger>(_ type: I.Type, _ key: Key) throws -> I {
        try decoder.session.integer(type, try member(key), at: codingPath + [key])
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try decoder.child(try member(key), key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try decoder.child(try member(key), key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        let key = JSONKey(stringValue: "super")
        return decoder.child(record.member(key.stringValue) ?? .null, key)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        decoder.child(record.member(key.stringValue) ?? .null, key)
    }
}

struct UnkeyedContainer: UnkeyedDecodingContainer {
    let items: [JSONValue]
    let decoder: ValueDecoder
    private(set) var currentIndex = 0

    init(items: [JSONValue], decoder: ValueDecoder) {
        self.items = items
        self.decoder = decoder
    }

    var codingPath: [any CodingKey] { decoder.codingPath }
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    private var key: JSONKey { JSONKey(intValue: currentIndex) }

    private mutating func next<T>(_ type: T.Type, _ read: (JSONValue, [any CodingKey]) throws -> T) throws -> T {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(type, .init(codingPath: codingPath + [key], debugDescription: "the array has no more items"))
        }
        let value = try read(items[currentIndex], codingPath + [key])
        currentIndex += 1
        return value
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(Any?.self, .init(codingPath: codingPath + [key], debugDescription: "the array has no more items"))
        }
        if case .null = items[currentIndex] {
            currentIndex += 1
            return true
        }
        return false
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let session = decoder.session
        return try next(type) { try session.decode(T.self, from: $0, at: $1) }
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool {
        let session = decoder.session
        return try next(type) { try session.bool($0, at: $1) }
    }

    mutating func decode(_ type: String.Type) throws -> String {
        let session = decoder.session
        return try next(type) { try session.string($0, at: $1) }
    }

    mutating func decode(_ type: Double.Type) throws -> Double { try floatingPoint(type) }
    mutating func decode(_ type: Float.Type) throws -> Float { try floatingPoint(type) }
    mutating func decode(_ type: Int.Type) throws -> Int { try integer(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }

    private mutating func integer<I: FixedWidthInteger>(_ type: I.Type) throws -> I {
        let session = decoder.session
        return try next(type) { try session.integer(type, $0, at: $1) }
    }

    private mutating func floatingPoint<F: BinaryFloatingPoint>(_ type: F.Type) throws -> F {
        let session = decoder.session
        return try next(type) { try session.floatingPoint(type, $0, at: $1) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let parent = decoder
        return try next(KeyedDecodingContainer<NestedKey>.self) { value, path in
            try ValueDecoder(value: value, codingPath: path, session: parent.session).container(keyedBy: type)
        }
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let parent = decoder
        return try next((any UnkeyedDecodingContainer).self) { value, path in
            try ValueDecoder(value: value, codingPath: path, session: parent.session).unkeyedContainer()
        }
    }

    mutating func superDecoder() throws -> any Decoder {
        let parent = decoder
        return try next((any Decoder).self) { value, path in
            ValueDecoder(value: value, codingPath: path, session: parent.session)
        }
    }
}

struct SingleValueContainer: SingleValueDecodingContainer {
    let decoder: ValueDecoder

    var codingPath: [any CodingKey] { decoder.codingPath }
    private var value: JSONValue { decoder.value }
    private var session: DecodingSession { decoder.session }

    func decodeNil() -> Bool {
        if case .null = value { return true }
        return false
    }

    func decode(_ type: Bool.Type) throws -> Bool { try session.bool(value, at: codingPath) }
    func decode(_ type: String.Type) throws -> String { try session.string(value, at: codingPath) }
    func decode(_ type: Double.Type) throws -> Double { try session.floatingPoint(type, value, at: codingPath) }
    func decode(_ type: Float.Type) throws -> Float { try session.floatingPoint(type, value, at: codingPath) }
    func decode(_ type: Int.Type) throws -> Int { try session.integer(type, value, at: codingPath) }
    func decode(_ type: Int8.Type) throws -> Int8 { try session.integer(type, value, at: codingPath) }
    func decode(_ type: Int16.Type) throws -> Int16 { try session.integer(type, value, at: codingPath) }
    func decode(_ type: Int32.Type) throws -> Int32 { try session.integer(type, value, at: codingPath) }
    func decode(_ type: Int64.Type) throws -> Int64 { try session.integer(type, value, at: codingPath) }
    func decode(_ type: UInt.Type) throws -> UInt { try session.integer(type, value, at: codingPath) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try session.integer(type, value, at: codingPath) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try session.integer(type, value, at: codingPath) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try session.integer(type, value, at: codingPath) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try session.integer(type, value, at: codingPath) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T { try session.decode(T.self, from: value, at: codingPath) }
}
