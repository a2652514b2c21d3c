import CalendarValues
import CenterDomain

/// One line of the audit log (監査ログ): who changed what, when, with the
/// state before and after as JSON. The log is append-only (the schema's
/// triggers refuse UPDATE and DELETE) and has no write endpoint.
public struct AuditEntry: Sendable, Codable, Equatable {
    public let id: Int64
    public let at: Instant
    public let actor: String
    public let action: String
    public let entity: String
    public let entityID: String?
    public let before: String?
    public let after: String?
    public let requestID: String?

    enum CodingKeys: String, CodingKey {
        case id, at, actor, action, entity, before, after
        case entityID = "entity_id"
        case requestID = "request_id"
    }
}
