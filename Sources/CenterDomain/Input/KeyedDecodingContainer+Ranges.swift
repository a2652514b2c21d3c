import CalendarValues
/// Integers with a documented range: a value outside it, or one that is
/// not an integer at all (`3.5`, `2^63`, `"ten"`), is refused with the
/// field's own range, "expected an integer between 1 and 31", so the message
/// names what the field takes rather than what the Swift type could hold.
extension KeyedDecodingContainer {
    public func decode<I: FixedWidthInteger & Decodable>(_ type: I.Type, forKey key: Key, in range: ClosedRange<I>) throws -> I {
        let message = "expected an integer between \(range.lowerBound) and \(range.upperBound)"
        let path = codingPath + [key]
        let value: I
        do {
            value = try decode(I.self, forKey: key)
        } catch DecodingError.typeMismatch(_, let context) where context.codingPath.count == path.count {
            throw DecodingError.dataCorrupted(.init(codingPath: path, debugDescription: message + ", " + Self.found(context)))
        } catch DecodingError.dataCorrupted(let context) where context.codingPath.count == path.count {
            throw DecodingError.dataCorrupted(.init(codingPath: path, debugDescription: message))
        }
        guard range.contains(value) else {
            throw DecodingError.dataCorrupted(.init(codingPath: path, debugDescription: message + ", got \(value)"))
        }
        return value
    }

    public func decodeIfPresent<I: FixedWidthInteger & Decodable>(_ type: I.Type, forKey key: Key, in range: ClosedRange<I>) throws -> I? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        return try decode(type, forKey: key, in: range)
    }

    /// "found a string" from a mismatch message "expected …, found a string".
    private static func found(_ context: DecodingError.Context) -> String {
        guard let range = context.debugDescription.firstRange(of: "found ") else { return "found another kind of value" }
        return String(context.debugDescription[range.lowerBound...])
    }
}

/// Instants a person types, read by `DateInput.instant` (RFC 3339 that the
/// service can also write back, within `SupportedDates`), with its message.
extension KeyedDecodingContainer {
    public func decodeInstantIfPresent(forKey key: Key) throws -> Instant? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        let text = try decode(String.self, forKey: key)
        do {
            return try DateInput.instant(text)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath + [key], debugDescription: error.message))
        }
    }
}
