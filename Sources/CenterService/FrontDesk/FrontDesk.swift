import CalendarValues
import CenterDomain
internal import Store

/// The front desk (窓口): the day's sheet of rooms, bookings and desk passes
/// with who holds them. The counter's changes (payment, check-in, no-show,
/// cancellation) are the bookings' and desks' own use cases.
public struct FrontDesk: AreaService {
    let context: ServiceContext

    /// The sheet of `date`: every bookable room by division (a room let by
    /// the hour, by the hour) with the live booking holding it; every booking in use that day (live, no-show or
    /// done; not lapsed or cancelled, nor on a day a closure cancelled) with
    /// its holder, state, amount due and check-in; every desk pass of the
    /// day that was not cancelled. Rooms in catalogue order, bookings by
    /// their first division then id, passes by period start, desk and id.
    public func daySheet(date: LocalDate) async throws -> DaySheet {
        let center = settings.center
        let calendar = self.calendar
        return try await pool.read { db in
            let days = try BookableCalendar.load(db, calendar: calendar, from: date, to: date)
            let bookings = try db.query("""
                SELECT \(Booking.columns) FROM bookings WHERE first_date <= ? AND last_date >= ?
                AND state IN ('provisional', 'paid', 'checked_in', 'done', 'no_show') ORDER BY id
                """, [date.sqlValue, date.sqlValue]).map(Booking.init(row:)).filter { $0.dates.contains(date) }
            let passes = try db.query("""
                SELECT \(DeskPass.columns) FROM desk_passes WHERE date = ? AND state <> 'cancelled'
                ORDER BY starts_at, desk_id, id
                """, [date.sqlValue]).map(DeskPass.init(row:))
            let live = try db.query("""
                SELECT booking_id, facility_id, division FROM booking_units WHERE live = 1 AND date = ?
                """, [date.sqlValue]).map { row in
                (booking: try row.get("booking_id") as Int64, facility: try row.get("facility_id") as FacilityID,
                 division: try row.get("division") as DivisionID)
            }
            let holders = try Holder.load(db, ids: bookings.map(\.registration) + passes.map(\.registration))
            let ledgers = try Dictionary(bookings.map { ($0.id, try BookingAccount.load(db, booking: $0).ledger) },
                                         uniquingKeysWith: { first, _ in first })
            let rooms = center.facilities.filter { $0.kind == .room && $0.bookable && !$0.bookingUnits.isEmpty }.map { room in
                let closures = days.closures(on: date, facility: room.id)
                let slots = center.bookedDivisions(room.bookingUnits).map { division in
                    DaySheet.Slot(division: division.id, nameJa: division.nameJa, start: division.start, end: division.end,
                                  booking: live.first { $0.facility == room.id && $0.division == division.id }?.booking)
                }
                let lines = bookings.filter { $0.facility == room.id }
                    .sorted { (firstStart($0, center), $0.id) < (firstStart($1, center), $1.id) }
                    .map { line(for: $0, on: date, holder: holders[$0.registration], ledger: ledgers[$0.id], center: center) }
                return DaySheet.Room(facility: room.id, nameJa: room.nameJa, open: closures.isEmpty, closures: closures,
                                     divisions: slots, bookings: lines)
            }
            let deskLines = passes.map { pass in
                let due = pass.state == .booked ? pass.fee : 0
                return DaySheet.DeskPassLine(deskPass: pass.id, desk: pass.desk, period: pass.period,
                                             holder: holders[pass.registration] ?? Self.unknownHolder(pass.registration),
                                             state: pass.state, stateJa: pass.state.japaneseName, fee: pass.fee,
                                             amountDue: due, checkInDeadline: pass.checkInDeadline,
                                             checkedInAt: pass.checkedInAt)
            }
            let due = rooms.flatMap(\.bookings).reduce(0) { $0 + $1.amountDue } + deskLines.reduce(0) { $0 + $1.amountDue }
            return DaySheet(date: date, labelJa: date.japaneseReceiptLabel,
                            open: days.adHocClosures(on: date, facility: nil).isEmpty && calendar.summary(of: date, facility: nil).open,
                            rooms: rooms, deskPasses: deskLines, amountDue: due)
        }
    }

    /// A booking's line: what the center holds of its fee and what is still
    /// outstanding come from its ledger, so a part payment (or a refund of
    /// days closed) shows as it is and the counter collects only the rest.
    private func line(for booking: Booking, on date: LocalDate, holder: Holder?, ledger: PaymentLedger?,
                      center: CenterConfiguration) -> DaySheet.BookingLine {
        let paid = ledger?.retained ?? 0
        let due = booking.state == .provisional || booking.state == .paid ? ledger?.outstanding ?? booking.feeTotal : 0
        let start = center.bookedDivisions(booking.divisions).compactMap(\.startMinute).min()
        let markable = booking.state == .provisional || booking.state == .paid
        return DaySheet.BookingLine(
            booking: booking.id, holder: holder ?? Self.unknownHolder(booking.registration), state: booking.state,
            stateJa: booking.state.japaneseName, purpose: booking.purpose, attendees: booking.attendees,
            divisions: booking.divisions, day: (booking.dates.firstIndex(of: date) ?? 0) + 1, days: booking.dates.count,
            feeTotal: booking.feeTotal, paid: paid, amountDue: due, paymentDeadline: booking.paymentDeadline,
            checkedInAt: booking.checkedInAt,
            noShowFrom: markable ? start.map { Instant(japanDate: date, minuteOfDay: $0) } : nil,
            guardian: booking.guardian)
    }

    private func firstStart(_ booking: Booking, _ center: CenterConfiguration) -> Int {
        center.bookedDivisions(booking.divisions).compactMap(\.startMinute).min() ?? 0
    }

    /// A holder whose registration row is missing (never, by the foreign key).
    static func unknownHolder(_ id: Int64) -> Holder {
        Holder(registration: id, name: "", contact: "", category: .general)
    }
}
