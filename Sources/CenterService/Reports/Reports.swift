import CalendarValues
import CenterDomain
internal import Store

/// The staff reports (集計) by fiscal year (年度) and month, and the lobby
/// board of today: read-only views of the bookings, passes and leases.
public struct Reports: AreaService {
    let context: ServiceContext

    /// The fiscal years the reports answer for: from the center's first
    /// designated-manager term (FY2014) to the end of the holiday tables.
    public static let reportableFiscalYears = 2014...2098

    /// Per room booked by division and month of `fiscalYear` (April first):
    /// units open, booked, used and no-shows, in configuration order; then the
    /// flexible desks (`deskUtilization`).
    public func utilization(fiscalYear: FiscalYear) async throws -> [UtilizationLine] {
        try await roomUtilization(fiscalYear: fiscalYear) + deskUtilization(fiscalYear: fiscalYear)
    }

    /// The flexible-desk pool per month of `fiscalYear`, in desk-periods:
    /// open (desks × periods on open days), booked (passes held, no-shows
    /// included), used (checked in) and no-shows — the monthly sums of the
    /// daily desk occupancy (`Desks.occupancy`).
    func deskUtilization(fiscalYear: FiscalYear) async throws -> [UtilizationLine] {
        let pool = settings.center.desks.pool
        let name = settings.center.facility(pool)?.nameJa ?? pool.rawValue
        var lines: [UtilizationLine] = []
        for offset in 0..<12 {
            let month = fiscalYear.first.yearMonth.adding(months: offset)
            let days = try await Desks(context: context).occupancy(from: month.firstDay, to: month.lastDay)
            lines.append(UtilizationLine(fiscalYear: fiscalYear.startYear, month: month, facility: pool, facilityNameJa: name,
                                         openUnits: days.reduce(0) { $0 + $1.desks }, bookedUnits: days.reduce(0) { $0 + $1.passes },
                                         usedUnits: days.reduce(0) { $0 + $1.checkedIn }, noShowUnits: days.reduce(0) { $0 + $1.noShows }))
        }
        return lines
    }

    func roomUtilization(fiscalYear: FiscalYear) async throws -> [UtilizationLine] {
        let rooms = settings.center.facilities.filter { $0.kind == .room && $0.bookable && $0.unitsPerDay > 0 }
        let calendar = self.calendar
        let months = (0..<12).map { fiscalYear.first.yearMonth.adding(months: $0) }
        return try await pool.read { db in
            let days = try BookableCalendar.load(db, calendar: calendar, from: fiscalYear.first, to: fiscalYear.last)
            let bookings = try Self.bookingsUsed(db, from: fiscalYear.first, to: fiscalYear.last)
            var counts: [FacilityID: [YearMonth: (booked: Int, used: Int, noShow: Int)]] = [:]
            for booking in bookings {
                let booked = booking.state != .lapsed && booking.state != .cancelledByUser && booking.state != .cancelledByCenter
                guard booked else { continue }
                let used = booking.state == .checkedIn || booking.state == .done
                for date in booking.dates where fiscalYear.contains(date) {
                    let units = booking.divisions.count
                    var entry = counts[booking.facility, default: [:]][date.yearMonth, default: (0, 0, 0)]
                    entry.booked += units
                    if used { entry.used += units }
                    if booking.state == .noShow { entry.noShow += units }
                    counts[booking.facility, default: [:]][date.yearMonth] = entry
                }
            }
            return rooms.flatMap { room in
                months.map { month in
                    let open = CommunityQuota.bookableUnits(in: month, divisionsPerDay: room.unitsPerDay) {
                        days.isClosed($0, facility: room.id)
                    }
                    let entry = counts[room.id]?[month] ?? (0, 0, 0)
                    return UtilizationLine(fiscalYear: fiscalYear.startYear, month: month, facility: room.id,
                                           facilityNameJa: room.nameJa, openUnits: open, bookedUnits: entry.booked,
                                           usedUnits: entry.used, noShowUnits: entry.noShow)
                }
            }
        }
    }

    /// Every booking with a date of use between `from` and `to`, any state.
    static func bookingsUsed(_ db: Database, from: LocalDate, to: LocalDate) throws -> [Booking] {
        try db.query("SELECT \(Booking.columns) FROM bookings WHERE first_date <= ? AND last_date >= ? ORDER BY id",
                     [to.sqlValue, from.sqlValue]).map(Booking.init(row:))
    }
}
