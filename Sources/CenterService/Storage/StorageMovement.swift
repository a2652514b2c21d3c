import CalendarValues
import CenterDomain
internal import Store

/// One line of an item's log (持出し・返却記録): a check-out for an event to a
/// place, or a return; who took or brought it, when, and who recorded it.
public struct StorageMovement: Sendable, Hashable, Encodable {
    public let id: Int64
    public let kind: Kind
    public let at: Instant
    public let by: String
    public let event: String?
    public let toWhere: String?
    public let recordedBy: String

    /// A check-out for an event, or a return.
    public enum Kind: String, Sendable, Hashable, Codable {
        case checkout
        case returned = "return"
    }

    enum CodingKeys: String, CodingKey {
        case id, kind, at, by, event, toWhere = "to_where", recordedBy = "recorded_by"
    }

    init(row: Row) throws {
        id = try row.get("id")
        kind = try row.get("kind")
        at = try row.get("at")
        by = try row.get("by_name")
        event = try row.get("event")
        toWhere = try row.get("to_where")
        recordedBy = try row.get("recorded_by")
    }
}
