/// A value written in JSON as its text form (`2026-07-01`, `2026-07`,
/// `12-29`, `09:00`): decoding parses with `init?(_:)` and names the expected
/// format when the text does not parse, then refuses a date or month outside
/// `SupportedDates`; encoding writes `description`.
public protocol TextCodable: Codable, LosslessStringConvertible {
    /// How the text must look, for error messages: "a date YYYY-MM-DD".
    static var textFormat: String { get }

    /// Throws when a well-formed value is still not accepted from users (a
    /// date outside `SupportedDates`); by default every value is accepted.
    func checkSupported() throws(DateOutOfRange)
}

extension TextCodable {
    public func checkSupported() throws(DateOutOfRange) {}

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Self(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected \(Self.textFormat), got \"\(text)\"")
        }
        do {
            try value.checkSupported()
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: container.codingPath, debugDescription: error.message,
                                                    underlyingError: error))
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
