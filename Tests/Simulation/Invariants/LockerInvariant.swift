import CalendarValues
import CenterService

/// A locker is never let twice: one active lease per locker, per
/// registration and per corporate number; for one locker, no two leases'
/// times overlap, a lease's time running from its first day of use (its
/// start, or the day it was made when it starts this month) to the day
/// before the locker may be let again (the cooling-off after its end); an
/// open offer is for a locker no lease holds or cools, and belongs to an
/// entry that is `offered`, one offer each; a lessee is not also waiting;
/// what is owed is the monthly fee × the months, never more than the total
/// limit.
final class LockerInvariant: Invariant {
    let name = "lockers.never_double_let"
    let reads: Set<String>? = ["locker_leases", "locker_offers", "locker_waitlist"]

    func check(_ c: StepCheck) throws -> [String] {
        let lockers = c.settings.center.lockers
        var problems = try c.db.lines("""
            SELECT locker_id, group_concat(id) FROM locker_leases WHERE state = 'active' GROUP BY locker_id HAVING count(*) > 1
            """, [], "a locker with two active leases (locker, leases)")
        problems += try c.db.lines("""
            SELECT registration_id, group_concat(id) FROM locker_leases WHERE state = 'active' GROUP BY registration_id HAVING count(*) > 1
            """, [], "a registration with two active leases (registration, leases)")
        problems += try c.db.lines("""
            SELECT corporate_number, group_concat(id) FROM locker_leases WHERE state = 'active' AND corporate_number IS NOT NULL
            GROUP BY corporate_number HAVING count(*) > 1
            """, [], "a company with two active leases (number, leases)")
        problems += try c.db.lines("""
            SELECT o.id, o.locker_id, l.id FROM locker_offers o JOIN locker_leases l ON l.locker_id = o.locker_id
            WHERE o.state = 'open' AND l.state = 'active'
            """, [], "an open offer for a leased locker (offer, locker, lease)")
        problems += try c.db.lines("""
            SELECT o.id, o.locker_id, o.offered_on, l.id, l.relettable_from FROM locker_offers o
            JOIN locker_leases l ON l.locker_id = o.locker_id
            WHERE o.state = 'open' AND l.state <> 'active' AND l.relettable_from > o.offered_on
            """, [], "an offer made before the locker could be let again (offer, locker, offered, lease, relettable)")
        problems += try c.db.lines("""
            SELECT w.id, w.state, count(o.id) FROM locker_waitlist w LEFT JOIN locker_offers o ON o.waitlist_id = w.id AND o.state = 'open'
            GROUP BY w.id HAVING (w.state = 'offered') <> (count(o.id) = 1) OR count(o.id) > 1
            """, [], "a waitlist entry and its open offers disagree (entry, state, open offers)")
        problems += try c.db.lines("""
            SELECT l.registration_id, l.id, w.id FROM locker_leases l JOIN locker_waitlist w ON w.registration_id = l.registration_id
            WHERE l.state = 'active' AND w.state IN ('waiting', 'offered')
            """, [], "a lessee still waiting for a locker (registration, lease, entry)")
        problems += try c.db.lines("""
            SELECT id, months, monthly_fee, amount_owed FROM locker_leases WHERE amount_owed <> monthly_fee * months OR months > ?
            """, [.int(Int64(lockers.maxTotalMonths))], "a lease owes the wrong amount or runs too long (lease, months, fee, owed)")
        let known = Set(lockers.ids.map(\.rawValue))
        var times: [String: [(lease: Int64, from: LocalDate, to: LocalDate)]] = [:]
        for row in try c.db.rows("""
            SELECT id, locker_id, start_date, created_at, state, end_date, relettable_from FROM locker_leases
            WHERE state <> 'cancelled' ORDER BY id
            """) {
            guard let id = row[0].int, let locker = row[1].text, let start = row[2].text.flatMap(LocalDate.init),
                  let created = row[3].int, let end = row[5].text.flatMap(LocalDate.init) else { continue }
            if !known.contains(locker) { problems.append("lease \(id) is of unknown locker \(locker)") }
            let made = Instant(secondsSinceEpoch: created).japanDate
            let last = row[4].text == "active" ? end : (row[6].text.flatMap(LocalDate.init)?.adding(days: -1) ?? end)
            times[locker, default: []].append((id, max(start, made), last))
        }
        for (locker, leases) in times.sorted(by: { $0.key < $1.key }) {
            let ordered = leases.sorted { ($0.from, $0.lease) < ($1.from, $1.lease) }
            for (a, b) in zip(ordered, ordered.dropFirst()) where b.from <= a.to {
                problems.append("\(locker) let twice: lease \(a.lease) holds it \(a.from)…\(a.to), lease \(b.lease) from \(b.from)")
            }
        }
        return problems
    }
}
