import JSON
internal import Store

/// Redacts the audit lines that concern an erased registration: the only
/// update the audit log's trigger allows (schema version 6). A line keeps its
/// id, time, action, entity and request id; its `before`, `after` and
/// `actor` lose the erased values, and `redacted_at` records when.
///
/// In a line about one of the registration's own things (the registration,
/// its bookings, passes, leases, waitlist entries, offers, storage
/// applications, allocations and items, its member tokens) every value under
/// a personal key (`PersonalData.auditKeys`) is replaced. In any other line
/// (a closure that cancelled its bookings, an offer made because its member
/// declined one) only objects whose `registration` or `registration_id` is
/// the erased registration are, and the erased values themselves (its name,
/// contact, its members' labels) wherever they appear.
struct AuditRedaction {
    let registration: Int64
    /// Erased strings and what replaces each.
    let replacements: [String: String]

    /// Redacts the lines found for the registration; returns how many
    /// changed. `ownEntities` are named by integer id, `ownNamedEntities` by
    /// text (a receipt by its number).
    func redact(_ db: Database, ownEntities: [String: [Int64]], ownNamedEntities: [String: [String]] = [:], actors: [String],
                at now: Int64) throws -> Int {
        var lines: [Int64: (own: Bool, actor: String, before: String?, after: String?)] = [:]
        func collect(_ rows: [Row], own: Bool) throws {
            for row in rows {
                let id: Int64 = try row.get("id")
                let existing = lines[id]
                lines[id] = (own || (existing?.own ?? false), try row.get("actor"), try row.get("before"), try row.get("after"))
            }
        }
        let columns = "SELECT id, actor, before, after FROM audit_log"
        for (entity, ids) in ownEntities.mapValues({ $0.map(String.init) }).merging(ownNamedEntities, uniquingKeysWith: +) {
            for id in ids {
                try collect(try db.query("\(columns) WHERE entity = ? AND entity_id = ?", [.text(entity), .text(id)]), own: true)
            }
        }
        for actor in actors {
            try collect(try db.query("\(columns) WHERE actor = ?", [.text(actor)]), own: false)
        }
        for entity in ["closure", "roadmap_item"] {
            try collect(try db.query("""
                \(columns) WHERE entity = ? AND (instr(after, ?) > 0 OR instr(after, ?) > 0 OR instr(before, ?) > 0 OR instr(before, ?) > 0)
                """, [.text(entity), .text("\"registration\":\(registration),"), .text("\"registration\":\(registration)}"),
                      .text("\"registration\":\(registration),"), .text("\"registration\":\(registration)}")]), own: false)
        }
        var changed = 0
        for (id, line) in lines.sorted(by: { $0.key < $1.key }) {
            let before = try line.before.map { try redact(json: $0, own: line.own) }
            let after = try line.after.map { try redact(json: $0, own: line.own) }
            let actor = replacements[line.actor] ?? line.actor
            guard before != line.before || after != line.after || actor != line.actor else { continue }
            try db.run("UPDATE audit_log SET actor = ?, before = ?, after = ?, redacted_at = ? WHERE id = ?",
                       [.text(actor), before.map { .text($0) } ?? .null, after.map { .text($0) } ?? .null,
                        .integer(now), .integer(id)])
            changed += 1
        }
        return changed
    }

    /// The JSON text with the erased values replaced; members keep their
    /// order (the audit log's, sorted), so only the erased values change.
    func redact(json text: String, own: Bool) throws -> String {
        let value = try JSONReader.parse(Array(text.utf8))
        let redacted = redact(value, everyKey: own)
        return redacted == value ? text : String(decoding: redacted.serialized(), as: UTF8.self)
    }

    private func redact(_ value: JSONValue, everyKey: Bool) -> JSONValue {
        switch value {
        case .string(let text):
            return replacements[text].map(JSONValue.string) ?? value
        case .array(let items):
            return .array(items.map { redact($0, everyKey: everyKey) })
        case .object(let fields):
            let id = JSONValue.int(Int(registration))
            let ours = everyKey || value["registration"] == id || value["registration_id"] == id
            return .object(fields.map { key, field in
                if ours, PersonalData.auditKeys.contains(key), field != .null { return (key, .string(PersonalData.erased)) }
                return (key, redact(field, everyKey: everyKey))
            })
        default:
            return value
        }
    }
}
