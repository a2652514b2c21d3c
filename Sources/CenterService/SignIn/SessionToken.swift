import CenterDomain

/// The secret of a signed-in browser, sent as its session cookie: 32 bytes
/// (256 bits) from the system's generator, as 64 hex digits. The database
/// keeps only its SHA-256; the form token that proves a request came from
/// one of our pages (CSRF) is derived from it, so it needs no storage.
public struct SessionToken: Sendable, Hashable {
    public let secret: String

    init(secret: String) { self.secret = secret }

    static func generate() -> SessionToken {
        var generator = SystemRandomNumberGenerator()
        return SessionToken(secret: Hex.encode((0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }))
    }

    /// A cookie's value when it has the form of a session secret.
    public init?(cookie: String) {
        guard cookie.utf8.count == 64, cookie.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }) else {
            return nil
        }
        secret = cookie
    }

    var hash: [UInt8] { SHA256.hash(Array(secret.utf8)) }

    /// The synchronizer token of this session's forms: HMAC-SHA256 of a fixed
    /// label under the secret. Only a page served to this browser carries it.
    public var formToken: String {
        Hex.encode(HMACSHA256.authenticationCode(key: Array(secret.utf8), message: Array("nakano-center form token".utf8)))
    }

    /// Whether `token` is this session's form token, compared in constant time.
    public func acceptsFormToken(_ token: String) -> Bool {
        ConstantTime.equal(Array(token.utf8), Array(formToken.utf8))
    }
}
