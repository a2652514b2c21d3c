import CalendarValues
import CenterDomain
internal import Store

/// No refund of the booking has the number.
public enum RefundLookupCode: String, ErrorCode {
    case refundNotFound = "refund_not_found"
}

/// Who took or paid out money, as staff typed it: one line of text.
public enum PaymentRequestCode: String, ErrorCode {
    case staffNameInvalid = "staff_name_invalid"
}

/// A payment just taken: its line, and the booking's account after it.
public struct PaymentTaken: Sendable, Hashable, Encodable {
    public let payment: BookingAccount.PaymentLine
    public let account: BookingAccount
}

extension Bookings {
    /// What `takePayment` refuses with.
    public typealias TakePaymentRefusal = Refusals<
        IdempotencyCode, PaymentRequestCode, BookingLookupCode, BookingState.Code, PaymentCode, PaymentLedger.Code
    >
    /// What `payOutRefund` refuses with.
    public typealias PayOutRefusal = Refusals<IdempotencyCode, PaymentRequestCode, BookingLookupCode, RefundLookupCode, PaymentLedger.Code>

    /// Takes a payment (入金) for a provisional booking: `amount` yen by
    /// `method`, taken by `takenBy` (the staff member's name; the token's
    /// name when nil). Part payments are allowed; a payment above what is
    /// outstanding is `overpayment` (`PaymentLedger.record`). The payment
    /// that covers the fee makes the booking `paid`. After the payment
    /// deadline the hold can no longer be paid (`payment_deadline_passed`).
    public func takePayment(booking id: Int64, amount: Int, method: PaymentMethod, takenBy: String? = nil, by actor: Actor,
                            idempotency: IdempotencyKey? = nil) async throws(ServiceError<TakePaymentRefusal>) -> Recorded<PaymentTaken> {
        try await context.run(TakePaymentRefusal.self) {
            let staff = try Self.staffName(takenBy, field: "taken_by", actor: actor)
            return try await context.recordedWrite(.bookingPayment, TakePaymentRefusal.self, actor: actor,
                                                   idempotency: idempotency) { db, now in
                let before = try Booking.load(db, id: id, for: actor)
                let payment = Payment(amount: amount, method: method, takenBy: staff, at: now)
                let number = try Self.record(db, payment, for: before, actor: actor.auditLabel)
                let line = BookingAccount.PaymentLine(number: number, amount: amount, method: method, takenBy: staff, at: now,
                                                      receipt: nil)
                return try Encoded(PaymentTaken(payment: line, account: BookingAccount.load(db, booking: Booking.load(db, id: id))))
            }
        }
    }

    /// Records the payment of what is outstanding (支払), the way the
    /// counter has always marked a booking paid: one payment of the
    /// outstanding amount by `method` (cash unless given), and the booking
    /// becomes `paid`; a ¥0 fee needs no payment. Refused as `takePayment`.
    public func pay(booking id: Int64, method: PaymentMethod = .cash, takenBy: String? = nil, by actor: Actor,
                    idempotency: IdempotencyKey? = nil) async throws(ServiceError<TakePaymentRefusal>) -> Recorded<Booking> {
        try await context.run(TakePaymentRefusal.self) {
            let staff = try Self.staffName(takenBy, field: "taken_by", actor: actor)
            return try await context.recordedWrite(.bookingPay, TakePaymentRefusal.self, actor: actor, idempotency: idempotency) { db, now in
                let before = try Booking.load(db, id: id, for: actor)
                try Self.checkPayable(before, at: now)
                let outstanding = try BookingAccount.load(db, booking: before).ledger.outstanding
                if outstanding > 0 {
                    _ = try Self.record(db, Payment(amount: outstanding, method: method, takenBy: staff, at: now), for: before,
                                        actor: actor.auditLabel)
                } else {
                    try Self.markPaid(db, before, at: now, actor: actor.auditLabel)
                }
                return try Encoded(Booking.load(db, id: id))
            }
        }
    }

    /// Booking `id`'s account: payments, refunds and payouts with their
    /// sums; a member sees only its own booking's.
    public func account(booking id: Int64, for actor: Actor) async throws(ServiceError<BookingLookupCode>) -> BookingAccount {
        try await context.run(BookingLookupCode.self) {
            try await pool.read { db in try BookingAccount.load(db, booking: Booking.load(db, id: id, for: actor)) }
        }
    }

