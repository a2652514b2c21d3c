import CenterDomain
internal import Store
import CalendarValues

/// What one run of the retention job did.
public struct RetentionRun: Sendable, Hashable {
    /// Registrations whose personal data was erased.
    public var erased: [Int64] = []
    /// Registrations due but still owing or holding something, by what
    /// (`RegistrationErasure.blockers`); tried again on the next run.
    public var deferred: [Int64: [String: String]] = [:]
    /// Storage applications without a registration whose holder was erased.
    public var storageApplications = 0
    /// Stored `Idempotency-Key` responses past their retry window, deleted.
    public var storedResponses = 0
}

extension Registrations {
    /// The actor the retention job writes as.
    static let retentionActor = "system:retention"

    /// What `erase` refuses with.
    public typealias EraseRefusal = Refusals<IdempotencyCode, RegistrationLookupCode, RegistrationErasedCode, ErasureCode>

    /// Erases registration `id`'s personal data on the person's request
    /// (本人からの削除請求, 個人情報の保護に関する法律 第35条), as
    /// `PersonalData` lists, keeping the anonymous figures. Refused while
    /// anything is owed or booked (`erasure_blocked`, 409, details naming
    /// the bookings, passes, leases, waitlist entries, lottery entries not
    /// yet drawn, room waiting entries or allocations), and
    /// for a registration already erased (`registration_already_erased`).
    /// The registration ends the day before (it can no longer book) and its
    /// member tokens are revoked.
    public func erase(id: Int64, by actor: Actor,
                      idempotency: IdempotencyKey? = nil) async throws(ServiceError<EraseRefusal>) -> Recorded<ErasureResult> {
        try await context.run(EraseRefusal.self) {
            // The member tokens revoked by the erasure: forgotten once it committed (or failed).
            defer { context.tokenCache.revoked() }
            return try await context.recordedWrite(.registrationErase, EraseRefusal.self, actor: actor,
                                                   idempotency: idempotency) { db, now in
                let erasure = RegistrationErasure(db: db, registration: id, now: now)
                let validUntil = try Self.unerasedValidUntil(db, registration: id)
                let blockers = try erasure.blockers()
                guard blockers.isEmpty else {
                    throw Refusal(ErasureCode.erasureBlocked, "Registration \(id) still has something booked or owed; settle or cancel it first.",
                                  details: blockers)
                }
                return try Self.erase(erasure, endedOn: erasure.endedOn(validUntil: validUntil), reason: .request, actor: actor.auditLabel)
            }
        }
    }

