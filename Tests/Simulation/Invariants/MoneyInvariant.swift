import CalendarValues

/// Money: a booking is paid at most its fee, and only before its payment
/// deadline; it is `paid` (or in use, or done) exactly when its fee was
/// paid, and a hold that lapsed or is still provisional was not; a refund
/// never exceeds what was paid, and is what the refund rule gives (the
/// center's cancellations in full, the holder's by days before use),
/// rounded down to the unit. (Part payments, receipts and the day's takings
/// are another branch's: their invariants join this one.)
final class MoneyInvariant: Invariant {
    let name = "money.payments_and_refunds"

    func check(_ c: StepCheck) throws -> [String] {
        var problems = try c.db.lines("""
            SELECT id, state, paid_at FROM bookings
            WHERE (state IN ('paid', 'checked_in', 'done') AND paid_at IS NULL) OR (state IN ('provisional', 'lapsed') AND paid_at IS NOT NULL)
            """, [], "a booking's state disagrees with its payment (booking, state, paid at)")
        problems += try c.db.lines("""
            SELECT id, paid_at, payment_deadline FROM bookings WHERE paid_at > payment_deadline
            """, [], "a booking paid after its deadline (booking, paid at, deadline)")
        problems += try c.db.lines("""
            SELECT id, fee_total, paid_at, refund_amount FROM bookings
            WHERE refund_amount > (CASE WHEN paid_at IS NULL THEN 0 ELSE fee_total END) OR fee_total < 0
            """, [], "a refund above what was paid (booking, fee, paid at, refund)")
        problems += try c.db.lines("""
            SELECT id, state, refund_percent, refund_amount FROM bookings
            WHERE (state IN ('cancelled_by_user', 'cancelled_by_center')) <> (refund_percent IS NOT NULL AND refund_amount IS NOT NULL)
            """, [], "a refund recorded on a booking not cancelled, or none on a cancelled one (booking, state, percent, amount)")
        let refunds = c.settings.center.refunds
        for row in try c.db.rows("""
            SELECT id, state, fee_total, paid_at, first_date, cancelled_at, refund_percent, refund_amount FROM bookings
            WHERE state IN ('cancelled_by_user', 'cancelled_by_center')
            """) {
            guard let fee = row[2].int, let first = row[4].text.flatMap(LocalDate.init), let cancelled = row[5].int,
                  let percent = row[6].int, let amount = row[7].int else { continue }
            let paid = row[3] == .null ? 0 : fee
            let daysBefore = Instant(secondsSinceEpoch: cancelled).japanDate.days(until: first)
            let expected = row[1].text == "cancelled_by_center"
                ? Int64(refunds.centerCancelPercent)
                : Int64(refunds.tiers.filter { daysBefore >= $0.minDaysBefore }.map(\.percent).max() ?? 0)
            let raw = paid * expected / 100
            let due = raw - raw % Int64(max(refunds.roundingUnit, 1))
            if percent != expected || amount != due {
                problems.append("booking \(row[0]) cancelled \(daysBefore) days before use (\(row[1])) refunded \(percent)% ¥\(amount); "
                    + "the rule gives \(expected)% ¥\(due) of ¥\(paid) paid")
            }
        }
        return problems
    }
}