    /// Pays out refund `number` of booking `id` (還付金の支払): `amount` yen
    /// (all it still owes when nil) by `method`, by `paidBy` (the token's
    /// name when nil). Refused `refund_not_found` (404), and by the ledger's
    /// rules: not by invoice, not above what the refund still owes
    /// (`PaymentLedger.payOut`).
    public func payOutRefund(booking id: Int64, refund number: Int, amount: Int? = nil, method: PaymentMethod,
                             paidBy: String? = nil, by actor: Actor, idempotency: IdempotencyKey? = nil)
        async throws(ServiceError<PayOutRefusal>) -> Recorded<BookingAccount> {
        try await context.run(PayOutRefusal.self) {
            let staff = try Self.staffName(paidBy, field: "paid_by", actor: actor)
            return try await context.recordedWrite(.refundPayout, PayOutRefusal.self, actor: actor, idempotency: idempotency) { db, now in
                let booking = try Booking.load(db, id: id, for: actor)
                let account = try BookingAccount.load(db, booking: booking)
                guard let refund = account.refunds.first(where: { $0.number == number }),
                      let refundID: Int64 = try db.queryOne("SELECT id FROM refunds WHERE booking_id = ? AND number = ?",
                                                            [.integer(id), .integer(Int64(number))])?.get(0) else {
                    throw Refusal(RefundLookupCode.refundNotFound, "Booking \(id) has no refund \(number).",
                                  details: ["booking": String(id), "refund": String(number)])
                }
                // The refund alone, so that its own payouts bound this one.
                var own = PaymentLedger(fee: 0, refunds: [RefundDue(amount: refund.amount, percent: refund.percent,
                                                                    decidedAt: refund.decidedAt)],
                                        payouts: refund.payouts.map {
                                            RefundPayout(amount: $0.amount, method: $0.method, paidBy: $0.paidBy, at: $0.at)
                                        })
                let payout = RefundPayout(amount: amount ?? (refund.owed > 0 ? refund.owed : refund.amount), method: method,
                                          paidBy: staff, at: now)
                try own.payOut(payout)
                try db.run("""
                    INSERT INTO refund_payouts (refund_id, amount, method, paid_by, recorded_by, at) VALUES (?, ?, ?, ?, ?, ?)
                    """, [.integer(refundID), .integer(Int64(payout.amount)), payout.method.sqlValue, .text(staff),
                          .text(actor.auditLabel), now.sqlValue])
                let after = try Encoded(BookingAccount.load(db, booking: booking))
                try AuditLog.append(db, at: now, actor: actor.auditLabel, action: "booking.refund.paid_out", entity: "booking",
                                    entityID: String(id),
                                    after: ["refund": String(number), "amount": String(payout.amount),
                                            "method": payout.method.rawValue, "by": staff])
                return after
            }
        }
    }

    /// Adds `payment` to `booking`'s ledger inside the caller's transaction:
    /// a provisional booking within its deadline, at most what is
    /// outstanding; the payment that covers the fee marks it paid. Audited;
    /// returns the payment's number within the booking.
    static func record(_ db: Database, _ payment: Payment, for booking: Booking, actor: String) throws -> Int {
        try checkPayable(booking, at: payment.at)
        var ledger = try BookingAccount.load(db, booking: booking).ledger
        try ledger.record(payment)
        let number = try BookingAccount.insert(db, payment: payment, booking: booking.id, recordedBy: actor)
        try AuditLog.append(db, at: payment.at, actor: actor, action: "booking.payment", entity: "booking",
                            entityID: String(booking.id),
                            after: ["payment": String(number), "amount": String(payment.amount),
                                    "method": payment.method.rawValue, "by": payment.takenBy])
        if ledger.isCovered { try markPaid(db, booking, at: payment.at, actor: actor) }
        return number
    }

    /// Only a provisional booking takes money, and only until its payment deadline.
    static func checkPayable(_ booking: Booking, at now: Instant) throws {
        _ = try booking.state.transition(to: .paid)
        guard now <= booking.paymentDeadline else {
            throw Refusal(PaymentCode.paymentDeadlinePassed, "The hold lapsed at \(booking.paymentDeadline.rfc3339).",
                          details: ["payment_deadline": booking.paymentDeadline.rfc3339])
        }
    }

    /// provisional → paid, audited.
    static func markPaid(_ db: Database, _ before: Booking, at now: Instant, actor: String) throws {
        try db.run("UPDATE bookings SET state = 'paid', paid_at = ? WHERE id = ?", [now.sqlValue, .integer(before.id)])
        _ = try audited(db, id: before.id, before: before, action: "booking.pay", actor: actor, now: now)
    }

    /// The staff member's name as typed (one line, 1–200 characters), or
    /// the token's name when none is given.
    static func staffName(_ typed: String?, field: String, actor: Actor) throws -> String {
        guard let typed else { return actor.name }
        return try TextRule.name.check(typed, field: field, code: PaymentRequestCode.staffNameInvalid)
    }
}
