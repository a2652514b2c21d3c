/// The secret seed of a draw (抽選の乱数シード): 32 random bytes written as 64
/// lowercase hex digits. Before the entry period closes the service
/// publishes its commitment, the SHA-256 of those 64 characters; at the draw
/// it reveals the seed, and anyone checks it with
/// `printf %s SEED | sha256sum`. The seed then orders the entries
/// (`orderKey`), so it cannot have been chosen after the entries were seen.
public struct LotterySeed: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The 64 lowercase hex digits.
    public let hex: String

    /// nil unless `hex` is exactly 64 lowercase hex digits.
    public init?(hex: String) {
        let digits = Array(hex.utf8)
        guard digits.count == 64,
              digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0) })
        else { return nil }
        self.hex = hex
    }

    /// A fresh seed from `generator` (the service passes the system's
    /// cryptographic source).
    public static func generate<G: RandomNumberGenerator>(using generator: inout G) -> LotterySeed {
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return LotterySeed(validHex: Hex.encode(bytes))
    }

    private init(validHex: String) { hex = validHex }

    /// The commitment published before the entries close: SHA-256 of the hex text, in hex.
    public var commitment: String { SHA256.hexDigest(hex) }

    /// Whether this seed is the one `commitment` was published for.
    public func matches(commitment: String) -> Bool { self.commitment == commitment }

    /// The keyed hash that orders an entry within its tier: SHA-256 of the
    /// text `SEED:ENTRY_ID` in hex (`printf '%s:%s' SEED E0001 | sha256sum`).
    public func orderKey(entryID: String) -> String { SHA256.hexDigest(hex + ":" + entryID) }

    public var description: String { hex }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let seed = LotterySeed(hex: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected 64 lowercase hex digits")
        }
        self = seed
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hex)
    }
}
