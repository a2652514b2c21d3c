import CenterDomain

/// A bearer token as minted: `nkc_` followed by 32 random bytes (256 bits) in
/// hex. Only its SHA-256 is stored; the token itself is shown once.
public struct AccessToken: Sendable {
    public let secret: String

    /// A fresh token from the system's cryptographic random source
    /// (getrandom); `prefix` tells its use (`nkf_` for a calendar feed).
    public static func generate(prefix: String = "nkc_") -> AccessToken {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return AccessToken(secret: prefix + Hex.encode(bytes))
    }

    public init(secret: String) { self.secret = secret }

    /// What the store keeps: the SHA-256 of the whole token.
    public var hash: [UInt8] { SHA256.hash(Array(secret.utf8)) }
}
