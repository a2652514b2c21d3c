import CalendarValues
import CenterDomain
import JSON
internal import Store

/// Registrations (利用登録): registering a user with checked eligibility,
/// reading, changing and renewing them, and the member account of each.
public struct Registrations: AreaService {
    let context: ServiceContext

    /// What `register` refuses with.
    public typealias RegisterRefusal = Refusals<IdempotencyCode, RegistrationFieldCode, Eligibility.Code, RegistrationValidity.Code>

    /// Registers a user (利用登録): checks the name, the eligibility evidence
    /// of the category (`Eligibility`) and the validity (`RegistrationValidity`,
    /// at most 2 years), stores it and audits it, in one write.
    public func register(_ input: RegistrationInput, by actor: Actor,
                         idempotency: IdempotencyKey? = nil)
        async throws(ServiceError<RegisterRefusal>) -> Recorded<RegistrationRecord> {
        try await context.run(RegisterRefusal.self) {
            let center = settings.center
            return try await context.recordedWrite(.registrationCreate, RegisterRefusal.self, actor: actor,
                                                   idempotency: idempotency) { db, now in
                let today = now.japanDate
                try Self.checkName(input.name)
                try Self.checkContact(input.contact)
                try Eligibility.check(input.evidence, for: input.category)
                let validFrom = input.validFrom ?? today
                let validUntil = input.validUntil ?? center.registration.longestValidUntil(issued: validFrom)
                try center.registration.check(validFrom: validFrom, validUntil: validUntil)
                try db.run("""
                    INSERT INTO registrations (category, name, contact, in_ward, evidence, valid_from, valid_until, status,
                        penalty_points, created_at, created_by, updated_at, updated_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 'active', 0, ?, ?, ?, ?)
                    """, [input.category.sqlValue, .text(input.name), .text(input.contact), input.inWard.sqlValue,
                          .text(try JSONCodec.text(of: input.evidence)), validFrom.sqlValue,
                          validUntil.sqlValue, now.sqlValue, .text(actor.auditLabel),
                          now.sqlValue, .text(actor.auditLabel)])
                let record = try Encoded(RegistrationRecord.load(db, id: db.lastInsertRowID, today: today))
                try AuditLog.append(db, at: now, actor: actor.auditLabel, action: "registration.create",
                                    entity: "registration", entityID: String(record.value.id), after: record)
                return record
            }
        }
    }

    /// Registration `id`; a member sees only its own (another id is 404).
    public func registration(id: Int64, for actor: Actor)
        async throws(ServiceError<RegistrationLookupCode>) -> RegistrationRecord {
        try await context.run(RegistrationLookupCode.self) {
            try Self.requireOwn(registration: id, actor: actor)
            let today = context.today
            return try await pool.read { db in try RegistrationRecord.load(db, id: id, today: today) }
        }
    }

    /// What `update` refuses with.
    public typealias UpdateRefusal = Refusals<
        RegistrationLookupCode, RegistrationErasedCode, RegistrationFieldCode, Eligibility.Code, RegistrationValidity.Code,
        ValidityInUseCode
    >

    /// Changes the fields of `patch`, re-checking eligibility, and the
    /// validity when `valid_until` is given; audits the record before and
    /// after. A stored validity longer than the rule allows (written before
    /// renewals were capped at two years from the renewal day) does not block
    /// other changes: it stands until staff set `valid_until` or renew. A
    /// `valid_until` before a day the registration still holds a live
    /// booking or desk pass for is refused (`validity_ends_before_use`): the
    /// registration must be valid on every day it is used.
    public func update(id: Int64, _ patch: RegistrationPatch, by actor: Actor)
        async throws(ServiceError<UpdateRefusal>) -> RegistrationRecord {
        try await context.run(UpdateRefusal.self) {
            let center = settings.center
            let now = clock.now()
            return try await pool.write { db in
                let before = try RegistrationRecord.load(db, id: id, today: now.japanDate)
                try Self.requireKept(before)
                let name = patch.name ?? before.name
                let category = patch.category ?? before.category
                let evidence = patch.evidence ?? before.evidence
                let validUntil = patch.validUntil ?? before.validUntil
                try Self.checkName(name)
                try Self.checkContact(patch.contact ?? before.contact)
                try Eligibility.check(evidence, for: category)
                if let changed = patch.validUntil {
                    try center.registration.check(validFrom: before.validFrom, validUntil: changed)
                    try Self.refuseEndBeforeUse(db, registration: id, validUntil: changed)
                }
                let suspendedUntil = patch.suspendedUntil ?? before.suspendedUntil
                try db.run("""
                    UPDATE registrations SET category = ?, name = ?, contact = ?, in_ward = ?, evidence = ?, valid_until = ?,
                        status = ?, suspended_until = ?, updated_at = ?, updated_by = ? WHERE id = ?
                    """, [category.sqlValue, .text(name), .text(patch.contact ?? before.contact),
                          (patch.inWard ?? before.inWard).sqlValue, .text(try JSONCodec.text(of: evidence)),
                          validUntil.sqlValue, (suspendedUntil == nil ? RegistrationStatus.active : .suspended).sqlValue,
                          suspendedUntil.sqlValue, now.sqlValue,
                          .text(actor.auditLabel), .integer(id)])
                let after = try RegistrationRecord.load(db, id: id, today: now.japanDate)
                try AuditLog.append(db, at: now, actor: actor.auditLabel, action: "registration.update",
                                    entity: "registration", entityID: String(id), before: before, after: after)
                return after
            }
        }
    }

