import CalendarValues
import CenterDomain
internal import Store

extension Bookings {
    /// What `markNoShow` refuses with.
    public typealias NoShowRefusal = Refusals<IdempotencyCode, BookingLookupCode, RoomNoShow.Code>

    /// Marks a room booking a no-show at the counter (無断不使用, `RoomNoShow`):
    /// today is a day it is for, its first division today has started, it is
    /// paid or provisional and not checked in. The booking ends (`no_show`),
    /// its units of today and later are freed for someone else, and the
    /// registration gets the policy's points (and any suspension) as the
    /// rule computed them.
    public func markNoShow(booking id: Int64, by actor: Actor, idempotency: IdempotencyKey? = nil)
        async throws(ServiceError<NoShowRefusal>) -> Recorded<Booking> {
        try await context.run(NoShowRefusal.self) {
            let center = settings.center
            return try await context.recordedWrite(.bookingNoShow, NoShowRefusal.self, actor: actor,
                                                   idempotency: idempotency) { db, now in
                let before = try Booking.load(db, id: id, for: actor)
                let today = now.japanDate
                let holder = try RegistrationRecord.load(db, id: before.registration, today: today)
                let outcome = try RoomNoShow.mark(state: before.state, dates: before.dates,
                                                  divisions: center.divisions.filter { before.divisions.contains($0.id) },
                                                  on: today, now: now, registration: holder.registration,
                                                  policy: center.penalties)
                try db.run("UPDATE bookings SET state = ? WHERE id = ?", [outcome.state.sqlValue, .integer(id)])
                try db.run("UPDATE booking_units SET live = 0 WHERE booking_id = ? AND date >= ? AND live = 1",
                           [.integer(id), today.sqlValue])
                try Self.penalize(db, booking: before, event: .noShow, policy: center.penalties, actor: actor.auditLabel,
                                  now: now, applied: outcome.registration)
                return try Self.audited(db, id: id, before: before, action: "booking.no_show", actor: actor.auditLabel, now: now)
            }
        }
    }
}
