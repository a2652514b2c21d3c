import CalendarValues
import CenterDomain
internal import Store

extension Bookings {
    /// What `pay` refuses with.
    public typealias PayRefusal = Refusals<IdempotencyCode, BookingLookupCode, BookingState.Code, PaymentCode>
    /// What `checkIn` refuses with.
    public typealias CheckInRefusal = Refusals<IdempotencyCode, BookingLookupCode, BookingState.Code, CheckInCode>
    /// What `cancel` refuses with.
    public typealias CancelRefusal = Refusals<IdempotencyCode, CancelCode, BookingLookupCode, BookingState.Code>

    /// Records the payment (支払): provisional → paid. After the deadline the
    /// hold can no longer be paid (`payment_deadline_passed`).
    public func pay(booking id: Int64, by actor: Actor, idempotency: IdempotencyKey? = nil)
        async throws(ServiceError<PayRefusal>) -> Recorded<Booking> {
        try await context.run(PayRefusal.self) {
            try await context.recordedWrite(.bookingPay, PayRefusal.self, actor: actor, idempotency: idempotency) { db, now in
                let before = try Booking.load(db, id: id, for: actor)
                _ = try before.state.transition(to: .paid)
                guard now <= before.paymentDeadline else {
                    throw Refusal(PaymentCode.paymentDeadlinePassed, "The hold lapsed at \(before.paymentDeadline.rfc3339).",
                                  details: ["payment_deadline": before.paymentDeadline.rfc3339])
                }
                try db.run("UPDATE bookings SET state = 'paid', paid_at = ? WHERE id = ?",
                           [now.sqlValue, .integer(id)])
                return try Self.audited(db, id: id, before: before, action: "booking.pay", actor: actor.auditLabel, now: now)
            }
        }
    }

    /// Checks the user in (チェックイン) on a day of use: paid → checked_in.
    public func checkIn(booking id: Int64, by actor: Actor, idempotency: IdempotencyKey? = nil)
        async throws(ServiceError<CheckInRefusal>) -> Recorded<Booking> {
        try await context.run(CheckInRefusal.self) {
            try await context.recordedWrite(.bookingCheckIn, CheckInRefusal.self, actor: actor,
                                            idempotency: idempotency) { db, now in
                let before = try Booking.load(db, id: id, for: actor)
                _ = try before.state.transition(to: .checkedIn)
                let today = now.japanDate
                guard before.firstDate <= today, today <= before.lastDate else {
                    throw Refusal(CheckInCode.checkInNotToday, "Check-in is on a day of use (\(before.firstDate)–\(before.lastDate)).",
                                  details: ["first_date": before.firstDate.description, "last_date": before.lastDate.description])
                }
                try db.run("UPDATE bookings SET state = 'checked_in', checked_in_at = ? WHERE id = ?",
                           [now.sqlValue, .integer(id)])
                return try Self.audited(db, id: id, before: before, action: "booking.check_in", actor: actor.auditLabel, now: now)
            }
        }
    }

    /// Cancels (取消し) with the refund of `RefundSchedule`: by the user (a
    /// member for its own booking, or staff on its behalf), or by the center
    /// (staff only, 100%). A late user cancellation earns penalty points.
    public func cancel(booking id: Int64, reason: String?, byCenter: Bool, by actor: Actor,
                       idempotency: IdempotencyKey? = nil) async throws(ServiceError<CancelRefusal>) -> Recorded<Booking> {
        try await context.run(CancelRefusal.self) {
            if byCenter, actor.role == .member {
                throw Refusal(CancelCode.forbidden, "Only staff cancel on the center's behalf.")
            }
            if let reason { try TextRule.optionalReason.check(reason, field: "reason", code: CancelCode.reasonInvalid) }
            let center = settings.center
            return try await context.recordedWrite(.bookingCancel, CancelRefusal.self, actor: actor,
                                                   idempotency: idempotency) { db, now in
                let before = try BookingRow.load(db, id: id, for: actor)
                return try Self.cancel(db, before, by: byCenter ? .center : .user, reason: reason, center: center,
                                       actor: actor.auditLabel, now: now)
            }.map { try? $0.booking() }
        }
    }

