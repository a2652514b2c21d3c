import CenterDomain
import CenterService
import HTTPServer

/// `GET /facilities/{id}/calendar.ics`: a facility's bookings as an
/// iCalendar feed (RFC 5545) for anyone: when it is taken, never by whom or
/// for what (no names, no purpose, no contact).
enum BookingFeedEndpoints {
    /// Days before today the feed starts when `from` is not given.
    static let defaultPastDays = 31
    /// Days after today the feed ends when `to` is not given.
    static let defaultFutureDays = 366

    static var all: [Endpoint] {
        [
            Endpoint(.GET, "/facilities/{id}/calendar.ics", summary: "iCalendar feed of a facility's bookings (no personal data)",
                     tag: "bookings", access: .anyone,
                     parameters: [QueryParameter("from", schema: Schemas.dateSchema, "First date (default: 31 days ago)"),
                                  QueryParameter("to", schema: Schemas.dateSchema, "Last date (default: 366 days ahead)")],
                     response: ["type": "string"], contentType: "text/calendar",
                     errorCodes: ["facility_not_found", "invalid_parameter"]) { context in
                let id = FacilityID(context.request.pathParameter("id"))
                let today = context.service.today
                let from = try context.request.dateQuery("from") ?? today.adding(days: -defaultPastDays)
                let to = try context.request.dateQuery("to") ?? today.adding(days: defaultFutureDays)
                let bookings = try await context.service.facilityBookings(id, from: from, to: to)
                let center = context.service.settings.center
                let facility = center.facility(id)!
                var writer = ICalendarWriter(name: facility.nameJa)
                let stamp = context.service.clock.now()
                for booking in bookings {
                    for event in events(of: booking, facility: facility, divisions: center.divisions)
                    where from <= event.date && event.date <= to {
                        writer.add(event, stamp: stamp)
                    }
                }
                return HTTPResponse(status: .ok, headers: ["content-type": "text/calendar; charset=utf-8"], body: writer.bytes())
            },
        ]
    }

    /// One event per day of use and run of consecutive booked divisions.
    static func events(of booking: Booking, facility: Facility, divisions: [Division]) -> [ICalendarWriter.Event] {
        let status: ICalendarWriter.Event.Status = switch booking.state {
        case .provisional: .tentative
        case .paid, .checkedIn, .done, .noShow: .confirmed
        case .lapsed, .cancelledByUser, .cancelledByCenter: .cancelled
        }
        let changed = [booking.createdAt, booking.paidAt, booking.checkedInAt, booking.cancelledAt].compactMap { $0 }.max()!
        let sequence = [booking.paidAt, booking.checkedInAt, booking.cancelledAt].compactMap { $0 }.count
        var runs: [[Division]] = []
        for id in facility.divisions {
            guard booking.divisions.contains(id), let division = divisions.first(where: { $0.id == id }) else {
                runs.append([])
                continue
            }
            if runs.isEmpty || runs[runs.count - 1].isEmpty { runs.append([division]) } else { runs[runs.count - 1].append(division) }
        }
        return booking.dates.flatMap { date in
            runs.filter { !$0.isEmpty }.map { run in
                ICalendarWriter.Event(
                    uid: "booking-\(booking.id)-\(date)-\(run[0].id)@nakano-center", date: date,
                    startMinute: run[0].startMinute ?? 0, endMinute: run[run.count - 1].endMinute ?? 1440,
                    summary: status == .tentative ? "仮予約 / Provisionally booked" : "予約済み / Booked",
                    location: facility.nameJa, status: status, sequence: sequence, lastModified: changed)
            }
        }
    }
}
