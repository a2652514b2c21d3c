/// A value written in JSON as its text form (`2026-07-01`, `2026-07`,
/// `12-29`, `09:00`): decoding parses with `init?(_:)` and names the expected
/// format when the text does not parse; encoding writes `description`.
public protocol TextCodable: Codable, LosslessStringConvertible {
    /// How the text must look, for error messages: "a date YYYY-MM-DD".
    static var textFormat: String { get }
}

extension TextCodable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Self(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected \(Self.textFormat), got \"\(text)\"")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
