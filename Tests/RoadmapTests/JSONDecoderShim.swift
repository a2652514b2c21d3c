import Foundation

/// Decodes JSON bytes in tests.
enum JSONDecoderShim {
    static func decode<T: Decodable>(_ type: T.Type, _ bytes: [UInt8]) throws -> T {
        try JSONDecoder().decode(type, from: Data(bytes))
    }
}
