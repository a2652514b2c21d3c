/// Money, booking by booking, on its ledger (`payments`, `refunds`,
/// `refund_payouts`): the center never keeps more than the fee (payments
/// less refunds decided ≤ the fee it charges now), refunds decided never
/// exceed the payments and payouts never exceed their refund; a booking is
/// `paid` (or in use, or done) exactly when what the center keeps covers
/// its fee, and a provisional hold with a fee is not covered (a ¥0 hold
/// waits for staff to confirm it, our decision); a hold that lapsed keeps
/// nothing; no payment is taken after the payment deadline; the booking's
/// own refund column is the sum of its refunds decided.
final class MoneyInvariant: Invariant {
    let name = "money.payments_and_refunds"
    let reads: Set<String>? = ["bookings", "payments", "refunds", "refund_payouts"]

    /// Each booking with its ledger's sums.
    static let ledger = """
        WITH ledger AS (
            SELECT b.id, b.state, b.fee_total AS fee, b.paid_at, b.refund_amount, b.refund_percent, b.payment_deadline,
                (SELECT coalesce(sum(amount), 0) FROM payments p WHERE p.booking_id = b.id) AS paid,
                (SELECT coalesce(sum(amount), 0) FROM refunds r WHERE r.booking_id = b.id) AS refunded
            FROM bookings b)
        """

    func check(_ c: StepCheck) throws -> [String] {
        var problems = try c.db.lines(Self.ledger + """
            SELECT id, state, fee, paid, refunded FROM ledger WHERE paid - refunded > fee OR fee < 0
            """, [], "the center keeps more than a booking's fee (booking, state, fee, paid, refunded)")
        problems += try c.db.lines(Self.ledger + """
            SELECT id, state, paid, refunded FROM ledger WHERE refunded > paid
            """, [], "refunds decided above the payments (booking, state, paid, refunded)")
        problems += try c.db.lines("""
            SELECT r.booking_id, r.number, r.amount, sum(o.amount) FROM refunds r JOIN refund_payouts o ON o.refund_id = r.id
            GROUP BY r.id HAVING sum(o.amount) > r.amount
            """, [], "a refund paid out above its amount (booking, refund, amount, paid out)")
        problems += try c.db.lines(Self.ledger + """
            SELECT id, state, fee, paid, refunded, paid_at FROM ledger
            WHERE state IN ('paid', 'checked_in', 'done') AND (paid - refunded < fee OR paid_at IS NULL)
            """, [], "a booking paid whose payments do not cover its fee (booking, state, fee, paid, refunded, paid at)")
        problems += try c.db.lines(Self.ledger + """
            SELECT id, fee, paid, refunded, paid_at FROM ledger
            WHERE state = 'provisional' AND ((fee > 0 AND paid - refunded >= fee) OR paid_at IS NOT NULL)
            """, [], "a provisional hold whose payments cover its fee (booking, fee, paid, refunded, paid at)")
        problems += try c.db.lines(Self.ledger + """
            SELECT id, paid, refunded FROM ledger WHERE state = 'lapsed' AND paid <> refunded
            """, [], "a lapsed hold keeps money (booking, paid, refunded)")
        problems += try c.db.lines(Self.ledger + """
            SELECT id, state, refund_amount, refunded FROM ledger WHERE coalesce(refund_amount, 0) <> refunded
            """, [], "a booking's refund disagrees with its refunds decided (booking, state, refund, ledger's refunds)")
        problems += try c.db.lines(Self.ledger + """
            SELECT id, state, refund_percent FROM ledger
            WHERE state IN ('cancelled_by_user', 'cancelled_by_center') AND refund_percent IS NULL
            """, [], "a cancelled booking without its refund decision (booking, state, percent)")
        problems += try c.db.lines("""
            SELECT b.id, p.number, p.at, b.payment_deadline FROM payments p JOIN bookings b ON b.id = p.booking_id
            WHERE p.at > b.payment_deadline
            """, [], "a payment taken after the payment deadline (booking, payment, at, deadline)")
        return problems
    }
}
