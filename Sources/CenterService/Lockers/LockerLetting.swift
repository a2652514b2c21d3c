import CalendarValues
import CenterDomain
import JSON
internal import Store

/// The locker rules run inside one write transaction (docs/ARCHITECTURE.md: the
/// check and the change together): the state of every locker, a new lease,
/// and offers of freed lockers to the waitlist. The schema's partial UNIQUE
/// indexes stand behind every check here.
struct LockerLetting {
    let configuration: LockerConfiguration
    let db: Database
    let now: Instant
    let actor: String

    /// How far ahead a lease may start: a year (a registered address is
    /// needed now, not years ahead).
    static let startMonthsAhead = 12

    var terms: LockerLeaseTerms { LockerLeaseTerms(configuration) }
    var today: LocalDate { now.japanDate }

    /// Each configured locker's status today.
    func statuses() throws -> [FacilityID: LockerStatus] {
        var leaseEnd: [FacilityID: LocalDate] = [:]
        for row in try db.query("SELECT locker_id, end_date FROM locker_leases WHERE state = 'active'") {
            leaseEnd[try row.get("locker_id")] = try row.get("end_date")
        }
        var offerUntil: [FacilityID: LocalDate] = [:]
        for row in try db.query("SELECT locker_id, expires_on FROM locker_offers WHERE state = 'open'") {
            offerUntil[try row.get("locker_id")] = try row.get("expires_on")
        }
        var relettable: [FacilityID: LocalDate] = [:]
        for row in try db.query("""
            SELECT locker_id, max(relettable_from) AS relettable_from FROM locker_leases
            WHERE state <> 'active' GROUP BY locker_id
            """) {
            relettable[try row.get("locker_id")] = try row.get("relettable_from")
        }
        var statuses: [FacilityID: LockerStatus] = [:]
        for id in configuration.ids {
            statuses[id] = LockerStatus.on(today, activeLeaseEnd: leaseEnd[id], openOfferUntil: offerUntil[id],
                                           relettableFrom: relettable[id])
        }
        return statuses
    }

    /// Lets a locker: to `request`'s registration, or, for an accepted offer,
    /// to the offer's applicant and locker. Every refusal names its rule.
    func lease(_ request: LockerLeaseRequest, registration: Int64, offeredLocker: FacilityID?, offer: Int64?) throws -> Encoded<LockerLease> {
        let lessee = try RegistrationRecord.load(db, id: registration, today: today)
        guard lessee.status == .active else {
            throw Refusal(RegistrationActiveCode.registrationNotActive, "Registration \(registration) is \(lessee.status).",
                          details: ["registration": String(registration), "status": lessee.status.rawValue])
        }
        let thisMonth = today.yearMonth
        guard request.startMonth >= thisMonth else {
            throw Refusal(LockerLettingCode.startMonthPast, "A lease starts this month or later.",
                          details: ["start_month": request.startMonth.description, "earliest": thisMonth.description])
        }
        let latest = thisMonth.adding(months: Self.startMonthsAhead)
        guard request.startMonth <= latest else {
            throw Refusal(LockerLettingCode.startMonthTooFar, "A lease starts at most \(Self.startMonthsAhead) months ahead.",
                          details: ["start_month": request.startMonth.description, "latest": latest.description])
        }
        try terms.checkNewTerm(months: request.months)
        let start = request.startMonth.firstDay
        // The registration must be valid on the lease's first day of use,
        // not only today; a lease may outlive it (docs/DOMAIN.md
        // "The registration on every day it is used").
        try lessee.registration.checkValid(on: max(start, today))
        let kind = try LockerLessee.resolve(corporateNumber: request.corporateNumber, founder: request.founder,
                                            leaseStart: start, terms: terms)
        try kind.checkMatches(recorded: lessee.evidence.corporateNumber)
        try request.identityCheck.validate("identity_check", today: today)
        try request.registryExtractCheck?.validate("registry_extract_check", today: today)
        try refuseSecondLease(registration: registration, corporateNumber: kind.corporateNumber)
        let locker = try pick(offeredLocker ?? request.locker)
        let end = terms.endDate(start: start, months: request.months)
        let fee = configuration.monthlyFee
        var numberDue: LocalDate?
        if case .founder(let due) = kind { numberDue = due }
        try db.run("""
            INSERT INTO locker_leases (locker_id, registration_id, corporate_number, founder, corporate_number_due,
                start_date, months, end_date, monthly_fee, amount_owed, identity_check, registry_extract_check, state,
                offer_id, created_at, created_by, updated_at, updated_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, ?, ?, ?)
            """, [locker.sqlValue, .integer(registration), kind.corporateNumber.map { .text($0.digits) } ?? .null,
                  (numberDue != nil).sqlValue, numberDue.sqlValue,
                  start.sqlValue, .integer(Int64(request.months)), end.sqlValue,
                  .integer(Int64(fee)), .integer(Int64(fee * request.months)),
                  .text(try JSONCodec.text(of: request.identityCheck)),
                  try request.registryExtractCheck.map { .text(try JSONCodec.text(of: $0)) } ?? .null,
                  offer.map { .integer($0) } ?? .null, now.sqlValue, .text(actor),
                  now.sqlValue, .text(actor)])
        let id = db.lastInsertRowID
        let lease = try AuditLog.appendEncoded(db, at: now, actor: actor, action: "locker_lease.create",
                                               entity: "locker_lease", id: id, after: LockerLease.load(db, id: id))
        if offer == nil { try withdrawFromWaitlist(registration: registration) }
        return lease
    }

