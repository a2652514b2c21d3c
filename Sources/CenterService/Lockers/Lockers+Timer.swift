import CalendarValues
import CenterDomain
internal import Store

extension Lockers {
    /// The locker timer's work at `now`, in one write: offers past their last
    /// day expire (the applicant leaves the list); leases past their end date
    /// end and cool off; reminders due 60 and 30 days before an end are
    /// written to the audit log, each once, and so is a founder's corporate
    /// number still missing after its due date; then freed lockers are
    /// offered to the next in line. The service's timer calls it; tests call it directly.
    @discardableResult
    public func advance(now: Instant) async throws -> LockerAdvance {
        let configuration = settings.center.lockers
        let terms = LockerLeaseTerms(configuration)
        let actor = "system:timer"
        return try await pool.write { db in
            let today = now.japanDate
            var advance = LockerAdvance()
            for row in try db.query("SELECT id FROM locker_offers WHERE state = 'open' AND expires_on < ? ORDER BY id",
                                    [today.sqlValue]) {
                let offer = try LockerOffer.load(db, id: try row.get("id"))
                try Self.decide(db, offer: offer, state: .expired, now: now, actor: actor)
                advance.expiredOffers.append(offer.id)
            }
            for row in try db.query("SELECT id FROM locker_leases WHERE state = 'active' AND end_date < ? ORDER BY id",
                                    [today.sqlValue]) {
                let before = try LockerLease.load(db, id: try row.get("id"))
                try db.run("""
                    UPDATE locker_leases SET state = 'ended', ended_reason = 'expired', ended_on = end_date, relettable_from = ?,
                        updated_at = ?, updated_by = ? WHERE id = ?
                    """, [terms.relettableFrom(end: before.endDate, moveConfirmedOn: nil).sqlValue,
                          now.sqlValue, .text(actor), .integer(before.id)])
                _ = try Self.auditedLease(db, id: before.id, before: before, action: "locker_lease.expire", actor: actor, now: now)
                advance.endedLeases.append(before.id)
            }
            for row in try db.query("SELECT id, end_date FROM locker_leases WHERE state = 'active' ORDER BY end_date, id") {
                let id: Int64 = try row.get("id")
                let end: LocalDate = try row.get("end_date")
                for days in terms.reminderDays where end.adding(days: -days) <= today && today <= end {
                    let written = try db.run("""
                        INSERT OR IGNORE INTO locker_reminders (lease_id, kind, due_on, days_before, sent_on)
                        VALUES (?, 'lease_end', ?, ?, ?)
                        """, [.integer(id), end.sqlValue, .integer(Int64(days)), today.sqlValue])
                    guard written > 0 else { continue }
                    let reminder = LockerReminder(lease: id, endDate: end, daysBefore: days)
                    try AuditLog.append(db, at: now, actor: actor, action: "locker_lease.reminder", entity: "locker_lease",
                                        entityID: String(id), after: reminder)
                    advance.reminders.append(reminder)
                }
            }
            for row in try db.query("""
                SELECT id, corporate_number_due FROM locker_leases
                WHERE state = 'active' AND corporate_number IS NULL AND corporate_number_due < ? ORDER BY id
                """, [today.sqlValue]) {
                let id: Int64 = try row.get("id")
                let due: LocalDate = try row.get("corporate_number_due")
                let written = try db.run("""
                    INSERT OR IGNORE INTO locker_reminders (lease_id, kind, due_on, days_before, sent_on)
                    VALUES (?, 'corporate_number_overdue', ?, 0, ?)
                    """, [.integer(id), due.sqlValue, today.sqlValue])
                guard written > 0 else { continue }
                try AuditLog.append(db, at: now, actor: actor, action: "locker_lease.corporate_number_overdue", entity: "locker_lease",
                                    entityID: String(id), after: ["corporate_number_due": due.description])
                advance.overdueCorporateNumbers.append(id)
            }
            advance.newOffers = try LockerLetting(configuration: configuration, db: db, now: now, actor: actor).offerFreeLockers()
            return advance
        }
    }

    /// Runs `advance(now:)` now and then at every midnight in Japan (the
    /// locker rules change only from one day to the next).
    func runTimer() async {
        while !Task.isCancelled {
            let now = clock.now()
            _ = await context.timerRound("lockers.advance") { try await advance(now: now) }
            do {
                try await clock.sleep(until: now.japanDate.adding(days: 1).startInJapan)
            } catch {
                return
            }
        }
    }
}
