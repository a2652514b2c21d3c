import CenterDomain

/// Why a caller was not let in: no token where a role is needed, an unknown,
/// revoked or expired token, or a role that may not do this. The API adds
/// these codes to every operation's by its access.
public enum AuthError: Error, Sendable, Equatable {
    case missingToken
    case invalidToken
    case forbidden(String)

    /// The codes of `AuthError`.
    public enum Code: String, ErrorCode {
        case unauthorized
        case invalidToken = "invalid_token"
        case forbidden
    }

    public var code: Code {
        switch self {
        case .missingToken: .unauthorized
        case .invalidToken: .invalidToken
        case .forbidden: .forbidden
        }
    }

    public var message: String {
        switch self {
        case .missingToken: "this endpoint needs an `Authorization: Bearer <token>` header"
        case .invalidToken: "the token is unknown, revoked or expired"
        case .forbidden(let why): why
        }
    }
}
