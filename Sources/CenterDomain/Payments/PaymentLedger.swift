/// A booking's money (支払台帳): the fee it charges, the payments taken, the
/// refunds decided and the refunds paid out. Lines are only ever added; a
/// mistake is corrected by a refund, never by editing a line, so the day's
/// takings (`DailyTakings`) always add up.
///
/// The rules (our decision, after the counters of comparable wards, which
/// take part payments and never keep more than the fee):
/// - the booking is paid (`isCovered`) only when what the center keeps,
///   the payments less the refunds decided, covers the fee; part payments
///   are allowed and shown (`paid`, `outstanding`);
/// - a payment is more than ¥0 (`payment_amount_invalid`) and at most what
///   is outstanding (`overpayment`, with the outstanding amount): change is
///   given at the counter, not kept on the booking;
/// - a refund decided is more than ¥0 (`refund_amount_invalid`) and the
///   refunds decided never exceed the payments (`refund_exceeds_payments`);
/// - a refund is paid out in cash, to the card or by transfer
///   (`refund_method_invalid` for invoice), at most what is still owed
///   (`refund_payout_exceeds_due`).
///
/// `fee` is what the booking charges now: a cancellation lowers it to what
/// the center keeps (`cancel(refunding:)`), a closure of some of its days to
/// the remaining days' fee (`PartialClosure.Settlement`).
public struct PaymentLedger: Hashable, Sendable {
    /// Yen the booking charges, 0 or more.
    public var fee: Int
    public private(set) var payments: [Payment]
    public private(set) var refunds: [RefundDue]
    public private(set) var payouts: [RefundPayout]

    public init(fee: Int, payments: [Payment] = [], refunds: [RefundDue] = [], payouts: [RefundPayout] = []) {
        self.fee = fee
        self.payments = payments
        self.refunds = refunds
        self.payouts = payouts
    }

    /// What a booking's payment looks like at a glance (入金状況).
    public enum Status: String, Sendable, Hashable, CaseIterable {
        /// 未入金: nothing paid and something due.
        case unpaid
        /// 一部入金: something paid, something still due.
        case partial
        /// 入金済: the fee is covered (a ¥0 fee is covered at once).
        case paid

        /// 未入金, 一部入金, 入金済.
        public var nameJa: String {
            switch self {
            case .unpaid: "未入金"
            case .partial: "一部入金"
            case .paid: "入金済"
            }
        }
    }

    /// Yen received, all methods.
    public var paid: Int { payments.reduce(0) { $0 + $1.amount } }
    /// Yen of refunds decided.
    public var refunded: Int { refunds.reduce(0) { $0 + $1.amount } }
    /// Yen of refunds paid out.
    public var paidOut: Int { payouts.reduce(0) { $0 + $1.amount } }
    /// Yen of refunds decided but not yet paid out.
    public var refundOwed: Int { refunded - paidOut }
    /// Yen the center keeps: received less refunds decided.
    public var retained: Int { paid - refunded }
    /// Yen still to pay, 0 once covered.
    public var outstanding: Int { max(0, fee - retained) }
    /// Whether the payments cover the fee.
    public var isCovered: Bool { retained >= fee }

    public var status: Status {
        if isCovered { return .paid }
        return retained > 0 ? .partial : .unpaid
    }

    /// Adds `payment`, or refuses `payment_amount_invalid` (422) or
    /// `overpayment` (409; details: `amount`, `outstanding`, `fee`, `paid`).
    public mutating func record(_ payment: Payment) throws(Refusal<PaymentLedger.Code>) {
        guard payment.amount > 0 else {
            throw Refusal(.paymentAmountInvalid, "A payment must be more than ¥0; got \(Yen.label(payment.amount)).",
                          details: ["field": "amount", "amount": String(payment.amount)])
        }
        guard payment.amount <= outstanding else {
            let message = outstanding == 0
                ? "The booking's fee of \(Yen.label(fee)) is already paid; nothing is outstanding."
                : "\(Yen.label(payment.amount)) is more than the \(Yen.label(outstanding)) outstanding; take at most the outstanding amount."
            throw Refusal(.overpayment, message,
                          details: ["amount": String(payment.amount), "outstanding": String(outstanding),
                                    "fee": String(fee), "paid": String(paid)])
        }
        payments.append(payment)
    }

    /// Adds a refund decided, or refuses `refund_amount_invalid` (422) or
    /// `refund_exceeds_payments` (409; details: `amount`, `paid`,
    /// `refunded`, `refundable`).
    public mutating func decide(_ refund: RefundDue) throws(Refusal<PaymentLedger.Code>) {
        guard refund.amount > 0 else {
            throw Refusal(.refundAmountInvalid, "A refund must be more than ¥0; got \(Yen.label(refund.amount)).",
                          details: ["field": "amount", "amount": String(refund.amount)])
        }
        guard refunded + refund.amount <= paid else {
            throw Refusal(.refundExceedsPayments, "A refund of \(Yen.label(refund.amount)) would exceed what was paid: \(Yen.label(paid)) paid, \(Yen.label(refunded)) already refunded.",
                          details: ["amount": String(refund.amount), "paid": String(paid), "refunded": String(refunded),
                                    "refundable": String(paid - refunded)])
        }
        refunds.append(refund)
    }

    /// Cancels the booking's charge: decides `refund` (nil when nothing is
    /// refunded) and lowers the fee to what the center then keeps, so that
    /// nothing is outstanding on a cancelled booking. Refuses as `decide`.
    public mutating func cancel(refunding refund: RefundDue?) throws(Refusal<PaymentLedger.Code>) {
        if let refund { try decide(refund) }
        fee = min(fee, retained)
    }

    /// Adds a refund paid out, or refuses `refund_amount_invalid`,
    /// `refund_method_invalid` (422) or `refund_payout_exceeds_due` (409;
    /// details: `amount`, `owed`).
    public mutating func payOut(_ payout: RefundPayout) throws(Refusal<PaymentLedger.Code>) {
        guard payout.amount > 0 else {
            throw Refusal(.refundAmountInvalid, "A refund must be more than ¥0; got \(Yen.label(payout.amount)).",
                          details: ["field": "amount", "amount": String(payout.amount)])
        }
        guard payout.method.paysOutRefunds else {
            throw Refusal(.refundMethodInvalid, "A refund is paid out in cash, to the card or by bank transfer, not by \(payout.method.rawValue).",
                          details: ["field": "method", "method": payout.method.rawValue])
        }
        guard payout.amount <= refundOwed else {
            throw Refusal(.refundPayoutExceedsDue, "\(Yen.label(payout.amount)) is more than the \(Yen.label(refundOwed)) refund still owed.",
                          details: ["amount": String(payout.amount), "owed": String(refundOwed)])
        }
        payouts.append(payout)
    }
}

extension PaymentLedger {
    /// The codes this rule refuses with.
    public enum Code: String, ErrorCode {
        case paymentAmountInvalid = "payment_amount_invalid"
        case overpayment
        case refundAmountInvalid = "refund_amount_invalid"
        case refundExceedsPayments = "refund_exceeds_payments"
        case refundMethodInvalid = "refund_method_invalid"
        case refundPayoutExceedsDue = "refund_payout_exceeds_due"
    }
}
