/// Why a caller was not let in: no or bad token (401), or a role that may not
/// do this (403). Stable codes for the API's error body.
public enum AuthError: Error, Sendable, Equatable {
    case missingToken
    case invalidToken
    case forbidden(String)

    public var code: String {
        switch self {
        case .missingToken: "unauthorized"
        case .invalidToken: "invalid_token"
        case .forbidden: "forbidden"
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
