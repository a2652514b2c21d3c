import CalendarValues
import CenterDomain
import JSON
internal import Store

extension Bookings {
    /// What `bookSeries` refuses with before any date is tried: the request,
    /// the plan, the room, the registration and its category. Each date's
    /// own refusal is its answer in the outcome, not a refusal of the request.
    public typealias SeriesRefusal = Refusals<
        IdempotencyCode, BookingRequestCode, SeriesPlan.Code, FacilityLookupCode, BookableRoomCode, RegistrationLookupCode
    >

    /// Books a series (定期利用, `POST /series`) in one write: every date of
    /// the pattern up to the category's window, in date order, each through
    /// every rule of `BookingDesk` as its own booking (a refused date rolls
    /// back alone, and each later date sees the earlier ones booked); the
    /// dates after the window are listed for `continueSeries`.
    public func bookSeries(_ request: SeriesRequest, by actor: Actor,
                           idempotency: IdempotencyKey? = nil) async throws(ServiceError<SeriesRefusal>) -> Recorded<SeriesBookingOutcome> {
        try await context.run(SeriesRefusal.self) {
            try Registrations.requireOwn(registration: request.registration, actor: actor)
            if actor.role == .member, !request.exemptions.isEmpty {
                throw Refusal(BookingRequestCode.forbidden, "Only staff grant fee exemptions (減免).")
            }
            try request.booking(on: request.from).checkWellFormed()
            let plan = try SeriesPlan(pattern: request.pattern, from: request.from, through: request.through)
            let center = settings.center
            let roadmapState = context.roadmapState
            let recorded = try await context.recordedWrite(.seriesCreate, SeriesRefusal.self, actor: actor,
                                                           idempotency: idempotency) { db, now in
                let calendar = roadmapState.calendar
                _ = try BookingPlan.bookableRoom(request.facility, center: center)
                let standing = try RegistrationStanding.load(db, id: request.registration)
                guard let window = center.window(for: standing.category) else {
                    throw Refusal(BookingRequestCode.categoryNotPermitted, "The \(standing.category.rawValue) category books no rooms.",
                                  details: ["category": standing.category.rawValue])
                }
                let horizon = SeriesPlan.horizon(opening: window.opens?.opening, today: now.japanDate) { !calendar.isOpen($0) }
                let (within, after) = plan.dates(horizon: horizon)
                let through = min(horizon ?? plan.through, plan.through)
                try db.run("""
                    INSERT INTO booking_series (registration_id, facility_id, divisions, pattern, from_date, through_date, window_through,
                        request, purpose, attendees, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, [.integer(standing.id), request.facility.sqlValue,
                          .text((request.hours.map { $0.on(request.from).units } ?? request.divisions).map(\.rawValue).joined(separator: ",")),
                          .text(try JSONCodec.text(of: request.pattern)), plan.from.sqlValue, plan.through.sqlValue, through.sqlValue,
                          .text(try JSONCodec.text(of: request)), .text(request.purpose), .integer(Int64(request.attendees)),
                          now.sqlValue, .text(actor.auditLabel)])
                let id = db.lastInsertRowID
                let results = try Self.bookDates(db, within, of: request, series: id, center: center, calendar: calendar,
                                                 now: now, actor: actor)
                let outcome = try Encoded(SeriesBookingOutcome(series: try BookingSeries.load(db, id: id), results: results,
                                                               afterWindow: after))
                try AuditLog.append(db, at: now, actor: actor.auditLabel, action: "booking_series.create", entity: "booking_series",
                                    entityID: String(id), after: outcome.value.series.auditImage)
                return outcome
            }
            context.bookingTimer.nudge()
            return recorded
        }
    }

    /// What `continueSeries` refuses with.
    public typealias SeriesContinueRefusal = Refusals<IdempotencyCode, SeriesLookupCode, SeriesStateCode, BookingRequestCode>

    /// Books the dates of series `id` whose window has opened since it was
    /// last booked (`POST /series/{id}/continue`), as `bookSeries` does.
    public func continueSeries(id: Int64, by actor: Actor,
                               idempotency: IdempotencyKey? = nil) async throws(ServiceError<SeriesContinueRefusal>)
        -> Recorded<SeriesBookingOutcome> {
        try await context.run(SeriesContinueRefusal.self) {
            let center = settings.center
            let roadmapState = context.roadmapState
            let recorded = try await context.recordedWrite(.seriesContinue, SeriesContinueRefusal.self, actor: actor,
                                                           idempotency: idempotency) { db, now in
                let calendar = roadmapState.calendar
                let series = try BookingSeries.load(db, id: id, for: actor)
                guard series.cancelledAt == nil else {
                    throw Refusal(SeriesStateCode.seriesCancelled, "Series \(id) was cancelled.", details: ["series": String(id)])
                }
                let request = series.request
                let standing = try RegistrationStanding.load(db, id: request.registration)
                guard let window = center.window(for: standing.category) else {
                    throw Refusal(BookingRequestCode.categoryNotPermitted, "The \(standing.category.rawValue) category books no rooms.",
                                  details: ["category": standing.category.rawValue])
                }
                let horizon = SeriesPlan.horizon(opening: window.opens?.opening, today: now.japanDate) { !calendar.isOpen($0) }
                let all = series.windowThrough.adding(days: 1).dates(through: request.through).filter(request.pattern.contains)
                let within = all.filter { date in horizon.map { date <= $0 } ?? true }
                let after = all.filter { date in horizon.map { date > $0 } ?? false }
                let through = min(horizon ?? request.through, request.through)
                if through > series.windowThrough {
                    try db.run("UPDATE booking_series SET window_through = ? WHERE id = ?", [through.sqlValue, .integer(id)])
                }
                let results = try Self.bookDates(db, within, of: request, series: id, center: center, calendar: calendar,
                                                 now: now, actor: actor)
                let outcome = try Encoded(SeriesBookingOutcome(series: try BookingSeries.load(db, id: id), results: results,
                                                               afterWindow: after))
                // A continuation that booked nothing and reached no further changed nothing: no audit line.
                let changed = outcome.value.series.auditImage
                if changed != series.auditImage {
                    try AuditLog.append(db, at: now, actor: actor.auditLabel, action: "booking_series.continue", entity: "booking_series",
                                        entityID: String(id), before: series.auditImage, after: changed)
                }
                return outcome
            }
            context.bookingTimer.nudge()
            return recorded
        }
    }

    /// Each date booked in its own savepoint: a refusal rolls that date
    /// back and is its answer; any other failure ends the write.
    static func bookDates(_ db: Database, _ dates: [LocalDate], of request: SeriesRequest, series: Int64,
                          center: CenterConfiguration, calendar: CenterCalendar, now: Instant,
                          actor: Actor) throws -> [SeriesDateResult<Booking, BookRefusal>] {
        let desk = BookingDesk(center: center, catalogue: center.catalogue, calendar: calendar, now: now, origin: .series(series))
        return try SeriesBooking.attempt(dates, as: BookRefusal.self) { date in
            try db.execute("SAVEPOINT series_date")
            do {
                let booking = try desk.book(db, request.booking(on: date), actor: actor)
                try db.execute("RELEASE series_date")
                return booking.value
            } catch {
                try db.execute("ROLLBACK TO series_date; RELEASE series_date")
                throw error
            }
        }
    }

    /// What `series` and `cancelSeries` refuse with.
    public typealias SeriesCancelRefusal = Refusals<IdempotencyCode, SeriesLookupCode, SeriesStateCode>

    /// Series `id`; a member sees only its own.
    public func series(id: Int64, for actor: Actor) async throws(ServiceError<SeriesLookupCode>) -> BookingSeries {
        try await context.run(SeriesLookupCode.self) {
            try await pool.read { db in try BookingSeries.load(db, id: id, for: actor) }
        }
    }

    /// Cancels the series (`POST /series/{id}/cancel`): every booking of it
    /// not yet used is cancelled by the user with its refund and any
    /// late-cancel points, as `cancel` does one; a booking in use stays.
    /// One date alone is cancelled as any booking (`POST /bookings/{id}/cancel`).
    public func cancelSeries(id: Int64, reason: String?, by actor: Actor,
                             idempotency: IdempotencyKey? = nil) async throws(ServiceError<SeriesCancelRefusal>) -> Recorded<BookingSeries> {
        try await context.run(SeriesCancelRefusal.self) {
            let center = settings.center
            let waitingDesk = context.waitingDesk(actor: actor.auditLabel)
            return try await context.recordedWrite(.seriesCancel, SeriesCancelRefusal.self, actor: actor,
                                                   idempotency: idempotency) { db, now in
                let before = try BookingSeries.load(db, id: id, for: actor)
                guard before.cancelledAt == nil else {
                    throw Refusal(SeriesStateCode.seriesCancelled, "Series \(id) was cancelled.", details: ["series": String(id)])
                }
                for booking in before.bookings where booking.state.successors.contains(.cancelledByUser) {
                    _ = try Self.cancel(db, BookingRow.load(db, id: booking.id), by: .user, reason: reason ?? "series \(id) cancelled",
                                        center: center, waitingDesk: waitingDesk, actor: actor.auditLabel, now: now)
                }
                try db.run("UPDATE booking_series SET cancelled_at = ?, cancelled_by = ? WHERE id = ?",
                           [now.sqlValue, .text(actor.auditLabel), .integer(id)])
                let after = try Encoded(BookingSeries.load(db, id: id))
                try AuditLog.append(db, at: now, actor: actor.auditLabel, action: "booking_series.cancel", entity: "booking_series",
                                    entityID: String(id), before: before.auditImage, after: after.value.auditImage)
                return after
            }
        }
    }
}
