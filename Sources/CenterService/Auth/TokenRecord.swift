import CalendarValues
import CenterDomain

/// A stored token's public facts (never its secret or hash).
public struct TokenRecord: Sendable, Codable, Equatable {
    public let id: Int64
    public let role: Role
    public let name: String
    public let registrationID: Int64?
    public let createdAt: Instant
    public let expiresAt: Instant?
    public let revokedAt: Instant?

    enum CodingKeys: String, CodingKey {
        case id, role, name
        case registrationID = "registration_id"
        case createdAt = "created_at"
        case expiresAt = "expires_at"
        case revokedAt = "revoked_at"
    }
}