    /// Refuses a validity ending on `validUntil` while registration `id`
    /// holds a live booking (provisional, paid or in use) or desk pass for a
    /// later day (`validity_ends_before_use`, 409, naming the last such day
    /// and what holds it). A locker lease may outlive the registration
    /// (docs/DOMAIN.md "The registration on every day it is used").
    static func refuseEndBeforeUse(_ db: Database, registration id: Int64, validUntil: LocalDate) throws {
        let booked = try db.queryOne("""
            SELECT u.booking_id, u.date FROM booking_units u JOIN bookings b ON b.id = u.booking_id
            WHERE u.registration_id = ? AND u.live = 1 AND b.state IN ('provisional', 'paid', 'checked_in') AND u.date > ?
            ORDER BY u.date DESC LIMIT 1
            """, [.integer(id), validUntil.sqlValue])
        let passed = try db.queryOne("""
            SELECT id, date FROM desk_passes WHERE registration_id = ? AND state IN ('booked', 'checked_in') AND date > ?
            ORDER BY date DESC LIMIT 1
            """, [.integer(id), validUntil.sqlValue])
        var held: [(what: String, id: Int64, date: LocalDate)] = []
        if let booked { held.append(("booking", try booked.get(0), try booked.get(1))) }
        if let passed { held.append(("desk_pass", try passed.get(0), try passed.get(1))) }
        guard let last = held.max(by: { $0.date < $1.date }) else { return }
        throw Refusal(ValidityInUseCode.validityEndsBeforeUse,
                      "Registration \(id) holds a \(last.what.replacingOccurrences(of: "_", with: " ")) for \(last.date), after \(validUntil); cancel it first or end the validity later.",
                      details: ["registration": String(id), "valid_until": validUntil.description, "date": last.date.description,
                                last.what: String(last.id)])
    }

    /// What `renew` refuses with.
    public typealias RenewRefusal = Refusals<IdempotencyCode, RegistrationLookupCode, RegistrationErasedCode, RegistrationValidity.RenewalCode>

    /// Renews (更新, `RegistrationValidity.renewed`): the card is issued
    /// anew, valid from today for the longest term, within the renewal
    /// period only (`renewal_not_open` before it). A repeat that would not
    /// lengthen the validity answers with the registration unchanged and
    /// writes nothing.
    public func renew(id: Int64, by actor: Actor,
                      idempotency: IdempotencyKey? = nil)
        async throws(ServiceError<RenewRefusal>) -> Recorded<RegistrationRecord> {
        try await context.run(RenewRefusal.self) {
            let validity = settings.center.registration
            return try await context.recordedWrite(.registrationRenew, RenewRefusal.self, actor: actor,
                                                   idempotency: idempotency) { db, now in
                let before = try RegistrationRecord.load(db, id: id, today: now.japanDate)
                try Self.requireKept(before)
                let renewed = try validity.renewed(before.registration, today: now.japanDate)
                guard renewed != before.registration else { return try Encoded(before) }
                try db.run("""
                    UPDATE registrations SET valid_from = ?, valid_until = ?, updated_at = ?, updated_by = ? WHERE id = ?
                    """, [renewed.validFrom.sqlValue, renewed.validUntil.sqlValue,
                          now.sqlValue, .text(actor.auditLabel), .integer(id)])
                let after = try Encoded(RegistrationRecord.load(db, id: id, today: now.japanDate))
                try AuditLog.append(db, at: now, actor: actor.auditLabel, action: "registration.renew",
                                    entity: "registration", entityID: String(id), before: before, after: after)
                return after
            }
        }
    }

    /// What `mintMemberToken` refuses with.
    public typealias MemberTokenRefusal = Refusals<RegistrationLookupCode, RegistrationErasedCode, TokenMintCode>

    /// Mints a `member` token for registration `id` (its own account).
    public func mintMemberToken(registration id: Int64, name: String, by actor: Actor)
        async throws(ServiceError<MemberTokenRefusal>) -> (AccessToken, TokenRecord) {
        try await context.run(MemberTokenRefusal.self) {
            let today = context.today
            try Self.requireKept(try await pool.read { db in try RegistrationRecord.load(db, id: id, today: today) })
            return try await Accounts(context: context).mintToken(role: .member, name: name, registrationID: id, by: actor.auditLabel)
        }
    }

    /// Refuses to change, renew or open an account for a registration whose
    /// personal data was erased (`registration_already_erased`, 409).
    static func requireKept(_ record: RegistrationRecord) throws {
        guard record.erasedAt == nil else {
            throw Refusal(RegistrationErasedCode.registrationAlreadyErased, "The personal data of registration \(record.id) has been erased; register anew.",
                          details: ["registration": String(record.id)])
        }
    }

    /// A member acts only for its own registration; any other id is reported
    /// as unknown (404), so ids do not leak.
    static func requireOwn(registration id: Int64, actor: Actor) throws {
        guard actor.role == .member else { return }
        guard actor.registrationID == id else {
            throw Refusal(RegistrationLookupCode.registrationNotFound, "No registration has id \(id).",
                          details: ["registration": String(id)])
        }
    }

    static func checkName(_ name: String) throws {
        try TextRule.name.check(name, field: "name", code: RegistrationFieldCode.invalidName)
    }

    static func checkContact(_ contact: String) throws {
        try TextRule.optionalReason.check(contact, field: "contact", code: RegistrationFieldCode.invalidContact)
    }
}
