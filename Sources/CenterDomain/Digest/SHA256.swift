/// SHA-256 (FIPS 180-4), the service's one implementation: access tokens are
/// stored hashed, idempotency keys sign their request, a lottery round
/// commits to its seed and orders its entries with it (docs/DOMAIN.md
/// "Lottery rounds (抽選)"), and through `HMACSHA256` and `PBKDF2` passwords
/// are stored and the pages' codes derived. The toolchain has no crypto
/// library on Linux without packages, so this is ours; it is tested against
/// the published NIST vectors.
public enum SHA256 {
    private static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    /// The initial hash value H(0) (FIPS 180-4 §5.3.3).
    static let initialState: [UInt32] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]

    /// The 32-byte digest of `message`.
    public static func hash<Bytes: Collection>(_ message: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
        bytes(of: state(after: message, from: initialState, precededBy: 0))
    }

    /// The final state of hashing `message` when `prefixLength` bytes (a
    /// multiple of 64) were already compressed into `state`: how HMAC goes
    /// on from its precomputed key blocks (RFC 2104 §2).
    static func state<Bytes: Collection>(after message: Bytes, from state: [UInt32], precededBy prefixLength: Int) -> [UInt32]
        where Bytes.Element == UInt8 {
        if let words = message.withContiguousStorageIfAvailable({ finalState(of: UnsafeRawBufferPointer($0), from: state, precededBy: prefixLength) }) {
            return words
        }
        return Array(message).withUnsafeBytes { finalState(of: $0, from: state, precededBy: prefixLength) }
    }

    /// Hashes `message` in place: whole blocks are read from the caller's
    /// bytes, only the last one or two (with the padding, §5.1.1) are
    /// copied, and the schedule lives in one stack allocation, so a digest
    /// allocates nothing but its result (it is on every request: the
    /// bearer token on a cache miss, the Idempotency-Key's request).
    private static func finalState(of message: UnsafeRawBufferPointer, from initial: [UInt32],
                                   precededBy prefixLength: Int) -> [UInt32] {
        // 64 schedule words, 8 state words, then 128 bytes (32 words) for the padded tail.
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 104) { scratch in
            guard let base = scratch.baseAddress else { return initial }
            let w = base, h = base + 64, tail = base + 72
            for i in 0..<8 { h[i] = initial[i] }
            let whole = message.count / 64
            k.withUnsafeBufferPointer { k in
                guard let k = k.baseAddress else { return }
                if let bytes = message.baseAddress {
                    for block in 0..<whole {
                        loadBlock(bytes + block * 64, into: w)
                        compress(h, w, k)
                    }
                }
                // The rest of the message, 0x80, zeros and the bit length, in one or two blocks.
                let rest = message.count - whole * 64
                let tailBytes = UnsafeMutableRawPointer(tail)
                tailBytes.initializeMemory(as: UInt8.self, repeating: 0, count: 128)
                if rest > 0, let bytes = message.baseAddress {
                    tailBytes.copyMemory(from: bytes + whole * 64, byteCount: rest)
                }
                tailBytes.storeBytes(of: 0x80, toByteOffset: rest, as: UInt8.self)
                let blocks = rest < 56 ? 1 : 2
                let bitLength = UInt64(prefixLength + message.count) &* 8
                tailBytes.storeBytes(of: bitLength.bigEndian, toByteOffset: blocks * 64 - 8, as: UInt64.self)
                for block in 0..<blocks {
                    loadBlock(UnsafeRawPointer(tailBytes) + block * 64, into: w)
                    compress(h, w, k)
                }
            }
            return (0..<8).map { h[$0] }
        }
    }

    /// The 16 big-endian words of the 64 bytes at `bytes`.
    @inline(__always)
    private static func loadBlock(_ bytes: UnsafeRawPointer, into w: UnsafeMutablePointer<UInt32>) {
        for i in 0..<16 { w[i] = UInt32(bigEndian: bytes.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self)) }
    }

    /// Processes one 64-byte block (FIPS 180-4 §6.2.2) into `state`: the
    /// block's 16 big-endian words are `w[0..<16]`, and `w` (64 words) is
    /// overwritten by the message schedule. HMAC and PBKDF2 call it on
    /// words directly, without turning each digest back into bytes.
    static func compress(_ state: inout [UInt32], schedule w: inout [UInt32]) {
        w.withUnsafeMutableBufferPointer { w in
            state.withUnsafeMutableBufferPointer { h in
                k.withUnsafeBufferPointer { k in
                    guard let w = w.baseAddress, let h = h.baseAddress, let k = k.baseAddress else { return }
                    compress(h, w, k)
                }
            }
        }
    }

    /// The compression of one block on raw words: `h` the 8 state words,
    /// `w` the 64 schedule words (the first 16 given), `k` the constants.
    @inline(__always)
    private static func compress(_ h: UnsafeMutablePointer<UInt32>, _ w: UnsafeMutablePointer<UInt32>,
                                 _ k: UnsafePointer<UInt32>) {
        for i in 16..<64 {
            let s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3)
            let s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10)
            w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
        }
        var a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7]
        for i in 0..<64 {
            let s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
            let ch = (e & f) ^ (~e & g)
            let t1 = hh &+ s1 &+ ch &+ k[i] &+ w[i]
            let s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
            let maj = (a & b) ^ (a & c) ^ (b & c)
            let t2 = s0 &+ maj
            hh = g; g = f; f = e; e = d &+ t1; d = c; c = b; b = a; a = t1 &+ t2
        }
        h[0] = h[0] &+ a; h[1] = h[1] &+ b; h[2] = h[2] &+ c; h[3] = h[3] &+ d
        h[4] = h[4] &+ e; h[5] = h[5] &+ f; h[6] = h[6] &+ g; h[7] = h[7] &+ hh
    }

    /// Big-endian bytes of hash words.
    static func bytes(of words: [UInt32]) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: words.count * 4) { out, count in
            for (i, word) in words.enumerated() {
                out[i * 4] = UInt8(truncatingIfNeeded: word >> 24)
                out[i * 4 + 1] = UInt8(truncatingIfNeeded: word >> 16)
                out[i * 4 + 2] = UInt8(truncatingIfNeeded: word >> 8)
                out[i * 4 + 3] = UInt8(truncatingIfNeeded: word)
            }
            count = words.count * 4
        }
    }

    /// The digest as lowercase hex.
    public static func hexDigest(_ text: String) -> String { Hex.encode(hash(Array(text.utf8))) }

    @inline(__always)
    private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }
}

/// Lowercase hexadecimal encoding.
public enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    public static func encode(_ bytes: [UInt8]) -> String {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
