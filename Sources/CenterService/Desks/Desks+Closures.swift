import CalendarValues
import CenterDomain
internal import Store

extension Desks {
    /// Cancels, on the center's behalf and without penalty, the live desk
    /// passes on `first`…`last` when a closure shuts the desk pool (named, or
    /// the whole center when `facilities` is empty). Runs inside the caller's
    /// write transaction, so the closure and its cancellations commit together.
    static func cancelPassesClosed(_ db: Database, from first: LocalDate, to last: LocalDate, facilities: [String],
                                   deskPool: FacilityID, reason: String, actor: String, now: Instant) throws -> [DeskPass] {
        guard facilities.isEmpty || facilities.contains(deskPool.rawValue) else { return [] }
        let hit = try db.query("""
            SELECT \(DeskPass.columns) FROM desk_passes WHERE state IN ('booked', 'checked_in') AND date BETWEEN ? AND ?
            ORDER BY id
            """, [first.sqlValue, last.sqlValue]).map(DeskPass.init(row:))
        return try hit.map { before in
            try db.run("UPDATE desk_passes SET state = 'cancelled', cancelled_at = ?, cancelled_by = ? WHERE id = ?",
                       [now.sqlValue, .text(actor), .integer(before.id)])
            try DeskLedger.release(db, pass: before.id)
            return try Self.audited(db, pass: before.id, before: before, action: "desk_pass.cancel_closed: \(reason)",
                                    actor: actor, now: now).value
        }
    }
}