    /// Lapses (失効) every provisional booking whose payment deadline has
    /// passed at `now`, freeing its units. Returns the lapsed ids. The
    /// service's timer calls it; tests call it directly.
    @discardableResult
    public func lapseDue(now: Instant) async throws -> [Int64] {
        try await pool.write { db in
            let due = try db.query("SELECT id FROM bookings WHERE state = 'provisional' AND payment_deadline < ? ORDER BY id",
                                   [now.sqlValue]).map { try $0.get("id") as Int64 }
            for id in due {
                let before = try Booking.load(db, id: id)
                try db.run("UPDATE bookings SET state = 'lapsed' WHERE id = ?", [.integer(id)])
                try BookingLedger.release(db, booking: id)
                _ = try Self.audited(db, id: id, before: before, action: "booking.lapse", actor: "system:timer", now: now)
            }
            return due
        }
    }

    /// Closes the bookings whose last day of use ended before `now`: checked
    /// in → done; paid but never checked in → no_show with penalty points.
    @discardableResult
    public func closeUsedBookings(now: Instant) async throws -> [Int64] {
        let policy = settings.center.penalties
        return try await pool.write { db in
            let today = now.japanDate
            let due = try db.query("""
                SELECT id FROM bookings WHERE state IN ('paid', 'checked_in') AND last_date < ? ORDER BY id
                """, [today.sqlValue]).map { try $0.get("id") as Int64 }
            for id in due {
                let before = try Booking.load(db, id: id)
                let next = try before.state.transition(to: before.state == .checkedIn ? .done : .noShow)
                try db.run("UPDATE bookings SET state = ? WHERE id = ?", [next.sqlValue, .integer(id)])
                if next == .noShow {
                    try BookingLedger.release(db, booking: id)
                    try Self.penalize(db, booking: before.id, registration: before.registration, event: .noShow, policy: policy,
                                      actor: "system:timer", now: now)
                }
                _ = try Self.audited(db, id: id, before: before, action: "booking.\(next.rawValue)", actor: "system:timer", now: now)
            }
            return due
        }
    }

    /// The longest the booking timer sleeps without looking again.
    static let timerMaximumSleepSeconds: Int64 = 3600

    /// Lapses unpaid provisional bookings at their deadline (仮予約の失効) and
    /// closes used ones (no-show, done): sleeps on the clock until the
    /// earliest pending event, or until a new booking nudges it.
    func runTimer() async {
        while !Task.isCancelled {
            let now = clock.now()
            _ = await context.timerRound("booking.lapse") { try await lapseDue(now: now) }
            _ = await context.timerRound("booking.close_used") { try await closeUsedBookings(now: now) }
            let fallback = now.adding(seconds: Self.timerMaximumSleepSeconds)
            let upcoming = await context.timerRound("booking.next_event") { try await nextBookingEvent() } ?? nil
            let next = max(min(upcoming ?? fallback, fallback), now.adding(seconds: 1))
            let clock = self.clock, bookingTimer = context.bookingTimer
            await withTaskGroup(of: Void.self) { group in
                group.addTask { try? await clock.sleep(until: next) }
                group.addTask { await bookingTimer.wait(wakingAt: next) }
                await group.next()
                group.cancelAll()
            }
        }
    }

    /// When the booking timer next has work: the earliest moment a hold lapses
    /// or a booking's last day of use ends; nil when nothing is pending.
    func nextBookingEvent() async throws -> Instant? {
        try await pool.read { db in
            let deadline: Int64? = try db.queryOne(
                "SELECT min(payment_deadline) AS at FROM bookings WHERE state = 'provisional'")?.get("at")
            let lastDay: String? = try db.queryOne(
                "SELECT min(last_date) AS day FROM bookings WHERE state IN ('paid', 'checked_in')")?.get("day")
            let lapse = deadline.map { Instant(secondsSinceEpoch: $0 + 1) }
            let used = lastDay.flatMap(LocalDate.init).map { Instant(japanDate: $0.adding(days: 1)) }
            return [lapse, used].compactMap { $0 }.min()
        }
    }

