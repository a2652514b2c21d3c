import CenterDomain

/// A password as the database keeps it: PBKDF2-HMAC-SHA256 of its NFKC
/// UTF-8 bytes under a per-account random salt (docs/SECURITY.md "Passwords").
public struct StoredPassword: Sendable, Equatable {
    /// 16 bytes from the system's generator (getrandom).
    public let salt: [UInt8]
    /// The 32-byte derived key.
    public let hash: [UInt8]
    public let iterations: Int

    public static let saltBytes = 16
    public static let hashBytes = 32

    init(salt: [UInt8], hash: [UInt8], iterations: Int) {
        self.salt = salt
        self.hash = hash
        self.iterations = iterations
    }

    /// Derives the stored form of `password` under a fresh salt.
    public static func derive(_ password: String, iterations: Int) -> StoredPassword {
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<saltBytes).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return derive(password, salt: salt, iterations: iterations)
    }

    static func derive(_ password: String, salt: [UInt8], iterations: Int) -> StoredPassword {
        let hash = PBKDF2.sha256(password: PasswordPolicy.normalized(password), salt: salt, iterations: iterations, length: hashBytes)
        return StoredPassword(salt: salt, hash: hash, iterations: iterations)
    }

    /// Whether `password` is this one, comparing the derived keys in constant time.
    public func matches(_ password: String) -> Bool {
        guard password.utf8.count <= PasswordPolicy.maximumBytes else { return false }
        return ConstantTime.equal(Self.derive(password, salt: salt, iterations: iterations).hash, hash)
    }
}
