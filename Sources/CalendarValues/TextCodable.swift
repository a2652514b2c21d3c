/// A value written in JSON as its text form (`2026-07-01`, `2026-07`,
/// `12-29`, `09:00`): decoding reads the text with `read(_:)` — for a date or
/// month that is `DateInput`, so a file accepts exactly what a request does —
/// and names the expected format when the text does not parse (a decoder of
/// requests words it as `DateInput` does instead, through
/// `DateInput.refusal(reading:as:)`); encoding writes `description`.
public protocol TextCodable: Codable, LosslessStringConvertible {
    /// How the text must look, for error messages: "a date YYYY-MM-DD".
    static var textFormat: String { get }

    /// The value `text` names when it is accepted from users; by default
    /// every value `init?(_:)` parses.
    static func read(_ text: String) throws(DateInput.Refusal) -> Self
}

extension TextCodable {
    public static func read(_ text: String) throws(DateInput.Refusal) -> Self {
        guard let value = Self(text) else { throw .malformed("expected \(textFormat), got \(InputText.echo(text))") }
        return value
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try Self.read(text)
        } catch .malformed {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected \(Self.textFormat), got \"\(text)\"")
        } catch .outOfRange(let range) {
            throw DecodingError.dataCorrupted(.init(codingPath: container.codingPath, debugDescription: range.message,
                                                    underlyingError: range))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