    /// Cancels `before` inside the caller's transaction: the state, the
    /// refund, freed units, a late-cancel penalty, and the audit line. The
    /// row after is `before` with what the update set, not read back, and
    /// both audit images are written from the rows (`BookingRow.json`).
    static func cancel(_ db: Database, _ before: BookingRow, by canceller: Canceller, reason: String?,
                       center: CenterConfiguration, actor: String, now: Instant) throws -> Encoded<BookingRow> {
        let next = try before.state.transition(to: canceller == .center ? .cancelledByCenter : .cancelledByUser)
        let today = now.japanDate
        let paid = before.paidAt == nil ? 0 : before.feeTotal
        let refund = center.refunds.refund(paid: paid, cancelledOn: today, useDate: before.firstDate, by: canceller)
        try db.run(cancelStatement, [next.sqlValue, now.sqlValue, .text(actor), reason.map { .text($0) } ?? .null,
                  .integer(Int64(refund.percent)), .integer(Int64(refund.amount)), .integer(before.id)])
        try BookingLedger.release(db, booking: before.id)
        if canceller == .user, center.penalties.isLateCancel(cancelledOn: today, useDate: before.firstDate) {
            try penalize(db, booking: before.id, registration: before.registration, event: .lateCancel,
                         policy: center.penalties, actor: actor, now: now)
        }
        var after = before
        after.state = next
        after.cancelledAt = now
        after.cancelledBy = actor
        after.cancelReason = reason
        after.refund = Booking.Refund(percent: refund.percent, amount: refund.amount)
        let encoded = try after.encoded()
        try AuditLog.append(db, at: now, actor: actor, action: "booking.cancel", entity: "booking", entityID: String(before.id),
                            before: try before.encoded(), after: encoded)
        return encoded
    }

    static let cancelStatement = SQL("""
        UPDATE bookings SET state = ?, cancelled_at = ?, cancelled_by = ?, cancel_reason = ?, refund_percent = ?,
            refund_amount = ? WHERE id = ?
        """)

    /// Records a penalty (ペナルティ) and applies it to the registration:
    /// points, and a suspension when they reach the threshold.
    static func penalize(_ db: Database, booking: Int64, registration: Int64, event: PenaltyEvent, policy: PenaltyPolicy,
                         actor: String, now: Instant) throws {
        let today = now.japanDate
        let before = try RegistrationRecord.load(db, id: registration, today: today)
        let outcome = policy.record(event, currentPoints: before.penaltyPoints, on: today)
        let updated = policy.applying(event, to: before.registration, on: today)
        try db.run("""
            INSERT INTO penalties (registration_id, booking_id, event, points, at, suspended_until) VALUES (?, ?, ?, ?, ?, ?)
            """, [.integer(registration), .integer(booking), event.sqlValue,
                  .integer(Int64(policy.points(for: event))), now.sqlValue,
                  outcome.suspendedUntil.sqlValue])
        try db.run("""
            UPDATE registrations SET penalty_points = ?, status = ?, suspended_until = ?, updated_at = ?, updated_by = ?
            WHERE id = ?
            """, [.integer(Int64(updated.penaltyPoints)), (updated.suspendedUntil == nil ? RegistrationStatus.active : .suspended).sqlValue,
                  updated.suspendedUntil.sqlValue, now.sqlValue,
                  .text(actor), .integer(registration)])
        let after = try RegistrationRecord.load(db, id: registration, today: today)
        try AuditLog.append(db, at: now, actor: actor, action: "registration.penalty.\(event.rawValue)",
                            entity: "registration", entityID: String(registration), before: before, after: after)
    }

    /// Reloads booking `id` after a change and audits it with `before`; the
    /// booking comes back encoded, the bytes its audit line took.
    static func audited(_ db: Database, id: Int64, before: Booking, action: String, actor: String,
                        now: Instant) throws -> Encoded<Booking> {
        let after = try Encoded(Booking.load(db, id: id))
        try AuditLog.append(db, at: now, actor: actor, action: action, entity: "booking", entityID: String(id),
                            before: before, after: after)
        return after
    }

    /// Cancels `bookings` on the center's behalf inside the caller's write
    /// transaction (100% refund, no penalty) and returns them as cancelled.
    /// A booking already checked in is in use and stays as it is.
    static func cancelForCenter(_ db: Database, bookings ids: [Int64], reason: String, center: CenterConfiguration,
                                actor: String, now: Instant) throws -> [Booking] {
        try ids.map { try BookingRow.load(db, id: $0) }
            .filter { $0.state.successors.contains(.cancelledByCenter) }
            .map { try cancel(db, $0, by: .center, reason: reason, center: center, actor: actor, now: now).value.booking() }
    }
}
