import CalendarValues

/// Each refund decided is the one the rule gives: a cancellation refunds
/// the refund schedule's percent (the center's cancellations in full, the
/// holder's by days before the first day still booked) of what the center
/// kept when it was decided, rounded down to the unit, and records that
/// percent on the booking; a hold that lapsed refunds all it kept. The
/// closures' refunds are the closure settlement's (a closure that
/// cancelled the whole booking included), checked by the ledger's sums.
final class RefundRuleInvariant: Invariant {
    let name = "money.refund_rule"
    let reads: Set<String>? = ["bookings", "payments", "refunds", "booking_units", "booking_cancelled_days", "closure_effects"]

    func check(_ c: StepCheck) throws -> [String] {
        var problems: [String] = []
        let refunds = c.settings.center.refunds
        let unit = Int64(max(refunds.roundingUnit, 1))
        for row in try c.db.rows("""
            SELECT b.id, b.state, b.cancelled_at, b.refund_percent,
                (SELECT min(u.date) FROM booking_units u WHERE u.booking_id = b.id
                    AND NOT EXISTS (SELECT 1 FROM booking_cancelled_days d WHERE d.booking_id = b.id AND d.date = u.date)),
                (SELECT coalesce(sum(amount), 0) FROM payments p WHERE p.booking_id = b.id AND p.at <= b.cancelled_at),
                (SELECT coalesce(sum(amount), 0) FROM refunds r WHERE r.booking_id = b.id AND r.reason <> 'cancellation'),
                (SELECT coalesce(sum(amount), 0) FROM refunds r WHERE r.booking_id = b.id AND r.reason = 'cancellation'),
                (SELECT count(*) FROM refunds r WHERE r.booking_id = b.id AND r.reason = 'cancellation')
            FROM bookings b
            WHERE b.state IN ('cancelled_by_user', 'cancelled_by_center')
                AND NOT EXISTS (SELECT 1 FROM closure_effects e WHERE e.booking_id = b.id AND e.outcome = 'cancelled')
            """) {
            guard let cancelled = row[2].int, let first = row[4].text.flatMap(LocalDate.init),
                  let paid = row[5].int, let earlier = row[6].int, let refunded = row[7].int, let lines = row[8].int else { continue }
            let byCenter = row[1].text == "cancelled_by_center"
            let daysBefore = Instant(secondsSinceEpoch: cancelled).japanDate.days(until: first)
            let percent = byCenter
                ? Int64(refunds.centerCancelPercent)
                : Int64(refunds.tiers.filter { daysBefore >= $0.minDaysBefore }.map(\.percent).max() ?? 0)
            let raw = (paid - earlier) * percent / 100
            let due = raw - raw % unit
            if row[3].int != percent || refunded != due || lines > 1 {
                problems.append("booking \(row[0]) cancelled \(daysBefore) days before use (\(row[1])) refunded \(row[3])% "
                    + "¥\(refunded) in \(lines) lines; the rule gives \(percent)% ¥\(due) of ¥\(paid - earlier) kept")
            }
        }
        problems += try c.db.lines("""
            SELECT r.booking_id, r.amount, r.percent,
                (SELECT coalesce(sum(amount), 0) FROM payments p WHERE p.booking_id = r.booking_id AND p.at <= r.decided_at)
                - (SELECT coalesce(sum(amount), 0) FROM refunds q WHERE q.booking_id = r.booking_id AND q.number < r.number)
            FROM refunds r WHERE r.reason = 'lapse'
                AND (r.percent <> 100 OR r.amount <> (SELECT coalesce(sum(amount), 0) FROM payments p
                    WHERE p.booking_id = r.booking_id AND p.at <= r.decided_at)
                    - (SELECT coalesce(sum(amount), 0) FROM refunds q WHERE q.booking_id = r.booking_id AND q.number < r.number))
            """, [], "a lapse refunded other than all the hold kept (booking, amount, percent, kept)")
        return problems
    }
}