    /// A lessee let a locker outside the waitlist leaves it: its entry is
    /// withdrawn, an offer it held is declined, and that locker goes to the
    /// next in line.
    private func withdrawFromWaitlist(registration: Int64) throws {
        let open = try db.query("SELECT id FROM locker_waitlist WHERE registration_id = ? AND state IN ('waiting', 'offered')",
                                [.integer(registration)]).map { try $0.get("id") as Int64 }
        guard !open.isEmpty else { return }
        for entry in open {
            try db.run("UPDATE locker_offers SET state = 'declined', decided_at = ? WHERE waitlist_id = ? AND state = 'open'",
                       [now.sqlValue, .integer(entry)])
            try db.run("UPDATE locker_waitlist SET state = 'withdrawn' WHERE id = ?", [.integer(entry)])
            try AuditLog.append(db, at: now, actor: actor, action: "locker_waitlist.withdraw", entity: "locker_waitlist",
                                entityID: String(entry))
        }
        try offerFreeLockers()
    }

    /// One active lease per company (`company_has_lease`, 409): by corporate
    /// number, and by lessee registration (a founder has no number yet).
    func refuseSecondLease(registration: Int64?, corporateNumber: CorporateNumber?, except: Int64? = nil) throws {
        var sql = "SELECT id FROM locker_leases WHERE state = 'active' AND id <> ? AND ("
        var arguments: [SQLValue] = [.integer(except ?? 0)]
        var terms: [String] = []
        if let registration {
            terms.append("registration_id = ?")
            arguments.append(.integer(registration))
        }
        if let corporateNumber {
            terms.append("corporate_number = ?")
            arguments.append(.text(corporateNumber.digits))
        }
        sql += terms.joined(separator: " OR ") + ") LIMIT 1"
        if let row = try db.queryOne(sql, arguments) {
            let existing: Int64 = try row.get("id")
            throw Refusal(CompanyLeaseCode.companyHasLease, "This company already holds an active locker lease.",
                          details: ["lease": String(existing)])
        }
    }

    /// The locker asked for when free, else the first free one.
    private func pick(_ wanted: FacilityID?) throws -> FacilityID {
        let statuses = try statuses()
        if let wanted {
            guard let status = statuses[wanted] else {
                throw Refusal(LockerLettingCode.lockerNotFound, "No locker has id \(TextRule.echo(wanted.rawValue)).", details: ["locker": wanted.rawValue])
            }
            guard status.isFree else {
                var details = ["locker": wanted.rawValue, "state": status.kind.rawValue]
                if let until = status.until { details["until"] = until.description }
                throw Refusal(LockerLettingCode.lockerNotFree, "Locker \(wanted) is \(status.kind.rawValue).", details: details)
            }
            return wanted
        }
        guard let free = LockerStatus.firstFree(of: configuration.ids, statuses: statuses) else {
            throw Refusal(LockerLettingCode.noLockerFree, "No locker is free; the applicant may join the waitlist.",
                          details: ["waitlist": "/locker-waitlist"])
        }
        return free
    }

    /// Offers every free locker to the next in line (`LockerWaitlist`), each
    /// offer held `offerHoldDays`. Returns the new offer ids.
    @discardableResult
    func offerFreeLockers() throws -> [Int64] {
        let statuses = try statuses()
        let free = configuration.ids.filter { statuses[$0]?.isFree ?? false }
        guard !free.isEmpty else { return [] }
        let waiting = try db.query("SELECT id, applied_at FROM locker_waitlist WHERE state = 'waiting'").map { row in
            LockerWaitlist.Entry(id: try row.get("id"), appliedAt: try row.get("applied_at"))
        }
        var made: [Int64] = []
        for pair in LockerWaitlist.offers(freeLockers: free, waiting: waiting) {
            let expires = terms.offerExpires(offeredOn: today)
            try db.run("""
                INSERT INTO locker_offers (waitlist_id, locker_id, offered_on, expires_on, state) VALUES (?, ?, ?, ?, 'open')
                """, [.integer(pair.entry.id), pair.locker.sqlValue, today.sqlValue, expires.sqlValue])
            let offer = try LockerOffer.load(db, id: db.lastInsertRowID)
            try db.run("UPDATE locker_waitlist SET state = 'offered' WHERE id = ?", [.integer(pair.entry.id)])
            try AuditLog.append(db, at: now, actor: actor, action: "locker_offer.create", entity: "locker_offer",
                                entityID: String(offer.id), after: offer)
            made.append(offer.id)
        }
        return made
    }
}
