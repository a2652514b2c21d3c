import CalendarValues
import CenterDomain
internal import Store

/// A penalty (ペナルティ) applied to a registration: its points added and, at
/// the policy's threshold, a suspension (`PenaltyPolicy.applying`), audited
/// as `registration.penalty.<event>`. Room bookings and desk passes alike.
enum RegistrationPenalty {
    /// Applies `event` to registration `id` inside the caller's write and
    /// returns the registration as it stood before.
    @discardableResult
    static func apply(_ db: Database, registration id: Int64, event: PenaltyEvent, policy: PenaltyPolicy, actor: String,
                      now: Instant, applied: Registration? = nil) throws -> RegistrationRecord {
        let today = now.japanDate
        let before = try RegistrationRecord.load(db, id: id, today: today)
        let updated = applied ?? policy.applying(event, to: before.registration, on: today)
        try db.run("""
            UPDATE registrations SET penalty_points = ?, status = ?, suspended_until = ?, updated_at = ?, updated_by = ?
            WHERE id = ?
            """, [.integer(Int64(updated.penaltyPoints)), (updated.suspendedUntil == nil ? RegistrationStatus.active : .suspended).sqlValue,
                  updated.suspendedUntil.sqlValue, now.sqlValue, .text(actor), .integer(id)])
        let after = try RegistrationRecord.load(db, id: id, today: today)
        try AuditLog.append(db, at: now, actor: actor, action: "registration.penalty.\(event.rawValue)",
                            entity: "registration", entityID: String(id), before: before, after: after)
        return before
    }
}
