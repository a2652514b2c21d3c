import CalendarValues

/// A desk is never let twice: at most one live pass per desk and unit, and
/// a person holds one desk per unit; a pass's units are live exactly while
/// it is booked or checked in, and are its period's (a day pass every
/// division) on its date; a registration holds live passes on at most the
/// weekly limit of days per week (Monday to Sunday).
final class DeskPassInvariant: Invariant {
    let name = "desks.never_double_let"
    let reads: Set<String>? = ["desk_passes", "desk_pass_periods"]

    func check(_ c: StepCheck) throws -> [String] {
        var problems = try c.db.lines("""
            SELECT desk_id, date, period_unit, group_concat(pass_id) FROM desk_pass_periods WHERE live = 1
            GROUP BY desk_id, date, period_unit HAVING count(*) > 1
            """, [], "a desk let twice (desk, date, unit, passes)")
        problems += try c.db.lines("""
            SELECT registration_id, date, period_unit, group_concat(pass_id) FROM desk_pass_periods WHERE live = 1
            GROUP BY registration_id, date, period_unit HAVING count(*) > 1
            """, [], "one person holds two desks at once (registration, date, unit, passes)")
        problems += try c.db.lines("""
            SELECT p.id, p.state, u.period_unit, u.live FROM desk_pass_periods u JOIN desk_passes p ON p.id = u.pass_id
            WHERE u.live <> (p.state IN ('booked', 'checked_in'))
            """, [], "a desk unit's liveness disagrees with its pass (pass, state, unit, live)")
        problems += try c.db.lines("""
            SELECT p.id, p.period, group_concat(u.period_unit) FROM desk_passes p LEFT JOIN desk_pass_periods u ON u.pass_id = p.id
            GROUP BY p.id
            HAVING count(u.pass_id) <> (CASE p.period WHEN 'day' THEN 3 ELSE 1 END)
                OR (p.period <> 'day' AND min(u.period_unit) <> p.period)
                OR max(u.date) <> p.date OR min(u.date) <> p.date OR max(u.desk_id) <> p.desk_id
                OR max(u.registration_id) <> p.registration_id
            """, [], "a pass's units are not its period's (pass, period, units)")
        let limit = c.settings.center.desks.weeklyLimit
        var days: [String: Set<LocalDate>] = [:]
        for row in try c.db.rows("SELECT DISTINCT registration_id, date FROM desk_passes WHERE state IN ('booked', 'checked_in')") {
            guard let registration = row[0].int, let date = row[1].text.flatMap(LocalDate.init) else { continue }
            let monday = date.adding(days: -((date.weekday.rawValue + 6) % 7))
            days["\(registration) \(monday)", default: []].insert(date)
        }
        for (week, dates) in days.sorted(by: { $0.key < $1.key }) where dates.count > limit {
            problems.append("registration and week \(week) hold passes on \(dates.count) days, more than \(limit)")
        }
        return problems
    }
}
