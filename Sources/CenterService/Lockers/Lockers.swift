import CalendarValues
import CenterDomain
internal import Store

/// Mobile lockers usable as a registered address (法人登記用ロッカー): their
/// state, leases and the rules of letting them (docs/DOMAIN.md "Mobile lockers").
public struct Lockers: AreaService {
    let context: ServiceContext

    /// Every configured locker with its status today (`GET /lockers`).
    public func all() async throws -> [LockerState] {
        let configuration = settings.center.lockers
        let now = clock.now()
        return try await pool.read { db in
            let letting = LockerLetting(configuration: configuration, db: db, now: now, actor: "")
            let statuses = try letting.statuses()
            var leases: [String: Int64] = [:]
            for row in try db.query("SELECT id, locker_id FROM locker_leases WHERE state = 'active'") {
                leases[try row.get("locker_id")] = try row.get("id")
            }
            var offers: [String: Int64] = [:]
            for row in try db.query("SELECT id, locker_id FROM locker_offers WHERE state = 'open'") {
                offers[try row.get("locker_id")] = try row.get("id")
            }
            return configuration.ids.map { id in
                let status = statuses[id] ?? .free
                return LockerState(id: id, state: status.kind, until: status.until,
                                   lease: status.kind == .leased ? leases[id.rawValue] : nil,
                                   offer: status.kind == .offered ? offers[id.rawValue] : nil)
            }
        }
    }

    /// What letting a locker refuses with: the lessee's registration, the
    /// term, the lessee and its documents, one lease per company, a free locker.
    public typealias LeaseRefusal = Refusals<
        IdempotencyCode, LockerLettingCode, RegistrationLookupCode, RegistrationActiveCode, Registration.ValidityCode,
        LockerLeaseTerms.Code, LockerLessee.Code, LesseeCheck.Code, CompanyLeaseCode
    >

    /// Lets a locker (`POST /locker-leases`) in one write with every rule:
    /// corporate number or founder deadline, document checks, one lease per
    /// company, term limits, a free locker; audited; the fee and what is owed
    /// in the answer.
    public func lease(_ request: LockerLeaseRequest, by actor: Actor,
                      idempotency: IdempotencyKey? = nil) async throws(ServiceError<LeaseRefusal>) -> Recorded<LockerLease> {
        try await context.run(LeaseRefusal.self) {
            guard let registration = request.registration else {
                throw Refusal(LockerLettingCode.registrationRequired, "A lease names the lessee's registration.")
            }
            let configuration = settings.center.lockers
            return try await context.recordedWrite(.lockerLeaseCreate, LeaseRefusal.self, actor: actor,
                                                   idempotency: idempotency) { db, now in
                try LockerLetting(configuration: configuration, db: db, now: now, actor: actor.auditLabel)
                    .lease(request, registration: registration, offeredLocker: nil, offer: nil)
            }
        }
    }

    /// Lease `id`.
    public func lease(id: Int64) async throws(ServiceError<LockerLeaseLookupCode>) -> LockerLease {
        try await context.run(LockerLeaseLookupCode.self) {
            try await pool.read { db in try LockerLease.load(db, id: id) }
        }
    }

    /// Leases, ending soonest first: active ones ending within `endingWithinDays`
    /// of today (reminders), else those in `state` (default active).
    public func leases(endingWithinDays: Int?, state: LockerLeaseState?, registration: Int64?) async throws -> [LockerLease] {
        let today = context.today
        var sql = "SELECT \(LockerLease.columns) FROM locker_leases WHERE state = ?"
        var arguments: [SQLValue] = [(endingWithinDays == nil ? state ?? .active : .active).sqlValue]
        if let endingWithinDays {
            sql += " AND end_date >= ? AND end_date <= ?"
            arguments += [today.sqlValue, today.adding(days: endingWithinDays).sqlValue]
        }
        if let registration {
            sql += " AND registration_id = ?"
            arguments.append(.integer(registration))
        }
        sql += " ORDER BY end_date, id"
        let query = sql, values = arguments
        return try await pool.read { db in try db.query(query, values).map(LockerLease.init(row:)) }
    }

