import CalendarValues
import CenterDomain

/// The cancellation waiting list keeps one live offer per freed slot: at
/// most one entry offered per slot and one live entry per registration and
/// slot; an offered slot is free (held for its offer), the offer runs at
/// most the hold hours and ends before the day of use; an accepted entry
/// has its booking of that slot (`source` waiting_list) and no other
/// booking claims to come from the list; a registration waits for at most
/// the monthly number of slots. After the waiting-list timer's round at T:
/// no offer runs past its deadline, a free open slot with people waiting
/// has its offer running, and nobody still waits past the last waiting day
/// of a slot with no offer running.
final class WaitingListInvariant: Invariant {
    let name = "waiting_list.one_offer_per_slot"

    func check(_ c: StepCheck) throws -> [String] {
        guard let rules = c.settings.center.waitingList else { return [] }
        let timer = c.evidence.timers.flatMap { $0.succeeded.contains("waiting_list.advance") ? $0.at : nil }
        guard timer != nil || !c.changedTables.isDisjoint(with: ["waiting_entries", "booking_units", "bookings"]) else { return [] }
        var problems = try c.db.lines("""
            SELECT facility_id, date, division, group_concat(id) FROM waiting_entries WHERE state = 'offered'
            GROUP BY facility_id, date, division HAVING count(*) > 1
            """, [], "a slot offered to several at once (facility, date, division, entries)")
        problems += try c.db.lines("""
            SELECT registration_id, facility_id, date, division, group_concat(id) FROM waiting_entries WHERE state IN ('waiting', 'offered')
            GROUP BY registration_id, facility_id, date, division HAVING count(*) > 1
            """, [], "a registration waits twice for one slot (registration, facility, date, division, entries)")
        problems += try c.db.lines("""
            SELECT w.id, w.facility_id, w.date, w.division, u.booking_id FROM waiting_entries w
            JOIN booking_units u ON u.facility_id = w.facility_id AND u.date = w.date AND u.division = w.division AND u.live = 1
            WHERE w.state = 'offered'
            """, [], "an offered slot is held by a booking (entry, facility, date, division, booking)")
        problems += try c.db.lines("""
            SELECT id, offered_at, deadline, date FROM waiting_entries WHERE state = 'offered'
                AND (deadline <= offered_at OR deadline > offered_at + ? * 3600
                     OR deadline > CAST(strftime('%s', date || ' 00:00:00') AS INTEGER) - 9 * 3600)
            """, [.int(Int64(rules.offerHoldHours))], "an offer held too long, or into the day of use (entry, offered at, deadline, date)")
        problems += try c.db.lines("""
            SELECT w.id, w.booking_id, b.registration_id, b.facility_id, b.first_date, b.divisions, b.source FROM waiting_entries w
            LEFT JOIN bookings b ON b.id = w.booking_id
            WHERE w.state = 'accepted' AND (b.id IS NULL OR b.registration_id <> w.registration_id OR b.facility_id <> w.facility_id
                OR b.first_date <> w.date OR instr(',' || b.divisions || ',', ',' || w.division || ',') = 0 OR b.source <> 'waiting_list')
            """, [], "an accepted entry without its booking of the slot (entry, booking, registration, facility, date, divisions, source)")
        problems += try c.db.lines("""
            SELECT b.id FROM bookings b WHERE b.source = 'waiting_list'
                AND NOT EXISTS (SELECT 1 FROM waiting_entries w WHERE w.booking_id = b.id AND w.state = 'accepted')
            """, [], "a booking that claims a waiting-list offer no entry accepted (booking)")
        problems += try c.db.lines("""
            SELECT registration_id, substr(date, 1, 7), count(*) FROM waiting_entries WHERE state IN ('waiting', 'offered')
            GROUP BY registration_id, substr(date, 1, 7) HAVING count(*) > ?
            """, [.int(Int64(rules.maxEntriesPerMonth))], "a registration waits for more slots in a month than allowed (registration, month, entries)")
        guard let at = timer else { return problems }
        problems += try c.db.lines("""
            SELECT id, deadline FROM waiting_entries WHERE state = 'offered' AND deadline < ?
            """, [.int(at.secondsSinceEpoch)], "an offer still running past its deadline after the timer (entry, deadline)")
        for row in try c.db.rows("""
            SELECT w.facility_id, w.date, w.division, group_concat(w.id) FROM waiting_entries w
            WHERE w.state = 'waiting'
                AND NOT EXISTS (SELECT 1 FROM waiting_entries o WHERE o.state = 'offered' AND o.facility_id = w.facility_id
                                AND o.date = w.date AND o.division = w.division)
                AND NOT EXISTS (SELECT 1 FROM booking_units u WHERE u.live = 1 AND u.facility_id = w.facility_id
                                AND u.date = w.date AND u.division = w.division)
            GROUP BY w.facility_id, w.date, w.division
            """) {
            guard let facility = row[0].text, let date = row[1].text.flatMap(LocalDate.init) else { continue }
            if rules.isOpen(for: date, at: at), !c.calendar.isClosed(date, facility: facility) {
                problems.append("\(facility) \(date) \(row[2]) is free with entries \(row[3]) waiting, yet nobody was offered it")
            } else if !rules.isOpen(for: date, at: at) {
                problems.append("entries \(row[3]) still wait for \(facility) \(date) \(row[2]) past its last waiting day")
            }
        }
        return problems
    }
}
