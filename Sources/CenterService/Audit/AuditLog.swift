import CalendarValues
import CenterDomain
import JSON
internal import Store

/// Writes and reads the audit log. `append` runs inside the caller's write
/// transaction, so a change and its audit line commit together or not at all.
///
/// Each line carries the id of the request that made the change: the API
/// runs each request's work under `CenterService.withRequestID`, every write
/// it queues carries the id (`DatabasePool.writeOrigin`), and `append` reads
/// it from the write's connection. The service itself knows nothing of HTTP;
/// a timer's lines have none.
enum AuditLog {
    /// Appends one entry; `before` and `after` are encoded as JSON. The
    /// request id, when not given, is the one the write was queued under.
    static func append(_ db: Database, at: Instant, actor: String, action: String, entity: String,
                       entityID: String?, before: (any Encodable)? = nil, after: (any Encodable)? = nil,
                       requestID: String? = nil) throws {
        try db.run(insertEntry, [at.sqlValue, .text(actor), .text(action), .text(entity),
                  entityID.map { .text($0) } ?? .null, try json(before), try json(after),
                  (requestID ?? db.writeOrigin).map { .text($0) } ?? .null])
    }

    static let insertEntry = SQL("""
        INSERT INTO audit_log (at, actor, action, entity, entity_id, before, after, request_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """)

    /// Appends the change of `entity` `id` whose result is `after`, encoded
    /// once: the value comes back with those bytes, for the answer and the
    /// idempotency record.
    static func appendEncoded<T: Encodable & Sendable>(_ db: Database, at: Instant, actor: String, action: String,
                                                       entity: String, id: Int64, before: (any Encodable)? = nil,
                                                       after value: T) throws -> Encoded<T> {
        let after = try Encoded(value)
        try append(db, at: at, actor: actor, action: action, entity: entity, entityID: String(id), before: before, after: after)
        return after
    }

    /// Entries at or after `since`, oldest first, at most `limit`, starting after id `afterID`.
    static func entries(_ db: Database, since: Instant, afterID: Int64 = 0, limit: Int = 500) throws -> [AuditEntry] {
        try db.query("""
            SELECT id, at, actor, action, entity, entity_id, before, after, request_id FROM audit_log
            WHERE at >= ? AND id > ? ORDER BY id LIMIT ?
            """, [since.sqlValue, .integer(afterID), .integer(Int64(limit))]).map { row in
            AuditEntry(id: try row.get("id"), at: try row.get("at"),
                       actor: try row.get("actor"), action: try row.get("action"), entity: try row.get("entity"),
                       entityID: try row.get("entity_id"), before: try row.get("before"), after: try row.get("after"),
                       requestID: try row.get("request_id"))
        }
    }

    /// `value` as the audit log's JSON (`JSONCodec`); a value already
    /// encoded in this write (`Encoded`) gives its bytes, not a second encoding.
    private static func json(_ value: (any Encodable)?) throws -> SQLValue {
        guard let value else { return .null }
        if let encoded = value as? any PreEncodedJSON { return .text(String(decoding: encoded.json, as: UTF8.self)) }
        return .text(try JSONCodec.text(of: value))
    }
}
