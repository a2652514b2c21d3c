import CalendarValues
import CenterDomain
internal import Store

extension Lockers {
    /// What `joinWaitlist` refuses with.
    public typealias WaitlistRefusal = Refusals<
        IdempotencyCode, LockerWaitlistCode, RegistrationLookupCode, RegistrationActiveCode, CompanyLeaseCode
    >

    /// Puts a registration on the locker waitlist (`POST /locker-waitlist`);
    /// one open application per registration (`already_waiting`, 409). A
    /// locker free right now is offered at once to the first in line.
    public func joinWaitlist(registration: Int64, note: String, by actor: Actor,
                             idempotency: IdempotencyKey? = nil)
        async throws(ServiceError<WaitlistRefusal>) -> Recorded<LockerWaitlistEntry> {
        try await context.run(WaitlistRefusal.self) {
            let configuration = settings.center.lockers
            return try await context.recordedWrite(.lockerWaitlistJoin, WaitlistRefusal.self, actor: actor,
                                                   idempotency: idempotency) { db, now in
                try TextRule.note.check(note, field: "note", code: LockerWaitlistCode.invalidNote)
                let record = try RegistrationRecord.load(db, id: registration, today: now.japanDate)
                guard record.status == .active else {
                    throw Refusal(RegistrationActiveCode.registrationNotActive, "Registration \(registration) is \(record.status).",
                                  details: ["registration": String(registration), "status": record.status.rawValue])
                }
                if let row = try db.queryOne("""
                    SELECT id FROM locker_waitlist WHERE registration_id = ? AND state IN ('waiting', 'offered')
                    """, [.integer(registration)]) {
                    let existing: Int64 = try row.get("id")
                    throw Refusal(LockerWaitlistCode.alreadyWaiting, "Registration \(registration) is already on the waitlist.",
                                  details: ["entry": String(existing)])
                }
                let letting = LockerLetting(configuration: configuration, db: db, now: now, actor: actor.auditLabel)
                try letting.refuseSecondLease(registration: registration, corporateNumber: nil)
                try db.run("""
                    INSERT INTO locker_waitlist (registration_id, note, applied_at, state, created_by) VALUES (?, ?, ?, 'waiting', ?)
                    """, [.integer(registration), .text(note), now.sqlValue, .text(actor.auditLabel)])
                let id = db.lastInsertRowID
                try AuditLog.append(db, at: now, actor: actor.auditLabel, action: "locker_waitlist.join", entity: "locker_waitlist",
                                    entityID: String(id), after: try Self.waitlistEntries(db).first { $0.id == id })
                try letting.offerFreeLockers()
                guard let entry = try Self.waitlistEntries(db).first(where: { $0.id == id }) else {
                    throw StoreError(code: .typeMismatch, resultCode: 20, message: "waitlist entry \(id) was not read back")
                }
                return try Encoded(entry)
            }
        }
    }

    /// The waitlist: entries waiting or holding an offer, in order of application.
    public func waitlist() async throws -> [LockerWaitlistEntry] {
        try await pool.read { db in try Self.waitlistEntries(db).filter(\.state.isOpen) }
    }

    /// What `acceptOffer` refuses with: the offer, then every rule of a lease.
    public typealias AcceptRefusal = Refusals<
        IdempotencyCode, LockerOfferCode, LockerLettingCode, RegistrationActiveCode, Registration.ValidityCode,
        LockerLeaseTerms.Code, LockerLessee.Code, LesseeCheck.Code, CompanyLeaseCode
    >

    /// Accepts an offer (`POST /locker-offers/{id}/accept`): the lease is made
    /// for the offer's applicant and locker with the terms of `request`.
    public func acceptOffer(id: Int64, _ request: LockerLeaseRequest, by actor: Actor,
                            idempotency: IdempotencyKey? = nil)
        async throws(ServiceError<AcceptRefusal>) -> Recorded<LockerLease> {
        try await context.run(AcceptRefusal.self) {
            let configuration = settings.center.lockers
            return try await context.recordedWrite(.lockerOfferAccept, AcceptRefusal.self, actor: actor,
                                                   idempotency: idempotency) { db, now in
                let offer = try Self.openOffer(db, id: id, today: now.japanDate)
                try Self.decide(db, offer: offer, state: .accepted, now: now, actor: actor.auditLabel)
                return try LockerLetting(configuration: configuration, db: db, now: now, actor: actor.auditLabel)
                    .lease(request, registration: offer.registration, offeredLocker: offer.locker, offer: offer.id)
            }
        }
    }

