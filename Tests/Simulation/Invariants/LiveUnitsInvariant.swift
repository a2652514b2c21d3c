/// No two live bookings hold the same facility, date and division; a unit
/// is live exactly while its booking is (provisional, paid, checked in, or
/// done: a used slot stays taken) and its day was not cancelled by a
/// closure (the booking's other days stay booked), a no-show keeping only
/// its days already past; and a booking's units are exactly its facility ×
/// its dates × its divisions, for its registration.
final class LiveUnitsInvariant: Invariant {
    let name = "units.no_overlap"
    let reads: Set<String>? = ["booking_units", "bookings", "booking_cancelled_days"]
    let readsToday = true

    func check(_ c: StepCheck) throws -> [String] {
        try c.db.lines("""
            SELECT facility_id, date, division, group_concat(booking_id) FROM booking_units WHERE live = 1
            GROUP BY facility_id, date, division HAVING count(*) > 1
            """, [], "two live bookings hold one unit (facility, date, division, bookings)")
        + c.db.lines("""
            SELECT b.id, b.state, u.date, u.division, u.live FROM booking_units u JOIN bookings b ON b.id = u.booking_id
            WHERE u.live <> (b.state IN ('provisional', 'paid', 'checked_in', 'done')
                    AND NOT EXISTS (SELECT 1 FROM booking_cancelled_days d WHERE d.booking_id = u.booking_id AND d.date = u.date))
                AND NOT (b.state = 'no_show' AND u.live = 1 AND u.date < ?)
            """, [.text(c.today.description)], "a unit's liveness disagrees with its booking's state (booking, state, date, division, live)")
        + c.db.lines("""
            SELECT b.id, b.first_date, b.last_date, b.divisions, count(u.booking_id) FROM bookings b
            LEFT JOIN booking_units u ON u.booking_id = b.id
            GROUP BY b.id
            HAVING count(u.booking_id) <> (julianday(b.last_date) - julianday(b.first_date) + 1)
                * (length(b.divisions) - length(replace(b.divisions, ',', '')) + 1)
            """, [], "a booking's units are not its dates × divisions (booking, first, last, divisions, units)")
        + c.db.lines("""
            SELECT b.id, u.facility_id, u.date, u.division FROM booking_units u JOIN bookings b ON b.id = u.booking_id
            WHERE u.facility_id <> b.facility_id OR u.registration_id <> b.registration_id
               OR u.date < b.first_date OR u.date > b.last_date
               OR instr(',' || b.divisions || ',', ',' || u.division || ',') = 0
               OR u.community <> (b.category = 'community_group')
            """, [], "a unit is not one of its booking's (booking, facility, date, division)")
    }
}
