/// HMAC-SHA256 (RFC 2104; FIPS 198-1): a keyed digest, the pseudo-random
/// function of `PBKDF2`. The key's two padded blocks are compressed once,
/// at `init`, so each code costs two blocks more than the message.
public struct HMACSHA256: Sendable {
    /// The SHA-256 state after the block `key ⊕ ipad`.
    let innerState: [UInt32]
    /// The SHA-256 state after the block `key ⊕ opad`.
    let outerState: [UInt32]

    public init(key: [UInt8]) {
        var block = key.count > 64 ? SHA256.hash(key) : key
        block += [UInt8](repeating: 0, count: 64 - block.count)
        innerState = Self.state(afterBlock: block.map { $0 ^ 0x36 })
        outerState = Self.state(afterBlock: block.map { $0 ^ 0x5c })
    }

    /// The 32-byte code of `message`.
    public func authenticationCode(_ message: [UInt8]) -> [UInt8] {
        let inner = SHA256.bytes(of: SHA256.state(after: message, from: innerState, precededBy: 64))
        return SHA256.bytes(of: SHA256.state(after: inner, from: outerState, precededBy: 64))
    }

    /// The 32-byte code of `message` under `key`.
    public static func authenticationCode(key: [UInt8], message: [UInt8]) -> [UInt8] {
        HMACSHA256(key: key).authenticationCode(message)
    }

    private static func state(afterBlock block: [UInt8]) -> [UInt32] {
        var state = SHA256.initialState
        var w = [UInt32](repeating: 0, count: 64)
        for i in 0..<16 {
            w[i] = UInt32(block[i * 4]) << 24 | UInt32(block[i * 4 + 1]) << 16 | UInt32(block[i * 4 + 2]) << 8 | UInt32(block[i * 4 + 3])
        }
        SHA256.compress(&state, schedule: &w)
        return state
    }
}
