import JSON

/// A value with its JSON (`JSONCodec`), encoded once inside a write: the
/// audit line's after-image, the idempotency record and the answer share
/// these bytes.
struct Encoded<Value: Encodable & Sendable>: Sendable, Encodable {
    let value: Value
    let json: [UInt8]

    init(_ value: Value) throws {
        self.value = value
        json = try JSONCodec.encode(value)
    }

    /// `value` with its JSON written by other means than `JSONCodec`, but
    /// byte for byte the same (`BookingJSON`).
    init(_ value: Value, json: [UInt8]) {
        self.value = value
        self.json = json
    }

    /// Encodes as the value (the same JSON as `json`).
    func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}

/// A value whose JSON is already at hand; the audit log writes these bytes
/// rather than encoding it again.
protocol PreEncodedJSON {
    var json: [UInt8] { get }
}

extension Encoded: PreEncodedJSON {}
