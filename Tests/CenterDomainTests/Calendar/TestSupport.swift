import CalendarValues
import Foundation
@testable import CenterDomain

/// A date from `YYYY-MM-DD`, for readable tests.
func date(_ text: String) -> LocalDate { LocalDate(text)! }

/// Decodes `json` as `T` with a plain JSONDecoder (no key strategy).
func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
    try JSONDecoder().decode(type, from: Data(json.utf8))
}

/// Encodes `value` with sorted keys, as a string.
func encodeJSON<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}
