import JSON

/// Every state change has exactly one audit line: the entities whose rows a
/// step changed are exactly the entities its new audit lines name (a
/// booking's units belong to the booking, a penalty to its registration, a
/// waitlist entry's state to its offer's lines, a lottery entry's outcome
/// to its round's draw line), and each entity's lines
/// chain: a line's `before` is the previous line's `after` (so no change
/// went unlogged between them and no line was written twice), a creation is
/// logged once, and a booking moves only along its lifecycle. Fields the
/// service derives on reading (a registration's `status` of the day) are
/// left out of the comparison.
final class AuditTrailInvariant: Invariant {
    let name = "audit.one_line_per_change"

    /// The last `after` of each entity, as the log has it.
    private var lastAfter: [String: JSONValue] = [:]
    private var lastSeen: Int64 = 0

    /// Fields derived on reading, by entity.
    static let derived: [String: Set<String>] = ["registration": ["status"]]
    /// Entities whose lines do not carry the entity itself, or not always.
    static let unchained: Set<String> = ["locker_waitlist", "closure", "waiting_entry"]
    /// Actions that record an event about an entity (its `after` is not the entity).
    static let events: Set<String> = ["locker_lease.reminder", "locker_lease.corporate_number_overdue", "waiting_list.acceptance_refused"]
    /// Fields that record who changed an entity last and when: a line whose
    /// before and after differ only in them records no change of state.
    static let bookkeeping: Set<String> = ["updated_at", "updated_by"]
    /// Actions that record what staff or a planner did even when it changed
    /// nothing: a PATCH that sets what is already set is still a person's act
    /// (our decision, docs/TESTING.md).
    static let acts: Set<String> = ["registration.update", "roadmap.item.update"]
    /// The booking lifecycle (docs/DOMAIN.md "Payment, use and lapse").
    static let lifecycle: [String: Set<String>] = [
        "provisional": ["paid", "lapsed", "cancelled_by_user", "cancelled_by_center", "no_show"],
        "paid": ["checked_in", "cancelled_by_user", "cancelled_by_center", "no_show"],
        "checked_in": ["done"],
    ]

    func check(_ c: StepCheck) throws -> [String] {
        // Nothing changed and no line was written: nothing to judge.
        guard !c.changedTables.isEmpty else { return [] }
        let lines = try c.db.rows("""
            SELECT id, action, entity, entity_id, before, after FROM audit_log WHERE id > ? ORDER BY id
            """, [.int(lastSeen)])
        lastSeen = max(lastSeen, c.after.lastAuditID)
        var problems: [String] = []
        var logged: Set<String> = []
        let changed = c.before.changedEntities(to: c.after)
        let changedNow = changed
        for line in lines {
            guard let id = line[0].int, let action = line[1].text, let entity = line[2].text else { continue }
            let key = "\(entity):\(line[3].text ?? "")"
            if !Self.acts.contains(action) || changedNow.contains(key) { logged.insert(key) }
            if entity == "locker_offer", let offer = line[3].text.flatMap(Int64.init),
               let entry = try c.db.rows("SELECT waitlist_id FROM locker_offers WHERE id = ?", [.int(offer)]).first?.first?.int {
                logged.insert("locker_waitlist:\(entry)")
            }
            // The draw's line records every entry's outcome (its result ranks them all).
            if action == "lottery.draw", let parts = line[3].text?.split(separator: "/"), parts.count == 2 {
                for row in try c.db.rows("SELECT id FROM lottery_entries WHERE round_id = ? AND use_month = ? AND state IN ('won', 'lost')",
                                         [.text(String(parts[0])), .text(String(parts[1]))]) {
                    if let id = row.first?.int { logged.insert("lottery_entry:\(id)") }
                }
            }
            guard !Self.unchained.contains(entity), !Self.events.contains(action) else { continue }
            let before = try line[4].text.map { try Self.stable(entity, $0) }
            let after = try line[5].text.map { try Self.stable(entity, $0) }
            switch (before, lastAfter[key]) {
            case (nil, _?) where after != nil:
                problems.append("audit line \(id) (\(action)) creates \(key) a second time")
            case (let before?, let last?) where before != last:
                problems.append("audit line \(id) (\(action)): \(key) before it is not what the previous line left")
            default:
                break
            }
            if let before, let after, Self.withoutBookkeeping(before) == Self.withoutBookkeeping(after), !Self.acts.contains(action) {
                problems.append("audit line \(id) (\(action)) records no change of \(key)")
            }
            if entity == "booking", case .string(let from)? = before?["state"], case .string(let to)? = after?["state"],
               from != to, !(Self.lifecycle[from] ?? []).contains(to) {
                problems.append("audit line \(id) (\(action)) moves booking \(line[3]) from \(from) to \(to), outside its lifecycle")
            }
            if let after { lastAfter[key] = after }
        }
        for key in changed.subtracting(logged).sorted() { problems.append("\(key) changed without an audit line") }
        for key in logged.subtracting(changed).sorted() { problems.append("an audit line names \(key), which did not change") }
        return problems
    }

    static func withoutBookkeeping(_ value: JSONValue) -> JSONValue {
        guard case .object(let pairs) = value else { return value }
        return .object(pairs.filter { !bookkeeping.contains($0.0) })
    }

    /// The JSON of an audit image without the fields derived on reading.
    static func stable(_ entity: String, _ text: String) throws -> JSONValue {
        let value = try JSONReader.parse(Array(text.utf8))
        guard let derived = derived[entity], case .object(let pairs) = value else { return value }
        return .object(pairs.filter { !derived.contains($0.0) })
    }
}
