import CenterDomain

/// How people sign in to the pages (`sign_in` in Config/center.json):
/// whether the service is reached through TLS, and how hard a password is
/// to guess from its stored hash (docs/SECURITY.md).
public struct SignInSettings: Sendable, Hashable, Decodable {
    /// The least number of PBKDF2 rounds a password is stored with: OWASP's
    /// figure for PBKDF2-HMAC-SHA256 (Password Storage Cheat Sheet, 2023).
    public static let minimumPasswordIterations = 600_000

    /// The service is reached through HTTPS (a TLS-terminating proxy in
    /// front of it): cookies are `Secure` and `__Host-` prefixed, pages send
    /// `Strict-Transport-Security`, and a request from the proxy on loopback
    /// is attributed to the last address of its `X-Forwarded-For`.
    public var behindTLS: Bool
    /// PBKDF2 rounds for new and changed passwords; a stored password with
    /// fewer is rehashed at its next sign-in.
    public var passwordIterations: Int

    /// Settings for code: iterations below the minimum are raised to it.
    public init(behindTLS: Bool = false, passwordIterations: Int = minimumPasswordIterations) {
        self.init(behindTLS: behindTLS, anyIterations: max(passwordIterations, Self.minimumPasswordIterations))
    }

    /// Any number of rounds: for the module's own tests, which cannot wait
    /// for 600,000 rounds in a debug build.
    init(behindTLS: Bool, anyIterations: Int) {
        self.behindTLS = behindTLS
        self.passwordIterations = anyIterations
    }

    enum CodingKeys: String, CodingKey {
        case behindTLS = "behind_tls"
        case passwordIterations = "password_iterations"
    }

    /// Problems with the settings, by JSON path.
    public func problems() -> [ConfigProblem] {
        guard (Self.minimumPasswordIterations...100_000_000).contains(passwordIterations) else {
            return [ConfigProblem(path: "$.sign_in.password_iterations",
                                  message: "must be \(Self.minimumPasswordIterations) to 100000000 (PBKDF2 rounds; may only be raised)")]
        }
        return []
    }
}