    /// The retention job: erases the personal data of every registration
    /// whose retention has ended (`PersonalDataRetention`) and that owes and
    /// holds nothing, each in a write of its own; erases the holder of
    /// storage applications made without a registration once their fiscal
    /// year's retention has ended; deletes stored idempotent responses past
    /// `PersonalData.idempotencyRetentionDays`. The nightly timer calls it;
    /// tests call it directly.
    @discardableResult
    public func erasePersonalDataDue(now: Instant) async throws -> RetentionRun {
        let retention = settings.operations.personalData
        let today = now.japanDate
        let latestEnd = retention.latestDueEnd(today: today)
        let candidates: [Int64] = try await pool.read { db in
            try db.query("SELECT id FROM registrations WHERE erased_at IS NULL AND valid_until <= ? ORDER BY id",
                         [latestEnd.sqlValue]).map { try $0.get(0) }
        }
        var run = RetentionRun()
        for id in candidates {
            let blockers: [String: String]? = try await pool.write { db in
                let erasure = RegistrationErasure(db: db, registration: id, now: now)
                guard let validUntil = try? Self.unerasedValidUntil(db, registration: id) else { return nil }
                let ended = try erasure.endedOn(validUntil: validUntil)
                guard retention.isDue(endedOn: ended, today: today) else { return nil }
                let blockers = try erasure.blockers()
                guard blockers.isEmpty else { return blockers }
                _ = try Self.erase(erasure, endedOn: ended, reason: .retention, actor: Self.retentionActor)
                return [:]
            }
            switch blockers {
            case .some(let found) where found.isEmpty:
                run.erased.append(id)
                context.tokenCache.revoked()
            case .some(let found): run.deferred[id] = found
            case nil: break
            }
        }
        let lastYear = FiscalYear(containing: latestEnd).startYear
        run.storageApplications = try await pool.write { db in
            try Self.eraseUnregisteredStorageHolders(db, upToFiscalYear: lastYear, now: now)
        }
        let cutoff = now.adding(seconds: -PersonalData.idempotencyRetentionDays * 86_400)
        run.storedResponses = try await pool.write { db in
            try db.run("DELETE FROM idempotency_keys WHERE created_at < ?", [cutoff.sqlValue])
        }
        if !run.erased.isEmpty || run.storageApplications > 0 {
            context.log.info("personal data erased", [("registrations", run.erased.map(String.init).joined(separator: ",")),
                                              ("storage_applications", String(run.storageApplications))])
        }
        for (id, blockers) in run.deferred.sorted(by: { $0.key < $1.key }) {
            context.log.warning("personal data due for erasure is still in use", [("registration", String(id))]
                        + blockers.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        }
        return run
    }

    /// The registration's validity end, or `registration_not_found` (404) /
    /// `registration_already_erased` (409).
    static func unerasedValidUntil(_ db: Database, registration id: Int64) throws -> LocalDate {
        guard let row = try db.queryOne("SELECT valid_until, erased_at FROM registrations WHERE id = ?", [.integer(id)]) else {
            throw Refusal(RegistrationLookupCode.registrationNotFound, "No registration has id \(id).",
                          details: ["registration": String(id)])
        }
        guard try (row.get("erased_at") as Int64?) == nil else {
            throw Refusal(RegistrationErasedCode.registrationAlreadyErased, "The personal data of registration \(id) has already been erased.", details: ["registration": String(id)])
        }
        return try row.get("valid_until")
    }

    private static func erase(_ erasure: RegistrationErasure, endedOn: LocalDate, reason: ErasureReason,
                              actor: String) throws -> Encoded<ErasureResult> {
        let rows = try erasure.erase(reason: reason, actor: actor)
        let result = try Encoded(ErasureResult(registration: erasure.registration, reason: reason, erasedAt: erasure.now,
                                               endedOn: endedOn, rows: rows))
        try AuditLog.append(erasure.db, at: erasure.now, actor: actor, action: "registration.erase", entity: "registration",
                            entityID: String(erasure.registration), after: result)
        return result
    }

    /// Storage applications made without a registration (a group applying
    /// at the counter) keep the holder's name until the retention of their
    /// fiscal year ends; then the name, the names on their items'
    /// movements and the same in their audit lines are erased.
    private static func eraseUnregisteredStorageHolders(_ db: Database, upToFiscalYear year: Int, now: Instant) throws -> Int {
        let due = try db.query("""
            SELECT id, holder_name FROM storage_applications
            WHERE registration_id IS NULL AND fiscal_year <= ? AND holder_name <> ? ORDER BY id
            """, [.integer(Int64(year)), .text(PersonalData.erased)])
        for row in due {
            let id: Int64 = try row.get("id")
            let holder: String = try row.get("holder_name")
            let items: [Int64] = try db.query("""
                SELECT i.id FROM storage_items i JOIN storage_allocations al ON al.id = i.allocation_id WHERE al.application_id = ?
                """, [.integer(id)]).map { try $0.get(0) }
            let allocations: [Int64] = try db.query("SELECT id FROM storage_allocations WHERE application_id = ?",
                                                    [.integer(id)]).map { try $0.get(0) }
            var replacements = [holder: PersonalData.erased]
            for item in items {
                for movement in try db.query("SELECT by_name FROM storage_movements WHERE item_id = ?", [.integer(item)]) {
                    let name: String = try movement.get(0)
                    if name != PersonalData.erased { replacements[name] = PersonalData.erased }
                }
                try db.run("UPDATE storage_movements SET by_name = ? WHERE item_id = ?", [.text(PersonalData.erased), .integer(item)])
            }
            try db.run("UPDATE storage_applications SET holder_name = ? WHERE id = ?", [.text(PersonalData.erased), .integer(id)])
            // Redacted as a registration nobody has (id 0): only these lines, by key and by value.
            _ = try AuditRedaction(registration: 0, replacements: replacements).redact(db, ownEntities: [
                "storage_application": [id], "storage_allocation": allocations, "storage_item": items,
            ], actors: [], at: now.secondsSinceEpoch)
            try AuditLog.append(db, at: now, actor: retentionActor, action: "storage_application.erase",
                                entity: "storage_application", entityID: String(id),
                                after: ["reason": ErasureReason.retention.rawValue])
        }
        return due.count
    }
}
