/// The stable kebab-case id of a facility (施設ID), e.g. `multipurpose-hall`,
/// `desk-07`, `storage-a`. Other modules, the API and the store use it as is.
public struct FacilityID: RawRepresentable, Hashable, Comparable, Sendable, Codable,
    CodingKeyRepresentable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var codingKey: any CodingKey { IdentifierCodingKey(rawValue) }
    public init?<T: CodingKey>(codingKey: T) { self.rawValue = codingKey.stringValue }

    public var description: String { rawValue }

    /// Lower-case ASCII letters and digits in hyphen-separated words.
    public var isKebabCase: Bool { IdentifierCodingKey.isKebabCase(rawValue) }

    public static func < (a: FacilityID, b: FacilityID) -> Bool { a.rawValue < b.rawValue }
}

/// The id of a time division (時間区分): `am` (午前), `pm` (午後), `night` (夜間).
public struct DivisionID: RawRepresentable, Hashable, Sendable, Codable,
    CodingKeyRepresentable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var codingKey: any CodingKey { IdentifierCodingKey(rawValue) }
    public init?<T: CodingKey>(codingKey: T) { self.rawValue = codingKey.stringValue }

    public var description: String { rawValue }

    /// 午前 09:00–12:00.
    public static let am: DivisionID = "am"
    /// 午後 13:00–17:00.
    public static let pm: DivisionID = "pm"
    /// 夜間 18:00–22:00 (end configurable).
    public static let night: DivisionID = "night"
}

/// A coding key with any string value, for dictionaries keyed by ids.
struct IdentifierCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }

    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { return nil }

    static func isKebabCase(_ text: String) -> Bool {
        let words = text.split(separator: "-", omittingEmptySubsequences: false)
        return !text.isEmpty && words.allSatisfy { word in
            !word.isEmpty && word.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
        }
    }
}
