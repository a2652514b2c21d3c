import CalendarValues
import CenterDomain
import JSON
internal import Store

/// Registrations (利用登録): registering a user with checked eligibility,
/// reading, changing and renewing them, and the member account of each.
public struct Registrations: AreaService {
    let context: ServiceContext

    /// What `register` refuses with.
    public typealias RegisterRefusal = Refusals<
        IdempotencyCode, RegistrationFieldCode, NameKana.Code, PostalAddress.Code, Eligibility.Code, RegistrationValidity.Code,
        DuplicateRegistration.Code
    >

    /// Registers a user (利用登録): checks the name, フリガナ and postal
    /// address, the eligibility evidence of the category (`Eligibility`) and
    /// the validity (`RegistrationValidity`, at most 2 years), then that it
    /// is not one already on file (`DuplicateRegistration`: the same folded
    /// name and phone, or the same corporate number; `possible_duplicate`
    /// lists the matches, unless `confirmNew`), stores it with its search
    /// keys and audits it, in one write.
    public func register(_ input: RegistrationInput, by actor: Actor,
                         idempotency: IdempotencyKey? = nil)
        async throws(ServiceError<RegisterRefusal>) -> Recorded<RegistrationRecord> {
        try await context.run(RegisterRefusal.self) {
            let center = settings.center
            return try await context.recordedWrite(.registrationCreate, RegisterRefusal.self, actor: actor,
                                                   idempotency: idempotency) { db, now in
                let today = now.japanDate
                try Self.checkName(input.name)
                let kana = try Self.kana(input.nameKana)
                let contact = RegistrationInput.contact(input.contact)
                try Self.checkContact(contact)
                let address = try Self.postalAddress(postalCode: input.postalCode, address: input.address)
                try Eligibility.check(input.evidence, for: input.category)
                let validFrom = input.validFrom ?? today
                let validUntil = input.validUntil ?? center.registration.longestValidUntil(issued: validFrom)
                try center.registration.check(validFrom: validFrom, validUntil: validUntil)
                let keys = RegistrationKeys(name: input.name, nameKana: kana?.katakana, evidence: input.evidence)
                try Self.checkNotOnFile(db, name: input.name, contact: contact, keys: keys, confirmNew: input.confirmNew,
                                        today: today)
                try db.run("""
                    INSERT INTO registrations (category, name, name_kana, contact, postal_code, address, in_ward, evidence,
                        valid_from, valid_until, status, penalty_points, created_at, created_by, updated_at, updated_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', 0, ?, ?, ?, ?)
                    """, [input.category.sqlValue, .text(input.name), kana.map { .text($0.katakana) } ?? .null,
                          .text(contact), address.map { .text($0.postalCode.digits) } ?? .null,
                          address.map { .text($0.address) } ?? .null, input.inWard.sqlValue,
                          .text(try JSONCodec.text(of: input.evidence)), validFrom.sqlValue,
                          validUntil.sqlValue, now.sqlValue, .text(actor.auditLabel),
                          now.sqlValue, .text(actor.auditLabel)])
                let id = db.lastInsertRowID
                try keys.store(db, registration: id)
                return try AuditLog.appendEncoded(db, at: now, actor: actor.auditLabel, action: "registration.create",
                                                  entity: "registration", id: id,
                                                  after: RegistrationRecord.load(db, id: id, today: today))
            }
        }
    }

    /// Refuses `possible_duplicate` (409) when a registration on file (not
    /// erased) has the same identity name and phone, or the same corporate
    /// number, and staff have not confirmed a new user. The refusal's details
    /// name the matches and why; its `matches` lists them as stored, for staff
    /// to compare at the counter. Both lookups use an index.
    static func checkNotOnFile(_ db: Database, name: String, contact: String, keys: RegistrationKeys, confirmNew: Bool,
                               today: LocalDate) throws {
        guard !confirmNew else { return }
        let phone = PhoneNumber(contact)?.digits
        guard phone != nil || keys.corporateNumber != nil else { return }
        var clauses: [String] = []
        var values: [SQLValue] = []
        if let phone, !keys.identityKey.isEmpty {
            clauses.append("(identity_key = ? AND contact = ?)")
            values += [.text(keys.identityKey), .text(phone)]
        }
        if let number = keys.corporateNumber {
            clauses.append("corporate_number = ?")
            values.append(.text(number))
        }
        guard !clauses.isEmpty else { return }
        let stored = try db.query("""
            SELECT id, name, contact, corporate_number FROM registrations
            WHERE erased_at IS NULL AND (\(clauses.joined(separator: " OR "))) ORDER BY id LIMIT 20
            """, values).map { row in
            RegistrationIdentity(id: String(try row.get("id") as Int64), name: try row.get("name"),
                                 contact: try row.get("contact"), corporateNumber: try row.get("corporate_number"))
        }
        let applicant = RegistrationIdentity(name: name, contact: contact, corporateNumber: keys.corporateNumber)
        let matches = DuplicateRegistration.matches(of: applicant, among: stored)
        do {
            try DuplicateRegistration.check(matches, confirmNew: false)
        } catch {
            let found = try matches.compactMap { match -> RegistrationMatch? in
                guard let id = Int64(match.registration) else { return nil }
                return RegistrationMatch(registration: try RegistrationRecord.load(db, id: id, today: today),
                                         reasons: match.reasons.map(\.rawValue))
            }
            throw Refusal(error.code, error.message, details: error.details,
                          attachment: RefusalAttachment(key: "matches", value: found))
        }
    }

