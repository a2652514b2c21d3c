/// A closed set of string values in the schedule files. Decoding an unknown
/// value names the allowed ones: `unknown value "top" (expected hard, soft,
/// both)`.
public protocol SchemaEnum: RawRepresentable, CaseIterable, Codable, Sendable where RawValue == String {}

extension SchemaEnum {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Self(rawValue: text) else {
            let allowed = Self.allCases.map(\.rawValue).joined(separator: ", ")
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown value \"\(text)\" (expected \(allowed))")
        }
        self = value
    }
}