    /// What `declineOffer` refuses with.
    public typealias DeclineRefusal = Refusals<IdempotencyCode, LockerOfferCode>

    /// Declines an offer: the applicant leaves the list and the locker is
    /// offered to the next in line at once.
    public func declineOffer(id: Int64, by actor: Actor,
                             idempotency: IdempotencyKey? = nil)
        async throws(ServiceError<DeclineRefusal>) -> Recorded<LockerOffer> {
        try await context.run(DeclineRefusal.self) {
            let configuration = settings.center.lockers
            return try await context.recordedWrite(.lockerOfferDecline, DeclineRefusal.self, actor: actor,
                                                   idempotency: idempotency) { db, now in
                let offer = try Self.openOffer(db, id: id, today: now.japanDate)
                try Self.decide(db, offer: offer, state: .declined, now: now, actor: actor.auditLabel)
                try LockerLetting(configuration: configuration, db: db, now: now, actor: actor.auditLabel).offerFreeLockers()
                return try Encoded(LockerOffer.load(db, id: id))
            }
        }
    }

    /// An offer still open and not past its last day (`offer_not_open`, `offer_expired`, 409).
    static func openOffer(_ db: Database, id: Int64, today: LocalDate) throws -> LockerOffer {
        let offer = try LockerOffer.load(db, id: id)
        guard offer.state == .open else {
            throw Refusal(LockerOfferCode.offerNotOpen, "Offer \(id) is \(offer.state).",
                          details: ["offer": String(id), "state": offer.state.rawValue])
        }
        guard !LockerWaitlist.offerExpired(until: offer.expiresOn, today: today) else {
            throw Refusal(LockerOfferCode.offerExpired, "Offer \(id) was held until \(offer.expiresOn).",
                          details: ["offer": String(id), "expires_on": offer.expiresOn.description])
        }
        return offer
    }

    /// Closes an offer and its waitlist entry with `state`, audited.
    static func decide(_ db: Database, offer: LockerOffer, state: LockerOfferState, now: Instant, actor: String) throws {
        try db.run("UPDATE locker_offers SET state = ?, decided_at = ? WHERE id = ?",
                   [state.sqlValue, now.sqlValue, .integer(offer.id)])
        // The entry ends as its offer did (the two enums share these states).
        try db.run("UPDATE locker_waitlist SET state = ? WHERE id = ?", [state.sqlValue, .integer(offer.waitlistEntry)])
        let verb = switch state {
        case .accepted: "accept"
        case .declined: "decline"
        case .open, .expired: "expire"
        }
        try AuditLog.append(db, at: now, actor: actor, action: "locker_offer.\(verb)",
                            entity: "locker_offer", entityID: String(offer.id), before: offer,
                            after: try LockerOffer.load(db, id: offer.id))
    }

    /// Every waitlist entry, in order of application, with its place in line and open offer.
    static func waitlistEntries(_ db: Database) throws -> [LockerWaitlistEntry] {
        let rows = try db.query("SELECT id, registration_id, note, applied_at, state FROM locker_waitlist ORDER BY applied_at, id")
        var offers: [Int64: LockerOffer] = [:]
        for row in try db.query("SELECT id FROM locker_offers WHERE state = 'open'") {
            let offer = try LockerOffer.load(db, id: try row.get("id"))
            offers[offer.waitlistEntry] = offer
        }
        var position = 0
        return try rows.map { row in
            let id: Int64 = try row.get("id")
            let state: WaitlistState = try row.get("state")
            if state == .waiting { position += 1 }
            return LockerWaitlistEntry(id: id, registration: try row.get("registration_id"), note: try row.get("note"),
                                       appliedAt: try row.get("applied_at"), state: state,
                                       position: state == .waiting ? position : nil, offer: offers[id])
        }
    }
}
