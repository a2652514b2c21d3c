import CalendarValues
import CenterDomain
import Store

extension CenterService {
    /// Books a room (`POST /bookings`) in one write transaction with every rule
    /// of `BookingDesk`; the booking starts `provisional` with its fee and
    /// payment deadline. A member books only for its own registration and
    /// cannot grant itself an exemption.
    public func book(_ request: BookingRequest, by actor: Actor,
                     idempotency: IdempotencyKey? = nil) async throws -> Recorded<Booking> {
        try Self.requireOwn(registration: request.registration, actor: actor)
        if actor.role == .member, !request.exemptions.isEmpty {
            throw DomainError(.forbidden, "forbidden", "Only staff grant fee exemptions (減免).")
        }
        let center = settings.center
        let roadmapState = self.roadmapState
        let recorded = try await recordedWrite(actor: actor, idempotency: idempotency, status: 201) { db, now in
            // Read inside the single writer, so a works change committed just
            // before this booking already closes its rooms.
            try BookingDesk(center: center, calendar: roadmapState.calendar, db: db, now: now).book(request, actor: actor)
        }
        if recorded.value != nil { bookingTimer.nudge() }
        return recorded
    }

    /// Booking `id`; a member sees only its own (another id is 404).
    public func booking(id: Int64, for actor: Actor) async throws -> Booking {
        try await pool.read { db in try Booking.load(db, id: id, for: actor) }
    }

    /// Bookings in use on some day from `from` to `to` (either end open when
    /// nil), of `facility`, of `registration`, by first day of use then id, at
    /// most `limit`. A member sees only its own.
    public func bookings(from: LocalDate?, to: LocalDate?, facility: FacilityID?, registration: Int64?, for actor: Actor,
                         limit: Int = 500) async throws -> [Booking] {
        if let registration { try Self.requireOwn(registration: registration, actor: actor) }
        let owner = actor.role == .member ? actor.registrationID : registration
        var filter = SQLConditions()
        filter.add("first_date <= ?", to.map { .text($0.description) })
        filter.add("last_date >= ?", from.map { .text($0.description) })
        filter.add("facility_id = ?", facility.map { .text($0.rawValue) })
        filter.add("registration_id = ?", owner.map { .integer($0) })
        let query = "SELECT \(Booking.columns) FROM bookings" + filter.clause + " ORDER BY first_date, id LIMIT ?"
        let values = filter.arguments + [.integer(Int64(limit))]
        return try await pool.read { db in try db.query(query, values).map(Booking.init(row:)) }
    }

    /// Every booking of `facility` in use on a day from `from` to `to`, in any
    /// state, by first day then id: the public feed's source (the feed shows
    /// no registration, name or purpose).
    public func facilityBookings(_ facility: FacilityID, from: LocalDate, to: LocalDate) async throws -> [Booking] {
        guard settings.center.facility(facility) != nil else {
            throw DomainError(.notFound, "facility_not_found", "No facility has id \(TextRule.echo(facility.rawValue)).", details: ["facility": facility.rawValue])
        }
        return try await pool.read { db in
            try db.query("""
                SELECT \(Booking.columns) FROM bookings WHERE facility_id = ? AND first_date <= ? AND last_date >= ?
                ORDER BY first_date, id LIMIT 5000
                """, [.text(facility.rawValue), .text(to.description), .text(from.description)]).map(Booking.init(row:))
        }
    }
}
