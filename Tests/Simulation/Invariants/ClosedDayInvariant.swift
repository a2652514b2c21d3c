import CalendarValues

/// Nothing is booked on a closed day: no provisional or paid booking holds
/// a unit on a day its facility is closed (a booking already checked in is
/// in use and is left alone), and no booked or checked-in desk pass falls
/// on a day the desk pool is closed, the checker's calendar judging.
final class ClosedDayInvariant: Invariant {
    let name = "bookings.not_on_closed_days"
    let reads: Set<String>? = ["booking_units", "bookings", "desk_passes", "closures", "roadmap_items"]

    func check(_ c: StepCheck) throws -> [String] {
        var problems: [String] = []
        for row in try c.db.rows("""
            SELECT DISTINCT u.booking_id, u.facility_id, u.date FROM booking_units u JOIN bookings b ON b.id = u.booking_id
            WHERE u.live = 1 AND b.state IN ('provisional', 'paid') ORDER BY u.booking_id, u.date
            """) {
            guard let facility = row[1].text, let date = row[2].text.flatMap(LocalDate.init) else { continue }
            if c.calendar.isClosed(date, facility: facility) {
                problems.append("booking \(row[0]) holds \(facility) on \(date), a closed day")
            }
        }
        let pool = c.settings.center.desks.pool.rawValue
        for row in try c.db.rows("SELECT id, date FROM desk_passes WHERE state IN ('booked', 'checked_in') ORDER BY id") {
            guard let date = row[1].text.flatMap(LocalDate.init) else { continue }
            if c.calendar.isClosed(date, facility: pool) { problems.append("desk pass \(row[0]) is on \(date), a closed day") }
        }
        return problems
    }
}