    /// What `renew` refuses with.
    public typealias RenewRefusal = Refusals<
        IdempotencyCode, LockerLeaseLookupCode, LockerLeaseStateCode, LockerLeaseTerms.Code, Registration.ValidityCode
    >

    /// Renews (更新) by `renewalMonths`, or what is left of the total limit
    /// (`LockerLeaseTerms.renewal`); the fee for the added months is owed.
    public func renew(lease id: Int64, by actor: Actor, idempotency: IdempotencyKey? = nil)
        async throws(ServiceError<RenewRefusal>) -> Recorded<LockerLease> {
        try await context.run(RenewRefusal.self) {
            let terms = LockerLeaseTerms(settings.center.lockers)
            return try await context.recordedWrite(.lockerLeaseRenew, RenewRefusal.self, actor: actor,
                                                   idempotency: idempotency) { db, now in
                let before = try LockerLease.loadActive(db, id: id)
                let renewed = try terms.renewal(start: before.startDate, monthsSoFar: before.months)
                // The renewed term needs a registration valid on its first day.
                let firstDay = max(before.endDate.adding(days: 1), now.japanDate)
                try RegistrationRecord.load(db, id: before.registration, today: now.japanDate).registration.checkValid(on: firstDay)
                let added = renewed.months - before.months
                try db.run("""
                    UPDATE locker_leases SET months = ?, end_date = ?, amount_owed = amount_owed + ?, updated_at = ?, updated_by = ?
                    WHERE id = ?
                    """, [.integer(Int64(renewed.months)), renewed.end.sqlValue, .integer(Int64(added * before.monthlyFee)),
                          now.sqlValue, .text(actor.auditLabel), .integer(id)])
                return try Self.auditedLease(db, id: id, before: before, action: "locker_lease.renew", actor: actor.auditLabel, now: now)
            }
        }
    }

    /// What `terminate` refuses with.
    public typealias TerminateRefusal = Refusals<IdempotencyCode, LockerLeaseLookupCode, LockerLeaseStateCode>
    /// What `confirmAddressMoved` refuses with.
    public typealias AddressMoveRefusal = Refusals<IdempotencyCode, LockerLeaseLookupCode, AddressMoveCode>

    /// Terminates (解約) today. The locker then cools off until the address move
    /// (本店移転登記) is confirmed or `coolingOffDays` pass. A lease that has
    /// not started yet is cancelled instead, and the locker is free at once
    /// (offered to the first in line).
    public func terminate(lease id: Int64, by actor: Actor,
                          idempotency: IdempotencyKey? = nil)
        async throws(ServiceError<TerminateRefusal>) -> Recorded<LockerLease> {
        try await context.run(TerminateRefusal.self) {
            let configuration = settings.center.lockers
            let terms = LockerLeaseTerms(configuration)
            return try await context.recordedWrite(.lockerLeaseTerminate, TerminateRefusal.self, actor: actor,
                                                   idempotency: idempotency) { db, now in
                let before = try LockerLease.loadActive(db, id: id)
                let today = now.japanDate
                if today < before.startDate {
                    try db.run("""
                        UPDATE locker_leases SET state = 'cancelled', ended_reason = 'cancelled', ended_on = ?, relettable_from = ?,
                            updated_at = ?, updated_by = ? WHERE id = ?
                        """, [today.sqlValue, today.sqlValue, now.sqlValue,
                              .text(actor.auditLabel), .integer(id)])
                } else {
                    let end = min(today, before.endDate)
                    try db.run("""
                        UPDATE locker_leases SET state = 'ended', ended_reason = 'terminated', ended_on = ?, end_date = ?,
                            relettable_from = ?, updated_at = ?, updated_by = ? WHERE id = ?
                        """, [today.sqlValue, end.sqlValue,
                              terms.relettableFrom(end: end, moveConfirmedOn: nil).sqlValue,
                              now.sqlValue, .text(actor.auditLabel), .integer(id)])
                }
                let after = try Self.auditedLease(db, id: id, before: before, action: "locker_lease.terminate", actor: actor.auditLabel, now: now)
                try LockerLetting(configuration: configuration, db: db, now: now, actor: actor.auditLabel).offerFreeLockers()
                return after
            }
        }
    }

