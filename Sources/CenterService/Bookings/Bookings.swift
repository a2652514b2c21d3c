import CalendarValues
import CenterDomain
internal import Store

/// Room bookings (予約): taking one with every rule of `BookingDesk` in one
/// write, reading and listing them, and their life (payment, check-in,
/// cancellation, lapse, use).
public struct Bookings: AreaService {
    let context: ServiceContext

    /// What `book` refuses with: the request's own checks, then every rule in
    /// the order `BookingDesk` runs them.
    public typealias BookRefusal = Refusals<
        IdempotencyCode, BookingRequestCode, FacilityLookupCode, BookableRoomCode, RegistrationLookupCode, Registration.Code,
        Registration.ValidityCode, ClosedDayCode, CategoryWindow.Code, DivisionCutoff.Code, ConsecutiveDays.Code, CommunityQuota.Code,
        MonthlyLimit.Code, RoomCoupling.Code, Capacity.Code, FeeCalculator.Code
    >

    /// Books a room (`POST /bookings`): the request's own checks, then every
    /// rule of `BookingDesk` on a read snapshot taken on arrival, which
    /// refuses at once what it can (not recorded under the key: docs/API.md
    /// "Idempotency"), then the same rules in the single writer's
    /// transaction, which inserts; the booking starts `provisional` with its
    /// fee and payment deadline. A member books only for its own
    /// registration and cannot grant itself an exemption.
    public func book(_ request: BookingRequest, by actor: Actor,
                     idempotency: IdempotencyKey? = nil) async throws(ServiceError<BookRefusal>) -> Recorded<Booking> {
        try await context.run(BookRefusal.self) {
            let now = clock.now()
            switch try await arrive(request, by: actor, idempotency: idempotency, at: now) {
            case .replay(let first): return Recorded(replayOf: first)
            case .accepted(let draft): return try await take(draft, by: actor, idempotency: idempotency, at: now)
            }
        }
    }

    /// The first step of `book`, off the writer: the request's own checks,
    /// then a replayed key's first answer, or every rule on a read snapshot.
    func arrive(_ request: BookingRequest, by actor: Actor, idempotency: IdempotencyKey?,
                at now: Instant) async throws -> BookingDesk.Arrival {
        try Self.checkRequest(request, by: actor)
        let desk = BookingDesk(center: settings.center, catalogue: context.catalogue, calendar: calendar, now: now)
        return try await pool.read { db in try desk.onArrival(db, request, actor: actor, idempotency: idempotency) }
    }

    /// What a request is refused for on its own, before anything is read
    /// (docs/API.md "The checks of a booking", 1–2): another registration's
    /// for a member, an exemption a member names, malformed values.
    static func checkRequest(_ request: BookingRequest, by actor: Actor) throws {
        try Registrations.requireOwn(registration: request.registration, actor: actor)
        if actor.role == .member, !request.exemptions.isEmpty {
            throw Refusal(BookingRequestCode.forbidden, "Only staff grant fee exemptions (減免).")
        }
        try request.checkWellFormed()
    }

    /// The second step of `book`, in the single writer: the rules again on
    /// the writer's facts, and the insert, recorded under the key.
    func take(_ draft: BookingDesk.Draft, by actor: Actor, idempotency: IdempotencyKey?,
              at now: Instant) async throws -> Recorded<Booking> {
        let center = settings.center, catalogue = context.catalogue
        let roadmapState = context.roadmapState
        let recorded = try await context.recordedWrite(.bookingCreate, BookRefusal.self, actor: actor,
                                                       idempotency: idempotency, at: now) { db, now in
            // The calendar as it stands inside the single writer, so a works
            // change committed just before this booking closes its rooms.
            try BookingDesk(center: center, catalogue: catalogue, calendar: roadmapState.calendar, now: now)
                .take(db, draft, actor: actor)
        }
        if let booking = recorded.value { context.bookingTimer.nudge(deadline: booking.paymentDeadline) }
        return recorded
    }

    /// Booking `id`; a member sees only its own (another id is 404).
    public func booking(id: Int64, for actor: Actor) async throws(ServiceError<BookingLookupCode>) -> Booking {
        try await context.run(BookingLookupCode.self) {
            try await pool.read { db in try Booking.load(db, id: id, for: actor) }
        }
    }

    /// Bookings in use on some day from `from` to `to` (either end open when
    /// nil), of `facility`, of `registration`, by first day of use then id, at
    /// most `limit`. A member sees only its own.
    public func list(from: LocalDate?, to: LocalDate?, facility: FacilityID?, registration: Int64?, for actor: Actor,
                     limit: Int = 500) async throws(ServiceError<RegistrationLookupCode>) -> [Booking] {
        try await context.run(RegistrationLookupCode.self) {
            if let registration { try Registrations.requireOwn(registration: registration, actor: actor) }
            let owner = actor.role == .member ? actor.registrationID : registration
            var filter = SQLConditions()
            filter.add("first_date <= ?", to.map(\.sqlValue))
            filter.add("last_date >= ?", from.map(\.sqlValue))
            filter.add("facility_id = ?", facility.map(\.sqlValue))
            filter.add("registration_id = ?", owner.map { .integer($0) })
            let query = "SELECT \(Booking.columns) FROM bookings" + filter.clause + " ORDER BY first_date, id LIMIT ?"
            let values = filter.arguments + [.integer(Int64(limit))]
            return try await pool.read { db in try db.query(query, values).map(Booking.init(row:)) }
        }
    }

    /// The live bookings using any of `facilities` (none: every facility) on
    /// a day from `from` to `to`: what a closure or a works move would displace.
    public func live(from: LocalDate, to: LocalDate, facilities: [FacilityID]) async throws -> [Booking] {
        try await pool.read { db in
            try BookingLedger.liveBookingIDs(db, from: from, to: to, facilities: facilities).map { try Booking.load(db, id: $0) }
        }
    }

    /// How many room bookings are in each state (every state listed, zero
    /// included, in `BookingState` order), for the `nakano_bookings` gauge.
    public func countsByState() async throws -> [(state: String, count: Int)] {
        let counted: [String: Int] = try await pool.read { db in
            var counts: [String: Int] = [:]
            for row in try db.query("SELECT state, count(*) AS n FROM bookings GROUP BY state") {
                counts[try row.get("state")] = try row.get("n")
            }
            return counts
        }
        return BookingState.allCases.map { (state: $0.rawValue, count: counted[$0.rawValue] ?? 0) }
    }
}
