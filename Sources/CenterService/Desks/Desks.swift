import CalendarValues
import CenterDomain
internal import Store

/// Flexible desks (フリーデスク): passes booked by freelancers or by staff
/// for them, checked in at the desk, cancelled, or released as no-shows.
public struct Desks: AreaService {
    let context: ServiceContext

    /// The desks of the pool with their features (`GET /desks`), by id.
    public var all: [DeskConfiguration.Desk] { settings.center.desks.desks.sorted { $0.id < $1.id } }

    /// What `book` refuses with: the request, then the rules in the order
    /// `DeskPassIssuer` runs them.
    public typealias PassRefusal = Refusals<
        IdempotencyCode, DeskPassRequestCode, RegistrationLookupCode, DeskPassRules.Code, Registration.Code, ClosedDayCode,
        Registration.ValidityCode
    >

    /// Issues a desk pass (`POST /desk-passes`) in one write transaction with
    /// every rule of `DeskPassIssuer`. A member books only for its own
    /// registration; staff name the registration.
    public func book(_ request: DeskPassRequest, by actor: Actor,
                     idempotency: IdempotencyKey? = nil) async throws(ServiceError<PassRefusal>) -> Recorded<DeskPass> {
        try await context.run(PassRefusal.self) {
            let registration = try request.holder(for: actor)
            let center = settings.center
            let roadmapState = context.roadmapState
            return try await context.recordedWrite(.deskPassCreate, PassRefusal.self, actor: actor,
                                                   idempotency: idempotency) { db, now in
                try DeskPassIssuer(center: center, calendar: roadmapState.calendar, db: db, now: now)
                    .issue(request, registration: registration, actor: actor)
            }
        }
    }

    /// Desk pass `id`; a member sees only its own (another id is 404).
    public func pass(id: Int64, for actor: Actor) async throws(ServiceError<DeskPassLookupCode>) -> DeskPass {
        try await context.run(DeskPassLookupCode.self) {
            try await pool.read { db in try DeskPass.load(db, id: id, for: actor) }
        }
    }

    /// What `checkIn` refuses with.
    public typealias CheckInRefusal = Refusals<IdempotencyCode, DeskPassLookupCode, DeskPassStateCode, DeskPassRules.CheckInCode>
    /// What `cancel` refuses with.
    public typealias CancelRefusal = Refusals<IdempotencyCode, DeskPassLookupCode, DeskPassStateCode, DeskPassRules.CancelCode>

    /// Checks a pass in (チェックイン) at the front desk or by the freelancer:
    /// from the day of use until the start + grace (`checkCheckIn`).
    public func checkIn(pass id: Int64, by actor: Actor,
                        idempotency: IdempotencyKey? = nil) async throws(ServiceError<CheckInRefusal>) -> Recorded<DeskPass> {
        try await context.run(CheckInRefusal.self) {
            let rules = DeskPassRules(settings.center.desks)
            return try await context.recordedWrite(.deskPassCheckIn, CheckInRefusal.self, actor: actor,
                                                   idempotency: idempotency) { db, now in
                let before = try DeskPass.load(db, id: id, for: actor)
                try Self.requireBooked(before)
                try rules.checkCheckIn(now: now, date: before.date, deadline: before.checkInDeadline)
                try db.run("UPDATE desk_passes SET state = 'checked_in', checked_in_at = ?, checked_in_by = ? WHERE id = ?",
                           [now.sqlValue, .text(actor.auditLabel), .integer(id)])
                return try Self.audited(db, pass: id, before: before, action: "desk_pass.check_in", actor: actor.auditLabel, now: now)
            }
        }
    }

    /// Cancels a pass before it starts (`checkCancel`); its desk is free again at once.
    public func cancel(pass id: Int64, by actor: Actor,
                       idempotency: IdempotencyKey? = nil) async throws(ServiceError<CancelRefusal>) -> Recorded<DeskPass> {
        try await context.run(CancelRefusal.self) {
            let rules = DeskPassRules(settings.center.desks)
            return try await context.recordedWrite(.deskPassCancel, CancelRefusal.self, actor: actor,
                                                   idempotency: idempotency) { db, now in
                let before = try DeskPass.load(db, id: id, for: actor)
                try Self.requireBooked(before)
                try rules.checkCancel(now: now, start: before.startsAt)
                try db.run("UPDATE desk_passes SET state = 'cancelled', cancelled_at = ?, cancelled_by = ? WHERE id = ?",
                           [now.sqlValue, .text(actor.auditLabel), .integer(id)])
                try DeskLedger.release(db, pass: id)
                return try Self.audited(db, pass: id, before: before, action: "desk_pass.cancel", actor: actor.auditLabel, now: now)
            }
        }
    }