    /// フリガナ as typed, read by `NameKana`; nil when absent or empty.
    static func kana(_ text: String?) throws(Refusal<NameKana.Code>) -> NameKana? {
        guard let text, !text.isEmpty else { return nil }
        return try NameKana(text)
    }

    /// The postal address as typed, read by `PostalAddress`: both parts, or
    /// neither (nil; an empty part counts as absent). One part alone is
    /// refused by the rule of the missing one.
    static func postalAddress(postalCode: String?, address: String?) throws(Refusal<PostalAddress.Code>) -> PostalAddress? {
        let code = postalCode ?? "", text = address ?? ""
        guard !code.isEmpty || !text.isEmpty else { return nil }
        return try PostalAddress(postalCode: code, address: text)
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
        RegistrationLookupCode, RegistrationErasedCode, RegistrationFieldCode, NameKana.Code, PostalAddress.Code,
        Eligibility.Code, RegistrationValidity.Code
    >

    /// Changes the fields of `patch`, re-checking eligibility, and the
    /// validity when `valid_until` is given; keeps the search keys in step
    /// with the name, フリガナ and evidence; audits the record before and
    /// after. A stored validity longer than the rule allows (written before
    /// renewals were capped at two years from the renewal day) does not block
    /// other changes: it stands until staff set `valid_until` or renew.
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
                let kana = try patch.nameKana.map { try Self.kana($0)?.katakana } ?? before.nameKana
                let contact = patch.contact.map(RegistrationInput.contact) ?? before.contact
                try Self.checkContact(contact)
                let address = patch.postalCode == nil && patch.address == nil
                    ? before.postalAddress
                    : try Self.postalAddress(postalCode: patch.postalCode ?? before.postalAddress?.postalCode.digits,
                                             address: patch.address ?? before.postalAddress?.address)
                try Eligibility.check(evidence, for: category)
                if let changed = patch.validUntil { try center.registration.check(validFrom: before.validFrom, validUntil: changed) }
                let suspendedUntil = patch.suspendedUntil ?? before.suspendedUntil
                try db.run("""
                    UPDATE registrations SET category = ?, name = ?, name_kana = ?, contact = ?, postal_code = ?, address = ?,
                        in_ward = ?, evidence = ?, valid_until = ?, status = ?, suspended_until = ?, updated_at = ?,
                        updated_by = ? WHERE id = ?
                    """, [category.sqlValue, .text(name), kana.map { .text($0) } ?? .null, .text(contact),
                          address.map { .text($0.postalCode.digits) } ?? .null, address.map { .text($0.address) } ?? .null,
                          (patch.inWard ?? before.inWard).sqlValue, .text(try JSONCodec.text(of: evidence)),
                          validUntil.sqlValue, (suspendedUntil == nil ? RegistrationStatus.active : .suspended).sqlValue,
                          suspendedUntil.sqlValue, now.sqlValue,
                          .text(actor.auditLabel), .integer(id)])
                try RegistrationKeys(name: name, nameKana: kana, evidence: evidence).store(db, registration: id)
                let after = try RegistrationRecord.load(db, id: id, today: now.japanDate)
                try AuditLog.append(db, at: now, actor: actor.auditLabel, action: "registration.update",
                                    entity: "registration", entityID: String(id), before: before, after: after)
                return after
            }
        }
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
                let renewed = try validity.for(before.issuer).renewed(before.registration, today: now.japanDate)
                guard renewed != before.registration else { return try Encoded(before) }
                try db.run("""
                    UPDATE registrations SET valid_from = ?, valid_until = ?, updated_at = ?, updated_by = ? WHERE id = ?
                    """, [renewed.validFrom.sqlValue, renewed.validUntil.sqlValue,
                          now.sqlValue, .text(actor.auditLabel), .integer(id)])
                return try AuditLog.appendEncoded(db, at: now, actor: actor.auditLabel, action: "registration.renew",
                                                  entity: "registration", id: id, before: before,
                                                  after: RegistrationRecord.load(db, id: id, today: now.japanDate))
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
