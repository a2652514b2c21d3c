import CalendarValues
import CenterDomain
internal import Store

/// An ad-hoc closure (臨時休館) as stored, with what it did: the bookings it
/// cancelled whole, those it cancelled some days of, the desk passes it
/// cancelled, and every holder to call with their contact. Lifted, its
/// days are open again; what it cancelled stays cancelled, listed here for
/// staff to rebook.
public struct ClosureRecord: Sendable, Encodable {
    /// A booking the closure cancelled some days of, as it stands now.
    public struct DaysCancelled: Sendable, Encodable {
        public let booking: Booking
        public let days: [LocalDate]
        /// Yen this closure refunded (nothing for an unpaid booking, whose fee was lowered).
        public let refund: Int
    }

    /// A holder to call: who, how to reach them, and what of theirs the
    /// closure cancelled.
    public struct AffectedHolder: Sendable, Encodable {
        public let registration: Int64
        public let name: String
        public let contact: String
        public let category: UserCategory
        public let bookings: [Int64]
        public let deskPasses: [Int64]

        enum CodingKeys: String, CodingKey { case registration, name, contact, category, bookings, deskPasses = "desk_passes" }
    }

    public let id: Int64
    public let date: LocalDate
    public let to: LocalDate
    /// Empty when the whole center closed.
    public let facilities: [FacilityID]
    public let reasonJa: String?
    public let reasonEn: String?
    public let createdAt: Instant
    public let createdBy: String
    public let liftedAt: Instant?
    public let liftedBy: String?
    /// Bookings cancelled whole (as they stand now).
    public let cancelled: [Booking]
    public let daysCancelled: [DaysCancelled]
    public let cancelledDeskPasses: [DeskPass]
    /// Nil in the audit log, which keeps no contacts of its own.
    public let holders: [AffectedHolder]?

    enum CodingKeys: String, CodingKey {
        case id, date, to, facilities, cancelled, holders
        case reasonJa = "reason_ja", reasonEn = "reason_en", createdAt = "created_at", createdBy = "created_by"
        case liftedAt = "lifted_at", liftedBy = "lifted_by", daysCancelled = "days_cancelled"
        case cancelledDeskPasses = "cancelled_desk_passes"
    }

    /// The record without holders, as the audit log keeps it.
    var withoutHolders: ClosureRecord {
        ClosureRecord(id: id, date: date, to: to, facilities: facilities, reasonJa: reasonJa, reasonEn: reasonEn,
                      createdAt: createdAt, createdBy: createdBy, liftedAt: liftedAt, liftedBy: liftedBy,
                      cancelled: cancelled, daysCancelled: daysCancelled, cancelledDeskPasses: cancelledDeskPasses,
                      holders: nil)
    }

    static let columns = "id, first_date, last_date, facilities, reason_ja, reason_en, created_at, created_by, lifted_at, lifted_by"

    /// Closure `id` with its effects, or `closure_not_found` (404).
    static func load(_ db: Database, id: Int64) throws -> ClosureRecord {
        guard let row = try db.queryOne("SELECT \(columns) FROM closures WHERE id = ?", [.integer(id)]) else {
            throw Refusal(ClosureLookupCode.closureNotFound, "No closure has id \(id).", details: ["closure": String(id)])
        }
        return try load(db, row: row)
    }

    static func load(_ db: Database, row: Row) throws -> ClosureRecord {
        let id: Int64 = try row.get("id")
        var cancelled: [Booking] = [], days: [DaysCancelled] = [], passes: [DeskPass] = []
        for effect in try db.query("""
            SELECT booking_id, desk_pass_id, outcome, days, refund FROM closure_effects WHERE closure_id = ? ORDER BY rowid
            """, [.integer(id)]) {
            if let pass: Int64 = try effect.get("desk_pass_id") {
                passes.append(try DeskPass.load(db, id: pass))
            } else if let bookingID: Int64 = try effect.get("booking_id") {
                let booking = try Booking.load(db, id: bookingID)
                if try effect.get("outcome") as String == "days_cancelled" {
                    let dates = (try effect.get("days") as String).split(separator: ",").compactMap { LocalDate(String($0)) }
                    days.append(DaysCancelled(booking: booking, days: dates, refund: try effect.get("refund")))
                } else {
                    cancelled.append(booking)
                }
            }
        }
        let registrations = cancelled.map(\.registration) + days.map(\.booking.registration) + passes.map(\.registration)
        let people = try Holder.load(db, ids: registrations)
        let holders = people.values.sorted { $0.registration < $1.registration }.map { holder in
            AffectedHolder(registration: holder.registration, name: holder.name, contact: holder.contact, category: holder.category,
                           bookings: (cancelled + days.map(\.booking)).filter { $0.registration == holder.registration }
                               .map(\.id).sorted(),
                           deskPasses: passes.filter { $0.registration == holder.registration }.map(\.id).sorted())
        }
        return ClosureRecord(id: id, date: try row.get("first_date"), to: try row.get("last_date"),
                             facilities: (try row.get("facilities") as String).split(separator: ",").map { FacilityID(String($0)) },
                             reasonJa: try row.get("reason_ja"), reasonEn: try row.get("reason_en"),
                             createdAt: try row.get("created_at"), createdBy: try row.get("created_by"),
                             liftedAt: try row.get("lifted_at"), liftedBy: try row.get("lifted_by"),
                             cancelled: cancelled, daysCancelled: days, cancelledDeskPasses: passes, holders: holders)
    }
}