    /// What `passes` refuses with.
    public typealias ListRefusal = Refusals<RegistrationLookupCode, DeskPassRequestCode>

    /// The passes `filter` names, a page at a time (`DeskPassFilter`), by
    /// date, start, desk and id. A member sees only its own; a registration
    /// named must exist, a desk must be one of the pool (`desk_not_found`).
    public func passes(_ filter: DeskPassFilter, for actor: Actor) async throws(ServiceError<ListRefusal>) -> ListPage<DeskPass> {
        try await context.run(ListRefusal.self) {
            if let registration = filter.registration { try Registrations.requireOwn(registration: registration, actor: actor) }
            if let desk = filter.desk, !DeskPassIssuer.deskIDs(settings.center).contains(desk) {
                throw Refusal(DeskPassRequestCode.deskNotFound, "No desk has id \(TextRule.echo(desk.rawValue)).",
                              details: ["desk": desk.rawValue])
            }
            let owner = actor.role == .member ? actor.registrationID : filter.registration
            var conditions = SQLConditions()
            conditions.add("date >= ?", filter.from.map(\.sqlValue))
            conditions.add("date <= ?", filter.to.map(\.sqlValue))
            conditions.add("registration_id = ?", owner.map { .integer($0) })
            conditions.add("desk_id = ?", filter.desk.map(\.sqlValue))
            if !filter.states.isEmpty {
                let marks = Array(repeating: "?", count: filter.states.count).joined(separator: ", ")
                conditions.add("state IN (\(marks))", values: filter.states.map { .text($0.rawValue) })
            }
            conditions.add("""
                (date > ? OR (date = ? AND (starts_at > ? OR (starts_at = ? AND (desk_id > ? OR (desk_id = ? AND id > ?))))))
                """, values: filter.after.map { cursor in
                let start = SQLValue.integer(Int64(cursor.keys[1]) ?? 0)
                return [.text(cursor.keys[0]), .text(cursor.keys[0]), start, start, .text(cursor.keys[2]), .text(cursor.keys[2]),
                        .integer(Int64(cursor.keys[3]) ?? 0)]
            })
            let limit = min(max(filter.limit, 1), BookingFilter.maximumLimit)
            let query = "SELECT \(DeskPass.columns) FROM desk_passes" + conditions.clause
                + " ORDER BY date, starts_at, desk_id, id LIMIT ?"
            let values = conditions.arguments + [.integer(Int64(limit + 1))]
            let mustExist = actor.role == .member ? nil : filter.registration
            return try await pool.read { db in
                if let mustExist { _ = try RegistrationStanding.load(db, id: mustExist) }
                let rows = try db.query(query, values).map(DeskPass.init(row:))
                let page = Array(rows.prefix(limit))
                let next = rows.count > limit ? page.last.map { pass in
                    PageCursor([pass.date.description, String(pass.startsAt.secondsSinceEpoch), pass.desk.rawValue, String(pass.id)])
                } : nil
                return ListPage(items: page, next: next)
            }
        }
    }

    /// Refuses a change to a pass that is no longer `booked`:
    /// `already_checked_in`, `desk_pass_cancelled` or `desk_pass_released` (409).
    static func requireBooked(_ pass: DeskPass) throws {
        let details = ["desk_pass": String(pass.id), "state": pass.state.rawValue]
        switch pass.state {
        case .booked:
            return
        case .checkedIn:
            throw Refusal(DeskPassStateCode.alreadyCheckedIn, "Desk pass \(pass.id) is already checked in.", details: details)
        case .cancelled:
            throw Refusal(DeskPassStateCode.deskPassCancelled, "Desk pass \(pass.id) was cancelled.", details: details)
        case .noShow:
            throw Refusal(DeskPassStateCode.deskPassReleased, "Desk pass \(pass.id) was released as a no-show.",
                          details: details)
        }
    }

    /// Reloads pass `id` after a change and audits it with `before`; the
    /// pass comes back encoded, the bytes its audit line took.
    static func audited(_ db: Database, pass id: Int64, before: DeskPass, action: String, actor: String,
                        now: Instant) throws -> Encoded<DeskPass> {
        try AuditLog.appendEncoded(db, at: now, actor: actor, action: action, entity: "desk_pass", id: id,
                                   before: before, after: DeskPass.load(db, id: id))
    }
}
