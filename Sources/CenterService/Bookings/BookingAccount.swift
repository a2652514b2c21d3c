import CalendarValues
import CenterDomain
internal import Store

/// Why a refund was decided.
public enum RefundReason: String, Sendable, Hashable, Codable {
    /// The booking was cancelled (`RefundSchedule`).
    case cancellation
    /// A provisional booking lapsed with part of its fee paid: all of it is refunded.
    case lapse
    /// A closure cancelled some of its days (`PartialClosure`).
    case closure
}

/// A booking's account (支払台帳): its `PaymentLedger` as stored in
/// `payments`, `refunds` and `refund_payouts`, with each line numbered within
/// the booking, and what it adds up to. A booking that ended (lapsed,
/// cancelled, no-show) charges only what the center keeps, so nothing is
/// outstanding on it (`PaymentLedger.cancel`); a live one charges its fee.
public struct BookingAccount: Sendable, Hashable, Encodable {
    /// A payment taken, with the receipt issued for it, if any.
    public struct PaymentLine: Sendable, Hashable, Encodable {
        public let number: Int
        public let amount: Int
        public let method: PaymentMethod
        public let takenBy: String
        public let at: Instant
        /// The receipt's number, `2026-000123`; nil until one is issued.
        public let receipt: String?

        enum CodingKeys: String, CodingKey {
            case number, amount, method, at, receipt
            case methodJa = "method_ja", takenBy = "taken_by"
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(number, forKey: .number)
            try c.encode(amount, forKey: .amount)
            try c.encode(method, forKey: .method)
            try c.encode(method.nameJa, forKey: .methodJa)
            try c.encode(takenBy, forKey: .takenBy)
            try c.encode(at, forKey: .at)
            try c.encodeIfPresent(receipt, forKey: .receipt)
        }
    }

    /// A refund paid out.
    public struct PayoutLine: Sendable, Hashable, Encodable {
        public let amount: Int
        public let method: PaymentMethod
        public let paidBy: String
        public let at: Instant

        enum CodingKeys: String, CodingKey {
            case amount, method, at
            case methodJa = "method_ja", paidBy = "paid_by"
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(amount, forKey: .amount)
            try c.encode(method, forKey: .method)
            try c.encode(method.nameJa, forKey: .methodJa)
            try c.encode(paidBy, forKey: .paidBy)
            try c.encode(at, forKey: .at)
        }
    }

    /// A refund decided, and what of it was paid out.
    public struct RefundLine: Sendable, Hashable, Encodable {
        public let number: Int
        public let amount: Int
        public let percent: Int
        public let reason: RefundReason
        public let decidedAt: Instant
        public let payouts: [PayoutLine]
        /// Yen paid out of it.
        public var paidOut: Int { payouts.reduce(0) { $0 + $1.amount } }
        /// Yen of it still to pay out.
        public var owed: Int { amount - paidOut }

        enum CodingKeys: String, CodingKey {
            case number, amount, percent, reason, payouts, owed
            case decidedAt = "decided_at", paidOut = "paid_out"
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(number, forKey: .number)
            try c.encode(amount, forKey: .amount)
            try c.encode(percent, forKey: .percent)
            try c.encode(reason, forKey: .reason)
            try c.encode(decidedAt, forKey: .decidedAt)
            try c.encode(paidOut, forKey: .paidOut)
            try c.encode(owed, forKey: .owed)
            try c.encode(payouts, forKey: .payouts)
        }
    }

    public let booking: Int64
    public let state: BookingState
    /// The fee as booked.
    public let feeTotal: Int
    public let payments: [PaymentLine]
    public let refunds: [RefundLine]
    /// The domain's ledger of these lines, with the fee the booking charges now.
    public let ledger: PaymentLedger

    enum CodingKeys: String, CodingKey {
        case booking, state, fee, paid, refunded, outstanding, payments, refunds
        case feeTotal = "fee_total", paidOut = "paid_out", refundOwed = "refund_owed"
        case paymentStatus = "payment_status", paymentStatusJa = "payment_status_ja"
    }