/// No closure has the id.
public enum ClosureLookupCode: String, ErrorCode {
    case closureNotFound = "closure_not_found"
}

/// A closure is lifted once.
public enum ClosureLiftCode: String, ErrorCode {
    case closureAlreadyLifted = "closure_already_lifted"
}

extension OpeningCalendar {
    /// What `closures` refuses with.
    public typealias ClosureListRefusal = Refusals<DateRangeCode, FacilityLookupCode>
    /// What `liftClosure` refuses with.
    public typealias LiftRefusal = Refusals<IdempotencyCode, ClosureLookupCode, ClosureLiftCode>

    /// The most closures `closures` lists in one answer.
    public static let maximumClosures = 500

    /// The ad-hoc closures touching `from`…`to` (either end open), of
    /// `facility` (a closure of the whole center closes it too), lifted ones
    /// included; by first date, then id, at most `maximumClosures`.
    public func closures(from: LocalDate?, to: LocalDate?, facility: FacilityID?)
        async throws(ServiceError<ClosureListRefusal>) -> [ClosureRecord] {
        try await context.run(ClosureListRefusal.self) {
            if let from, let to, from > to {
                throw Refusal(DateRangeCode.dateRangeInvalid, "`from` (\(from)) is after `to` (\(to)).",
                              details: ["from": from.description, "to": to.description])
            }
            if let facility, settings.center.facility(facility) == nil {
                throw Refusal(FacilityLookupCode.facilityNotFound, "No facility has id \(TextRule.echo(facility.rawValue)).",
                              details: ["facility": facility.rawValue])
            }
            var filter = SQLConditions()
            filter.add("first_date <= ?", to.map(\.sqlValue))
            filter.add("last_date >= ?", from.map(\.sqlValue))
            if let facility {
                filter.add("(facilities = '' OR ',' || facilities || ',' LIKE ?)", .text("%,\(facility.rawValue),%"))
            }
            let query = "SELECT \(ClosureRecord.columns) FROM closures" + filter.clause + " ORDER BY first_date, id LIMIT ?"
            let values = filter.arguments + [.integer(Int64(Self.maximumClosures))]
            return try await pool.read { db in try db.query(query, values).map { try ClosureRecord.load(db, row: $0) } }
        }
    }

    /// Closure `id` with what it did and whom to call.
    public func closure(id: Int64) async throws(ServiceError<ClosureLookupCode>) -> ClosureRecord {
        try await context.run(ClosureLookupCode.self) { try await pool.read { db in try ClosureRecord.load(db, id: id) } }
    }

    /// Lifts closure `id` (臨時休館の解除): its days open again for booking
    /// from now; the bookings and passes it cancelled stay cancelled (their
    /// refunds are decided and their slots may be taken since), listed in
    /// the answer with their holders for staff to call and rebook.
    /// `closure_already_lifted` (409) the second time.
    public func liftClosure(id: Int64, by actor: Actor, idempotency: IdempotencyKey? = nil)
        async throws(ServiceError<LiftRefusal>) -> Recorded<ClosureRecord> {
        try await context.run(LiftRefusal.self) {
            try await context.recordedWrite(.closureLift, LiftRefusal.self, actor: actor, idempotency: idempotency) { db, now in
                let before = try ClosureRecord.load(db, id: id)
                if let liftedAt = before.liftedAt {
                    throw Refusal(ClosureLiftCode.closureAlreadyLifted, "Closure \(id) was lifted at \(liftedAt.rfc3339).",
                                  details: ["closure": String(id), "lifted_at": liftedAt.rfc3339])
                }
                try db.run("UPDATE closures SET lifted_at = ?, lifted_by = ? WHERE id = ?",
                           [now.sqlValue, .text(actor.auditLabel), .integer(id)])
                let after = try ClosureRecord.load(db, id: id)
                try AuditLog.append(db, at: now, actor: actor.auditLabel, action: "closure.lift", entity: "closure",
                                    entityID: String(id), before: before.withoutHolders, after: after.withoutHolders)
                return try Encoded(after)
            }
        }
    }
}
