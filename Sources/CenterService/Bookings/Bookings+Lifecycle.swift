import CalendarValues
import CenterDomain
internal import Store

extension Bookings {
    /// What `checkIn` refuses with.
    public typealias CheckInRefusal = Refusals<IdempotencyCode, BookingLookupCode, BookingState.Code, CheckInCode>
    /// What `cancel` refuses with.
    public typealias CancelRefusal = Refusals<IdempotencyCode, CancelCode, BookingLookupCode, BookingState.Code>

    /// Checks the user in (チェックイン) on a day of use: paid → checked_in.
    public func checkIn(booking id: Int64, by actor: Actor, idempotency: IdempotencyKey? = nil)
        async throws(ServiceError<CheckInRefusal>) -> Recorded<Booking> {
        try await context.run(CheckInRefusal.self) {
            try await context.recordedWrite(.bookingCheckIn, CheckInRefusal.self, actor: actor,
                                            idempotency: idempotency) { db, now in
                let before = try Booking.load(db, id: id, for: actor)
                _ = try before.state.transition(to: .checkedIn)
                let today = now.japanDate
                guard before.dates.contains(today) else {
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
            let waitingDesk = context.waitingDesk(actor: actor.auditLabel)
            return try await context.recordedWrite(.bookingCancel, CancelRefusal.self, actor: actor,
                                                   idempotency: idempotency) { db, now in
                let before = try BookingRow.load(db, id: id, for: actor)
                return try Self.cancel(db, before, by: byCenter ? .center : .user, reason: reason, center: center,
                                       waitingDesk: waitingDesk, actor: actor.auditLabel, now: now)
            }.map { try? $0.booking() }
        }
    }

    /// Lapses (失効) every provisional booking whose payment deadline has
    /// passed at `now`, freeing its units. Returns the lapsed ids. The
    /// service's timer calls it; tests call it directly.
    @discardableResult
    public func lapseDue(now: Instant) async throws -> [Int64] {
        let waitingDesk = context.waitingDesk(actor: "system:timer")
        return try await pool.write { db in
            let due = try db.query("SELECT id FROM bookings WHERE state = 'provisional' AND payment_deadline < ? ORDER BY id",
                                   [now.sqlValue]).map { try $0.get("id") as Int64 }
            for id in due {
                let before = try Booking.load(db, id: id)
                try db.run("UPDATE bookings SET state = 'lapsed' WHERE id = ?", [.integer(id)])
                try Self.refundOnLapse(db, before, at: now)
                try BookingLedger.release(db, booking: id)
                try waitingDesk?(db, now).slotsFreed(booking: before)
                _ = try Self.audited(db, id: id, before: before, action: "booking.lapse", actor: "system:timer", now: now)
            }
            return due
        }
    }

    /// A hold that lapses with part of its fee paid refunds all of it: the
    /// booking was never confirmed, so the center keeps nothing (our
    /// decision). The refund is decided here and paid out by staff.
    static func refundOnLapse(_ db: Database, _ booking: Booking, at now: Instant) throws {
        var ledger = try BookingAccount.load(db, booking: booking).ledger
        let kept = ledger.retained
        guard kept > 0 else { return }
        let due = RefundDue(amount: kept, percent: 100, decidedAt: now)
        try ledger.cancel(refunding: due)
        try BookingAccount.insert(db, refund: due, reason: .lapse, booking: booking.id, decidedBy: "system:timer")
        try db.run("UPDATE bookings SET refund_percent = 100, refund_amount = ? WHERE id = ?",
                   [.integer(Int64(kept)), .integer(booking.id)])
    }

    /// Closes the bookings whose last day of use ended before `now`: checked
    /// in → done; paid but never checked in → no_show with penalty points.
    @discardableResult
    public func closeUsedBookings(now: Instant) async throws -> [Int64] {
        let policy = settings.center.penalties
        let waitingDesk = context.waitingDesk(actor: "system:timer")
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
                    try waitingDesk?(db, now).slotsFreed(booking: before)
                    try Self.penalize(db, booking: before, event: .noShow, policy: policy, actor: "system:timer", now: now)
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
    /// refund is counted from the first day still booked, and adds to what a
    /// closure of some of its days already refunded.
    /// A closure settles its own refund (`PartialClosure`: days already
    /// past stay charged) and passes it as `settledRefund`.
    /// With `waitingDesk`, a freed slot's waiting line is offered it at once;
    /// a closure's cancellations pass none (their slots are closed).
    /// The row after is `before` with what the update set, not read back, and
    /// both audit images are written from the rows (`BookingRow.json`).
    static func cancel(_ db: Database, _ before: BookingRow, by canceller: Canceller, reason: String?,
                       center: CenterConfiguration, waitingDesk: (@Sendable (Database, Instant) -> WaitingDesk)? = nil,
                       actor: String, now: Instant,
                       settledRefund: Int? = nil) throws -> Encoded<BookingRow> {
        let next = try before.state.transition(to: canceller == .center ? .cancelledByCenter : .cancelledByUser)
        let today = now.japanDate
        var ledger = try BookingAccount.load(db, booking: before).ledger
        let terms = cancellationTerms(before, ledger: ledger, by: canceller, today: today, center: center)
        let scheduled = terms.refund
        let refund = settledRefund.map { (percent: center.refunds.centerCancelPercent, amount: $0) }
            ?? (percent: scheduled.percent, amount: scheduled.amount)
        let due = refund.amount > 0 ? RefundDue(amount: refund.amount, percent: refund.percent, decidedAt: now) : nil
        try ledger.cancel(refunding: due)
        if let due { try BookingAccount.insert(db, refund: due, reason: .cancellation, booking: before.id, decidedBy: actor) }
        let refunded = refund.amount + (before.refund?.amount ?? 0)
        try db.run(cancelStatement, [next.sqlValue, now.sqlValue, .text(actor), reason.map { .text($0) } ?? .null,
                                     .integer(Int64(refund.percent)), .integer(Int64(refunded)), .integer(before.id)])
        try BookingLedger.release(db, booking: before.id)
        try waitingDesk?(db, now).slotsFreed(booking: before)
        if terms.isLate {
            try penalize(db, booking: before, event: .lateCancel, policy: center.penalties, actor: actor, now: now)
        }
        var after = before
        after.state = next
        after.cancelledAt = now
        after.cancelledBy = actor
        after.cancelReason = reason
        after.refund = Booking.Refund(percent: refund.percent, amount: refunded)
        let encoded = try after.encoded()
        try AuditLog.append(db, at: now, actor: actor, action: "booking.cancel", entity: "booking", entityID: String(before.id),
                            before: try before.encoded(), after: encoded)
        return encoded
    }

    /// What cancelling `booking` on `today` by `canceller` decides, before
    /// a closure's own settlement: the refund of `RefundSchedule` on what
    /// its `ledger` retains, counted from its first day still booked, and
    /// whether it is a late cancellation by the user (penalty points).
    static func cancellationTerms(_ booking: some StoredBooking, ledger: PaymentLedger, by canceller: Canceller, today: LocalDate,
                                  center: CenterConfiguration) -> (refund: RefundSchedule.Refund, isLate: Bool) {
        let firstDay = booking.dates.first ?? booking.firstDate
        let refund = center.refunds.refund(paid: ledger.retained, cancelledOn: today, useDate: firstDay, by: canceller)
        return (refund, canceller == .user && center.penalties.isLateCancel(cancelledOn: today, useDate: firstDay))
    }

    static let cancelStatement = SQL("""
        UPDATE bookings SET state = ?, cancelled_at = ?, cancelled_by = ?, cancel_reason = ?, refund_percent = ?,
            refund_amount = ? WHERE id = ?
        """)

    /// Records a penalty (ペナルティ) of `booking` and applies it to its
    /// registration (`RegistrationPenalty`). `applied` is the registration
    /// as a rule already computed it (`RoomNoShow`); by default the policy
    /// applies the event there.
    static func penalize(_ db: Database, booking: some StoredBooking, event: PenaltyEvent, policy: PenaltyPolicy, actor: String,
                         now: Instant, applied: Registration? = nil) throws {
        let before = try RegistrationPenalty.apply(db, registration: booking.registration, event: event, policy: policy,
                                                   actor: actor, now: now, applied: applied)
        let outcome = policy.record(event, currentPoints: before.penaltyPoints, on: now.japanDate)
        try db.run("""
            INSERT INTO penalties (registration_id, booking_id, event, points, at, suspended_until) VALUES (?, ?, ?, ?, ?, ?)
            """, [.integer(booking.registration), .integer(booking.id), event.sqlValue,
                  .integer(Int64(policy.points(for: event))), now.sqlValue,
                  outcome.suspendedUntil.sqlValue])
    }

    /// Reloads booking `id` after a change and audits it with `before`; the
    /// booking comes back encoded, the bytes its audit line took.
    static func audited(_ db: Database, id: Int64, before: Booking, action: String, actor: String,
                        now: Instant) throws -> Encoded<Booking> {
        try AuditLog.appendEncoded(db, at: now, actor: actor, action: action, entity: "booking", id: id,
                                   before: before, after: Booking.load(db, id: id))
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
