import CalendarValues
import CenterDomain
internal import Store

extension Bookings {
    /// The booking `request` would be if it were taken now: every rule of
    /// `book` checked against the rows as they are, the fee with its
    /// breakdown and the payment deadline, in a write that is rolled back
    /// (nothing is stored, audited or recorded). What the front desk shows
    /// before staff confirm; refuses as `book` would.
    public func dryRun(_ request: BookingRequest, by actor: Actor) async throws(ServiceError<BookRefusal>) -> Booking {
        try await context.run(BookRefusal.self) {
            try Registrations.requireOwn(registration: request.registration, actor: actor)
            let center = settings.center
            let roadmapState = context.roadmapState
            let now = clock.now()
            do {
                try await pool.write { db in
                    let booking = try BookingDesk(center: center, calendar: roadmapState.calendar, db: db, now: now)
                        .book(request, actor: actor)
                    throw DryRunOutcome(booking: booking.value)
                }
            } catch let outcome as DryRunOutcome {
                return outcome.booking
            }
            throw DryRunOutcome.missing
        }
    }
}

/// How a dry run's booking leaves its write: thrown, so the write rolls back.
private struct DryRunOutcome: Error {
    let booking: Booking

    static let missing = CancellationError()
}
