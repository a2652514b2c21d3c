/// Request ids: a random per-loop prefix and a counter, in hex, so ids are
/// short and unique without a lock. A client's `X-Request-Id` is kept only if
/// it is 1–64 of `[A-Za-z0-9._-]`, so it can never split a response header.
struct RequestIDGenerator {
    private let prefix: String
    private var counter: UInt64 = 0

    /// The prefix with its dash: `1a2b3c4d-`.
    init() {
        prefix = String(UInt32.random(in: 0...UInt32.max) | 0x1000_0000, radix: 16) + "-"
    }

    mutating func next() -> String {
        counter &+= 1
        return prefix + String(counter, radix: 16)
    }

    /// The client's id if acceptable, else nil.
    static func acceptable(_ value: String?) -> String? {
        guard let value, !value.isEmpty, value.utf8.count <= 64 else { return nil }
        let ok = value.utf8.allSatisfy { b in
            (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
                || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: ".")
                || b == UInt8(ascii: "_") || b == UInt8(ascii: "-")
        }
        return ok ? value : nil
    }
}
