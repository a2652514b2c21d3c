import CalendarValues
import CenterDomain
internal import Store

/// Issues a desk pass inside one write transaction (フリーデスク受付): every
/// rule is checked against the rows of that same transaction and the pass
/// with its units is inserted before it ends, so no other write slips
/// between check and insert; the unique indexes of `desk_pass_periods` back
/// the checks. Rules run in order, each refusing with its code.
struct DeskPassIssuer {
    let center: CenterConfiguration
    let calendar: CenterCalendar
    let db: Database
    let now: Instant

    var rules: DeskPassRules { DeskPassRules(center.desks) }

    /// The desks of the pool, by id.
    static func deskIDs(_ center: CenterConfiguration) -> [FacilityID] { center.desks.desks.map(\.id).sorted() }

    func issue(_ request: DeskPassRequest, registration id: Int64, actor: Actor) throws -> Encoded<DeskPass> {
        let today = now.japanDate
        let date = request.date
        let units = try rules.units(of: request.period, divisions: center.divisions)
        let desks = Self.deskIDs(center)
        if let named = request.desk, !desks.contains(named) {
            throw Refusal(DeskPassRequestCode.deskNotFound, "No desk has id \(TextRule.echo(named.rawValue)).", details: ["desk": named.rawValue])
        }

        let record = try RegistrationStanding.load(db, id: id)
        try DeskPassRules.checkHolder(category: record.category)
        try record.registration.checkCanBook(today: today)

        let pool = center.desks.pool
        let days = try BookableCalendar.load(db, calendar: calendar, from: date, to: date)
        if days.isClosed(date, facility: pool) { throw days.closedError(on: date, facility: pool) }

        try rules.checkWindow(date: date, today: today)
        let start = try rules.start(date: date, period: request.period, divisions: center.divisions)
        let deadline = try rules.checkInDeadline(date: date, period: request.period, divisions: center.divisions)
        try rules.checkNotPast(now: now, deadline: deadline)
        try record.registration.checkValid(on: date)

        let held = try DeskLedger.personUnits(db, registration: id, date: date)
        if let unit = units.first(where: held.contains) { throw DeskLedger.overlaps(date: date, unit: unit) }

        let week = DeskPassRules.weekStart(of: date)
        try rules.checkWeeklyLimit(date: date, passDates: try DeskLedger.passDates(db, registration: id, from: week,
                                                                                   to: week.adding(days: 6)))

        let taken = try DeskLedger.takenDesks(db, date: date, units: units)
        let desk: FacilityID
        if let named = request.desk {
            if taken.contains(named) { throw DeskLedger.deskTaken(named, date: date, unit: units[0]) }
            desk = named
        } else {
            guard let free = DeskPassRules.firstFreeDesk(desks, taken: taken) else {
                throw Refusal(DeskPassRequestCode.noDeskFree, "No desk is free on \(date) (\(request.period)).",
                              details: ["date": date.description, "period": request.period])
            }
            desk = free
        }

        try db.run("""
            INSERT INTO desk_passes (registration_id, desk_id, date, period, state, fee, starts_at, check_in_deadline,
                created_at, created_by)
            VALUES (?, ?, ?, ?, 'booked', ?, ?, ?, ?, ?)
            """, [.integer(id), desk.sqlValue, date.sqlValue, .text(request.period),
                  .integer(Int64(center.desks.fee * units.count)), start.sqlValue,
                  deadline.sqlValue, now.sqlValue, .text(actor.auditLabel)])
        let passID = db.lastInsertRowID
        try DeskLedger.insertUnits(db, pass: passID, desk: desk, registration: id, date: date, units: units)
        return try AuditLog.appendEncoded(db, at: now, actor: actor.auditLabel, action: "desk_pass.create",
                                          entity: "desk_pass", id: passID, after: DeskPass.load(db, id: passID))
    }
}
