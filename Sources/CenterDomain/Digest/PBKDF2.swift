/// PBKDF2 with HMAC-SHA256 as its pseudo-random function (RFC 8018 §5.2),
/// how passwords are stored (docs/SECURITY.md "Passwords"). Tested on the
/// published vectors of RFC 7914 §11.
public enum PBKDF2 {
    /// The derived key of `length` bytes (1 to 1,024) after `iterations`
    /// rounds (at least 1).
    public static func sha256(password: [UInt8], salt: [UInt8], iterations: Int, length: Int) -> [UInt8] {
        let prf = HMACSHA256(key: password)
        let rounds = max(1, iterations)
        let wanted = min(max(1, length), 1024)
        var key: [UInt8] = []
        var index: UInt32 = 1
        while key.count < wanted {
            key += block(prf, salt: salt, index: index, rounds: rounds)
            index += 1
        }
        return Array(key.prefix(wanted))
    }

    /// T_i = U_1 ⊕ U_2 ⊕ … ⊕ U_c. Each U after the first is the HMAC of a
    /// 32-byte message: one block for the inner hash and one for the outer,
    /// computed on words in place without allocating.
    static func block(_ prf: HMACSHA256, salt: [UInt8], index: UInt32, rounds: Int) -> [UInt8] {
        let counter: [UInt8] = [UInt8(truncatingIfNeeded: index >> 24), UInt8(truncatingIfNeeded: index >> 16),
                                UInt8(truncatingIfNeeded: index >> 8), UInt8(truncatingIfNeeded: index)]
        let first = prf.authenticationCode(salt + counter)
        var u = [UInt32](repeating: 0, count: 8)
        for i in 0..<32 { u[i / 4] |= UInt32(first[i]) << UInt32(24 - (i % 4) * 8) }
        var total = u
        var state = [UInt32](repeating: 0, count: 8)
        var w = [UInt32](repeating: 0, count: 64)
        // The padding of a 32-byte message after one 64-byte key block:
        // 0x80, zeros, and the length, 96 bytes = 768 bits.
        let pad: [UInt32] = [0x8000_0000, 0, 0, 0, 0, 0, 0, 768]
        for _ in 1..<rounds {
            for i in 0..<8 {
                state[i] = prf.innerState[i]
                w[i] = u[i]
                w[i + 8] = pad[i]
            }
            SHA256.compress(&state, schedule: &w)
            for i in 0..<8 {
                w[i] = state[i]
                w[i + 8] = pad[i]
                state[i] = prf.outerState[i]
            }
            SHA256.compress(&state, schedule: &w)
            for i in 0..<8 {
                u[i] = state[i]
                total[i] ^= state[i]
            }
        }
        return SHA256.bytes(of: total)
    }
}
