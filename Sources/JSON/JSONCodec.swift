import Foundation

/// The service's one JSON configuration: what the API answers, what the
/// audit log records before and after a change, and what an idempotent
/// write keeps for its retries are the same bytes for the same value —
/// keys sorted (stable output), slashes and UTF-8 text unescaped.
public enum JSONCodec {
    /// `value` as JSON.
    public static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }

    /// `value` as JSON text, for a TEXT column.
    public static func text<T: Encodable>(of value: T) throws -> String {
        String(decoding: try encode(value), as: UTF8.self)
    }

    /// A document the service wrote itself (a fee, evidence, a document
    /// check, a roadmap item) read back as `T`: the same reader and decoder
    /// as a request body, but a field `T` no longer has is passed over, so a
    /// row written by an earlier version still reads.
    public static func decodeStored<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        var options = JSONValueDecoder.Options()
        options.refusesUnknownFields = false
        return try JSONValueDecoder(options: options).decode(T.self, from: JSONReader.parse(Array(text.utf8)))
    }
}
