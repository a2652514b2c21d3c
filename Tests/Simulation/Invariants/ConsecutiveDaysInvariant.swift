import CalendarValues

/// No registration holds one facility on more consecutive days than the
/// limit, however the days were asked for (one request or several), for
/// every category the limit applies to.
final class ConsecutiveDaysInvariant: Invariant {
    let name = "limits.consecutive_days"
    let reads: Set<String>? = ["booking_units", "bookings"]

    func check(_ c: StepCheck) throws -> [String] {
        let rule = c.settings.center.limits.consecutive
        let exempt = Set(rule.exemptCategories.map(\.rawValue))
        var problems: [String] = []
        var run: (key: String, from: LocalDate, last: LocalDate)?
        func close() {
            guard let run else { return }
            let days = run.from.days(until: run.last) + 1
            if days > rule.maxDays {
                problems.append("\(run.key) holds \(run.from)…\(run.last), \(days) consecutive days, more than \(rule.maxDays)")
            }
        }
        for row in try c.db.rows("""
            SELECT DISTINCT u.registration_id, u.facility_id, u.date, b.category FROM booking_units u
            JOIN bookings b ON b.id = u.booking_id WHERE u.live = 1
            ORDER BY u.registration_id, u.facility_id, u.date
            """) {
            guard let category = row[3].text, !exempt.contains(category), let date = row[2].text.flatMap(LocalDate.init) else { continue }
            let key = "registration \(row[0]) on \(row[1])"
            if let current = run, current.key == key, current.last.adding(days: 1) == date {
                run = (key, current.from, date)
            } else if let current = run, current.key == key, current.last == date {
                continue
            } else {
                close()
                run = (key, date, date)
            }
        }
        close()
        return problems
    }
}