    /// Staff confirm the former lessee moved its registered address
    /// (本店移転登記の確認): the locker may be let from the next day.
    public func confirmAddressMoved(lease id: Int64, by actor: Actor,
                                    idempotency: IdempotencyKey? = nil)
        async throws(ServiceError<AddressMoveRefusal>) -> Recorded<LockerLease> {
        try await context.run(AddressMoveRefusal.self) {
            let terms = LockerLeaseTerms(settings.center.lockers)
            return try await context.recordedWrite(.lockerLeaseAddressMoved, AddressMoveRefusal.self, actor: actor,
                                                   idempotency: idempotency) { db, now in
                let before = try LockerLease.load(db, id: id)
                guard before.state == .ended else {
                    throw Refusal(AddressMoveCode.leaseNotEnded, "Only an ended lease awaits the address move; lease \(id) is \(before.state).",
                                  details: ["lease": String(id), "state": before.state.rawValue])
                }
                let today = now.japanDate
                let moved = before.addressMovedOn ?? today
                try db.run("""
                    UPDATE locker_leases SET address_moved_on = ?, relettable_from = ?, updated_at = ?, updated_by = ? WHERE id = ?
                    """, [moved.sqlValue, terms.relettableFrom(end: before.endDate, moveConfirmedOn: moved).sqlValue,
                          now.sqlValue, .text(actor.auditLabel), .integer(id)])
                return try Self.auditedLease(db, id: id, before: before, action: "locker_lease.address_moved", actor: actor.auditLabel, now: now)
            }
        }
    }

    /// What `supplyCorporateNumber` refuses with.
    public typealias CorporateNumberRefusal = Refusals<
        IdempotencyCode, LockerLeaseLookupCode, LockerLeaseStateCode, CorporateNumberSetCode, LockerLessee.Code, CompanyLeaseCode
    >

    /// A founder supplies the corporate number after incorporation (check
    /// digit verified; one active lease per company).
    public func supplyCorporateNumber(lease id: Int64, number text: String, by actor: Actor,
                                      idempotency: IdempotencyKey? = nil)
        async throws(ServiceError<CorporateNumberRefusal>) -> Recorded<LockerLease> {
        try await context.run(CorporateNumberRefusal.self) {
            let configuration = settings.center.lockers
            return try await context.recordedWrite(.lockerLeaseCorporateNumber, CorporateNumberRefusal.self, actor: actor,
                                                   idempotency: idempotency) { db, now in
                let before = try LockerLease.loadActive(db, id: id)
                guard before.corporateNumber == nil else {
                    throw Refusal(CorporateNumberSetCode.corporateNumberAlreadySet, "Lease \(id) already has its corporate number.",
                                  details: ["lease": String(id)])
                }
                let number = try LockerLessee.verified(text)
                let lessee = try RegistrationRecord.load(db, id: before.registration, today: now.japanDate)
                try LockerLessee.checkMatches(number, recorded: lessee.evidence.corporateNumber)
                try LockerLetting(configuration: configuration, db: db, now: now, actor: actor.auditLabel)
                    .refuseSecondLease(registration: nil, corporateNumber: number, except: id)
                try db.run("UPDATE locker_leases SET corporate_number = ?, updated_at = ?, updated_by = ? WHERE id = ?",
                           [.text(number.digits), now.sqlValue, .text(actor.auditLabel), .integer(id)])
                return try Self.auditedLease(db, id: id, before: before, action: "locker_lease.corporate_number",
                                             actor: actor.auditLabel, now: now)
            }
        }
    }

    static func auditedLease(_ db: Database, id: Int64, before: LockerLease, action: String, actor: String,
                             now: Instant) throws -> Encoded<LockerLease> {
        try AuditLog.appendEncoded(db, at: now, actor: actor, action: action, entity: "locker_lease", id: id,
                                   before: before, after: LockerLease.load(db, id: id))
    }
}
