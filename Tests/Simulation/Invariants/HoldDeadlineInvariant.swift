import CalendarValues

/// No provisional booking outlives its payment deadline: after the booking
/// timer's round at T, no hold whose deadline passed before T is still
/// provisional (it lapsed and freed its units), a lottery winner's and a
/// waiting-list acceptance's holds included; and no hold is born past its
/// deadline.
final class HoldDeadlineInvariant: Invariant {
    let name = "bookings.no_hold_past_its_deadline"

    func check(_ c: StepCheck) throws -> [String] {
        var problems: [String] = []
        if !c.changedTables.isDisjoint(with: ["bookings"]) {
            problems += try c.db.lines("""
                SELECT id, source, created_at, payment_deadline FROM bookings WHERE state = 'provisional' AND payment_deadline < created_at
                """, [], "a hold born past its payment deadline (booking, source, created at, deadline)")
        }
        guard let timers = c.evidence.timers, timers.succeeded.contains("booking.lapse") else { return problems }
        problems += try c.db.lines("""
            SELECT id, source, payment_deadline FROM bookings WHERE state = 'provisional' AND payment_deadline < ?
            """, [.int(timers.at.secondsSinceEpoch)], "a hold still provisional past its deadline after the timer (booking, source, deadline)")
        return problems
    }
}
