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
        IdempotencyCode, BookingRequestCode, FacilityLookupCode, BookableRoomCode, HourRange.Code,
        RegistrationLookupCode, Registration.Code, Registration.ValidityCode, ClosedDayCode, CategoryWindow.Code,
        LotteryRound.FirstComeCode, DivisionCutoff.Code, ConsecutiveDays.Code, WaitingHoldCode, CommunityQuota.Code,
        MonthlyLimit.Code, CouplingApproval.Code, RoomCoupling.Code, Capacity.Code, FeeCalculator.Code
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
            case .accepted(let draft): return try await take(draft, by: actor, idempotency: idempotency?.hashed(), at: now)
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
        if actor.role == .member, request.couplingApproval != nil {
            throw Refusal(BookingRequestCode.forbidden, "Only staff approve a coupled room's use alone (施行規則 第4条1項2号).")
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

    /// What `list` refuses with.
    public typealias ListRefusal = Refusals<RegistrationLookupCode, FacilityLookupCode>

    /// The bookings `filter` names, a page at a time (`BookingFilter`). A
    /// member sees only its own; a registration named must exist
    /// (`registration_not_found`), a facility must be in the catalogue.
    public func list(_ filter: BookingFilter, for actor: Actor) async throws(ServiceError<ListRefusal>) -> ListPage<Booking> {
        try await context.run(ListRefusal.self) {
            if let registration = filter.registration { try Registrations.requireOwn(registration: registration, actor: actor) }
            if let facility = filter.facility, settings.center.facility(facility) == nil {
                throw Refusal(FacilityLookupCode.facilityNotFound, "No facility has id \(TextRule.echo(facility.rawValue)).",
                              details: ["facility": facility.rawValue])
            }
            let owner = actor.role == .member ? actor.registrationID : filter.registration
            var conditions = SQLConditions()
            conditions.add("first_date <= ?", filter.to.map(\.sqlValue))
            conditions.add("last_date >= ?", filter.from.map(\.sqlValue))
            conditions.add("facility_id = ?", filter.facility.map(\.sqlValue))
            conditions.add("registration_id = ?", owner.map { .integer($0) })
            if !filter.states.isEmpty {
                let marks = Array(repeating: "?", count: filter.states.count).joined(separator: ", ")
                conditions.add("state IN (\(marks))", values: filter.states.map(\.sqlValue))
            }
            conditions.add("(first_date > ? OR (first_date = ? AND id > ?))", values: filter.after.map { cursor in
                [.text(cursor.keys[0]), .text(cursor.keys[0]), .integer(Int64(cursor.keys[1]) ?? 0)]
            })
            let limit = min(max(filter.limit, 1), BookingFilter.maximumLimit)
            let query = "SELECT \(Booking.columns) FROM bookings" + conditions.clause + " ORDER BY first_date, id LIMIT ?"
            let values = conditions.arguments + [.integer(Int64(limit + 1))]
            let mustExist = actor.role == .member ? nil : filter.registration
            return try await pool.read { db in
                if let mustExist { _ = try RegistrationStanding.load(db, id: mustExist) }
                let rows = try db.query(query, values).map(Booking.init(row:))
                let page = Array(rows.prefix(limit))
                let next = rows.count > limit ? page.last.map { PageCursor([$0.firstDate.description, String($0.id)]) } : nil
                return ListPage(items: page, next: next)
            }
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
