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

    /// Passes used on `date` (when given) of `registration` (when given), by
    /// date, period and desk, at most `limit`. A member sees only its own.
    public func passes(from: LocalDate?, to: LocalDate?, registration: Int64?, for actor: Actor,
                       limit: Int = 500) async throws(ServiceError<RegistrationLookupCode>) -> [DeskPass] {
        try await context.run(RegistrationLookupCode.self) {
            if let registration { try Registrations.requireOwn(registration: registration, actor: actor) }
            let owner = actor.role == .member ? actor.registrationID : registration
            var filter = SQLConditions()
            filter.add("date >= ?", from.map(\.sqlValue))
            filter.add("date <= ?", to.map(\.sqlValue))
            filter.add("registration_id = ?", owner.map { .integer($0) })
            let query = "SELECT \(DeskPass.columns) FROM desk_passes" + filter.clause + " ORDER BY date, starts_at, desk_id, id LIMIT ?"
            let values = filter.arguments + [.integer(Int64(limit))]
            return try await pool.read { db in try db.query(query, values).map(DeskPass.init(row:)) }
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
