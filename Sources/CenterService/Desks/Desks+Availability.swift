import CalendarValues
import CenterDomain
internal import Store

extension Desks {
    /// Per period of `date` (午前, 午後, 夜間): desks free, taken and closed, and
    /// the free desk ids. When the center is closed every desk is closed and
    /// the reasons are given. Public: no pass or registration is shown.
    public func availability(date: LocalDate) async throws -> DeskAvailability {
        let center = settings.center
        let calendar = self.calendar
        let desks = DeskPassIssuer.deskIDs(center)
        return try await pool.read { db in
            let reasons = try BookableCalendar.load(db, calendar: calendar, from: date, to: date)
                .closures(on: date, facility: center.desks.pool)
            let live = try DeskLedger.liveUnits(db, date: date)
            let periods = center.divisions.map { division in
                let taken = Set(live.filter { $0.unit == division.id }.map(\.desk))
                let free = reasons.isEmpty ? desks.filter { !taken.contains($0) } : []
                return DeskPeriodAvailability(period: division.id, nameJa: division.nameJa, start: division.start,
                                              end: division.end, desks: desks.count, free: free.count,
                                              taken: reasons.isEmpty ? taken.count : 0,
                                              closed: reasons.isEmpty ? 0 : desks.count, freeDesks: free)
            }
            return DeskAvailability(date: date, open: reasons.isEmpty, reasons: reasons, periods: periods)
        }
    }

    /// Daily desk occupancy from `from` to `to` (at most
    /// `Bookings.maximumAvailabilityDays`), per date and period.
    public func occupancy(from: LocalDate, to: LocalDate) async throws(ServiceError<DateRangeCode>) -> [DeskOccupancy] {
        try await context.run(DateRangeCode.self) {
            try DateRangeCode.check(from: from, to: to, maximumDays: Bookings.maximumAvailabilityDays)
            let center = settings.center
            let calendar = self.calendar
            let count = center.desks.desks.count
            return try await pool.read { db in
                let days = try BookableCalendar.load(db, calendar: calendar, from: from, to: to)
                let rows = try db.query("""
                    SELECT u.date, u.period_unit, p.state, count(*) AS n
                    FROM desk_pass_periods u JOIN desk_passes p ON p.id = u.pass_id
                    WHERE u.date BETWEEN ? AND ? AND p.state <> 'cancelled'
                    GROUP BY u.date, u.period_unit, p.state
                    """, [from.sqlValue, to.sqlValue])
                var tally: [String: [DeskPassState: Int]] = [:]
                for row in rows {
                    let key = "\(try row.get("date") as String) \(try row.get("period_unit") as String)"
                    let state: DeskPassState = try row.get("state")
                    tally[key, default: [:]][state] = try row.get("n")
                }
                return from.dates(through: to).flatMap { date in
                    let open = !days.isClosed(date, facility: center.desks.pool)
                    return center.divisions.map { division in
                        let states = tally["\(date) \(division.id.rawValue)"] ?? [:]
                        let live = (states[.booked] ?? 0) + (states[.checkedIn] ?? 0)
                        let desks = open ? count : 0
                        let ratio = desks == 0 ? 0 : (Double(live * 10_000 / desks) / 10_000)
                        return DeskOccupancy(date: date, period: division.id, open: open, desks: desks,
                                             passes: live + (states[.noShow] ?? 0), checkedIn: states[.checkedIn] ?? 0,
                                             noShows: states[.noShow] ?? 0, occupancy: ratio)
                    }
                }
            }
        }
    }
}
