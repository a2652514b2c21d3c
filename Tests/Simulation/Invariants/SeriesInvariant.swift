import CalendarValues
import CenterDomain
import JSON

/// A series' bookings follow it: each is one date of its pattern between
/// its first and last day and within the reach it was booked to, for its
/// registration, facility and divisions (or hours), `source` series; no two
/// live bookings of a series share a date; no booking claims to be of a
/// series without one; and a cancelled series holds no booking still to
/// come (a booking in use stays).
final class SeriesInvariant: Invariant {
    let name = "series.bookings_follow_their_series"
    let reads: Set<String>? = ["bookings", "booking_series"]

    func check(_ c: StepCheck) throws -> [String] {
        var problems = try c.db.lines("""
            SELECT id, source, series_id FROM bookings WHERE (source = 'series') <> (series_id IS NOT NULL)
            """, [], "a booking's source and series disagree (booking, source, series)")
        problems += try c.db.lines("""
            SELECT series_id, first_date, group_concat(id) FROM bookings
            WHERE series_id IS NOT NULL AND state IN ('provisional', 'paid', 'checked_in', 'done')
            GROUP BY series_id, first_date HAVING count(*) > 1
            """, [], "a series holds a date twice (series, date, bookings)")
        problems += try c.db.lines("""
            SELECT s.id, b.id, b.state FROM booking_series s JOIN bookings b ON b.series_id = s.id
            WHERE s.cancelled_at IS NOT NULL AND b.state IN ('provisional', 'paid')
            """, [], "a cancelled series still holds a booking to come (series, booking, state)")
        var patterns: [Int64: SeriesPattern] = [:]
        for row in try c.db.rows("""
            SELECT s.id, s.pattern, s.registration_id, s.facility_id, s.divisions, s.from_date, s.through_date, s.window_through,
                b.id, b.registration_id, b.facility_id, b.divisions, b.first_date, b.last_date
            FROM booking_series s JOIN bookings b ON b.series_id = s.id ORDER BY s.id, b.id
            """) {
            guard let series = row[0].int, let text = row[1].text, let date = row[12].text.flatMap(LocalDate.init),
                  let from = row[5].text.flatMap(LocalDate.init), let through = row[6].text.flatMap(LocalDate.init),
                  let reach = row[7].text.flatMap(LocalDate.init) else { continue }
            let pattern = try patterns[series] ?? JSONCodec.decodeStored(SeriesPattern.self, from: text)
            patterns[series] = pattern
            if row[2] != row[9] || row[3] != row[10] || row[4] != row[11] || row[12] != row[13] {
                problems.append("booking \(row[8]) of series \(series) is not the series' (registration, facility, divisions, one day): "
                    + "\(row[9]) \(row[10]) \(row[11]) \(row[12])…\(row[13])")
            }
            if date < from || date > through || date > reach || !pattern.contains(date) {
                problems.append("booking \(row[8]) of series \(series) is for \(date), not a date of its pattern from \(from) through "
                    + "\(min(through, reach))")
            }
        }
        return problems
    }
}
