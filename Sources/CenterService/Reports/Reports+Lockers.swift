import CalendarValues
import CenterDomain
internal import Store

extension Reports {
    /// Per month of `fiscalYear`: lockers in the pool, leased, leases started
    /// and ended, and lease fees. A lease is in effect from its start date to
    /// the day it ended (terminated early) or else its end date.
    public func lockers(fiscalYear: FiscalYear) async throws -> [LockerLeaseLine] {
        let lockers = settings.center.lockers.count
        let leases = try await pool.read { db in
            try db.query("""
                SELECT locker_id, start_date, coalesce(ended_on, end_date) AS last_day, monthly_fee FROM locker_leases
                WHERE state <> 'cancelled' AND start_date <= ? AND coalesce(ended_on, end_date) >= ?
                """, [fiscalYear.last.sqlValue, fiscalYear.first.sqlValue]).map { row in
                (locker: try row.get("locker_id") as String, first: try row.get("start_date") as LocalDate,
                 last: try row.get("last_day") as LocalDate, fee: try row.get("monthly_fee") as Int)
            }
        }
        return (0..<12).map { offset in
            let month = fiscalYear.first.yearMonth.adding(months: offset)
            let inEffect = leases.filter { $0.first <= month.lastDay && $0.last >= month.firstDay }
            return LockerLeaseLine(fiscalYear: fiscalYear.startYear, month: month, lockers: lockers,
                                   leased: Set(inEffect.map(\.locker)).count,
                                   started: inEffect.filter { $0.first.yearMonth == month }.count,
                                   ended: inEffect.filter { $0.last.yearMonth == month }.count,
                                   fees: inEffect.reduce(0) { $0 + $1.fee })
        }
    }
}
