/// Header fields in order. Names are stored lowercased (ASCII), because field
/// names are case-insensitive (RFC 9110 §5.1); values have OWS stripped.
public struct HTTPHeaders: Sendable, Sequence, ExpressibleByDictionaryLiteral {
    public private(set) var fields: [(name: String, value: String)]

    public init() { fields = [] }
    public init(_ fields: [(name: String, value: String)]) {
        self.fields = fields.map { (name: $0.name.lowercased(), value: $0.value) }
    }
    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(elements.map { (name: $0.0, value: $0.1) })
    }

    /// The first value of `name`, or nil.
    public subscript(name: String) -> String? {
        fields.first { Self.matches($0.name, name) }?.value
    }

    /// Every value of `name`, in order.
    public func values(_ name: String) -> [String] {
        fields.filter { Self.matches($0.name, name) }.map(\.value)
    }

    public mutating func add(_ name: String, _ value: String) { fields.append((name.lowercased(), value)) }

    mutating func reserveCapacity(_ count: Int) { fields.reserveCapacity(count) }

    /// Appends a field whose name the parser has already lowercased.
    mutating func append(lowercasedName name: String, _ value: String) { fields.append((name, value)) }

    /// Whether the stored (lowercased) `stored` is `name` in any ASCII case,
    /// compared byte by byte: a lookup allocates nothing.
    static func matches(_ stored: String, _ name: String) -> Bool {
        guard stored.utf8.count == name.utf8.count else { return false }
        if stored == name { return true }
        var stored = stored.utf8.makeIterator()
        for byte in name.utf8 {
            guard let other = stored.next() else { return false }
            let folded = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
            guard folded == other else { return false }
        }
        return stored.next() == nil
    }

    /// Replaces every field `name` by one with `value`.
    public mutating func set(_ name: String, _ value: String) {
        let key = name.lowercased()
        fields.removeAll { $0.name == key }
        fields.append((key, value))
    }

    public mutating func remove(_ name: String) {
        let key = name.lowercased()
        fields.removeAll { $0.name == key }
    }

    public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> { fields.makeIterator() }
}