    /// `fee` is what the booking charges now; `paid`, `refunded`,
    /// `paid_out`, `refund_owed` and `outstanding` are the ledger's sums.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(booking, forKey: .booking)
        try c.encode(state, forKey: .state)
        try c.encode(feeTotal, forKey: .feeTotal)
        try c.encode(ledger.fee, forKey: .fee)
        try c.encode(ledger.paid, forKey: .paid)
        try c.encode(ledger.refunded, forKey: .refunded)
        try c.encode(ledger.paidOut, forKey: .paidOut)
        try c.encode(ledger.refundOwed, forKey: .refundOwed)
        try c.encode(ledger.outstanding, forKey: .outstanding)
        try c.encode(ledger.status.rawValue, forKey: .paymentStatus)
        try c.encode(ledger.status.nameJa, forKey: .paymentStatusJa)
        try c.encode(payments, forKey: .payments)
        try c.encode(refunds, forKey: .refunds)
    }

    /// The account of `booking`, read inside the caller's transaction.
    static func load(_ db: Database, booking: some StoredBooking) throws -> BookingAccount {
        let id = SQLValue.integer(booking.id)
        let payments = try db.query(Statements.payments, [id]).map { row in
            let year: Int? = try row.get("fiscal_year")
            let sequence: Int? = try row.get("sequence")
            let receipt = year.flatMap { year in sequence.flatMap { ReceiptNumber(fiscalYear: FiscalYear(year), sequence: $0) } }
            return PaymentLine(number: try row.get("number"), amount: try row.get("amount"), method: try row.get("method"),
                               takenBy: try row.get("taken_by"), at: try row.get("at"), receipt: receipt?.description)
        }
        let payouts = try db.query(Statements.payouts, [id]).map { row in
            (refund: try row.get("refund_id") as Int64,
             line: PayoutLine(amount: try row.get("amount"), method: try row.get("method"), paidBy: try row.get("paid_by"),
                              at: try row.get("at")))
        }
        let refunds = try db.query(Statements.refunds, [id]).map { row in
            let refundID: Int64 = try row.get("id")
            return RefundLine(number: try row.get("number"), amount: try row.get("amount"), percent: try row.get("percent"),
                              reason: try row.get("reason"), decidedAt: try row.get("decided_at"),
                              payouts: payouts.filter { $0.refund == refundID }.map(\.line))
        }
        var ledger = PaymentLedger(
            fee: booking.feeTotal,
            payments: payments.map { Payment(amount: $0.amount, method: $0.method, takenBy: $0.takenBy, at: $0.at) },
            refunds: refunds.map { RefundDue(amount: $0.amount, percent: $0.percent, decidedAt: $0.decidedAt) },
            payouts: refunds.flatMap(\.payouts).map { RefundPayout(amount: $0.amount, method: $0.method, paidBy: $0.paidBy, at: $0.at) })
        if booking.state.hasEnded { ledger.fee = min(ledger.fee, ledger.retained) }
        return BookingAccount(booking: booking.id, state: booking.state, feeTotal: booking.feeTotal, payments: payments,
                              refunds: refunds, ledger: ledger)
    }

    /// Adds the next payment line of booking `id`.
    static func insert(_ db: Database, payment: Payment, booking id: Int64, recordedBy actor: String) throws -> Int {
        let number = try nextNumber(db, Statements.lastPayment, booking: id)
        try db.run("""
            INSERT INTO payments (booking_id, number, amount, method, taken_by, recorded_by, at) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, [.integer(id), .integer(Int64(number)), .integer(Int64(payment.amount)), payment.method.sqlValue,
                  .text(payment.takenBy), .text(actor), payment.at.sqlValue])
        return number
    }

    /// Adds the next refund line of booking `id`: a refund decided, to be
    /// paid out later. What decides it checks it against the ledger first
    /// (`PaymentLedger.decide`); the schema refuses one above the payments.
    static func insert(_ db: Database, refund: RefundDue, reason: RefundReason, booking id: Int64,
                       decidedBy actor: String) throws {
        let number = try nextNumber(db, Statements.lastRefund, booking: id)
        try db.run(Statements.insertRefund, [.integer(id), .integer(Int64(number)), .integer(Int64(refund.amount)), .integer(Int64(refund.percent)),
                  reason.sqlValue, .text(actor), refund.decidedAt.sqlValue])
    }

    private static func nextNumber(_ db: Database, _ last: SQL, booking id: Int64) throws -> Int {
        let last: Int? = try db.queryOne(last, [.integer(id)])?.get(0)
        return (last ?? 0) + 1
    }

    /// The statements every cancellation runs (its refund is decided from
    /// the ledger), declared once.
    enum Statements {
        static let payments = SQL("""
            SELECT p.number, p.amount, p.method, p.taken_by, p.at, r.fiscal_year, r.sequence
            FROM payments p LEFT JOIN receipts r ON r.payment_id = p.id WHERE p.booking_id = ? ORDER BY p.number
            """)
        static let payouts = SQL("""
            SELECT o.refund_id, o.amount, o.method, o.paid_by, o.at FROM refund_payouts o JOIN refunds r ON r.id = o.refund_id
            WHERE r.booking_id = ? ORDER BY o.id
            """)
        static let refunds = SQL("""
            SELECT id, number, amount, percent, reason, decided_at FROM refunds WHERE booking_id = ? ORDER BY number
            """)
        static let insertRefund = SQL("""
            INSERT INTO refunds (booking_id, number, amount, percent, reason, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        static let lastPayment = SQL("SELECT max(number) FROM payments WHERE booking_id = ?")
        static let lastRefund = SQL("SELECT max(number) FROM refunds WHERE booking_id = ?")
    }
}

extension BookingState {
    /// Lapsed, cancelled or a no-show: the booking charges no more than the center keeps.
    var hasEnded: Bool {
        switch self {
        case .lapsed, .cancelledByUser, .cancelledByCenter, .noShow: true
        case .provisional, .paid, .checkedIn, .done: false
        }
    }
}
