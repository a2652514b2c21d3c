import CalendarValues
import CenterDomain
import CenterService
import HTTPServer
import JSON

/// iCalendar feeds (RFC 5545) of room bookings for the calendars people
/// already use: `GET /facilities/{id}/calendar.ics` (public, no personal
/// data) and `GET /me/calendar.ics` (a member's own bookings with purpose).
enum FeedEndpoints {
    static let contentType = "text/calendar; charset=utf-8"

    static let rangeParameters = [
        QueryParameter("from", schema: Schemas.dateSchema, "First date of use (default: today − 30 days)"),
        QueryParameter("to", schema: Schemas.dateSchema, "Last date of use (default: today + 400 days)"),
    ]

    static var all: [Endpoint] {
        [
            Endpoint(.GET, "/facilities/{id}/calendar.ics",
                     summary: "iCalendar feed of a facility's bookings: booked divisions only, no personal data",
                     tag: "feeds", access: .anyone, parameters: rangeParameters,
                     response: ["type": "string", "example": .string(example)], contentType: contentType,
                     refusals: Bookings.FacilityFeedRefusal.self) { context in
                let id = FacilityID(context.request.pathParameter("id"))
                let (from, to) = try range(context)
                let bookings = try await context.service.bookings.feed(facility: id, from: from, to: to)
                let name = context.service.settings.center.facility(id).map { "\($0.nameJa) 予約状況" } ?? id.rawValue
                return feed(name: name, bookings: bookings, audience: .publicFeed, context: context)
            },
            Endpoint(.GET, "/me/calendar.ics", summary: "iCalendar feed of the member's own bookings, with their purpose",
                     tag: "feeds", access: .roles([.member]), parameters: rangeParameters,
                     response: ["type": "string", "example": .string(example)], contentType: contentType,
                     refusals: DateRangeCode.self) { context in
                guard let registration = context.actor?.registrationID else {
                    throw AuthError.forbidden("only a member token names a registration")
                }
                let (from, to) = try range(context)
                let bookings = try await context.service.bookings.feed(registration: registration, from: from, to: to)
                return feed(name: "中野区産業振興センター 予約", bookings: bookings, audience: .owner, context: context)
            },
        ]
    }

    /// `from`/`to`, defaulting to today − 30 days through today + 400 days.
    static func range(_ context: RequestContext) throws -> (LocalDate, LocalDate) {
        let today = context.service.today
        let range = try context.request.dateRange()
        let from = range.from ?? today.adding(days: -30)
        let to = range.to ?? today.adding(days: 400)
        guard from <= to else { throw HTTPRequest.reversed(from: from, to: to) }
        return (from, to)
    }

    static func feed(name: String, bookings: [Booking], audience: FeedEvents.Audience, context: RequestContext) -> HTTPResponse {
        let events = FeedEvents(center: context.service.settings.center, audience: audience)
        let stamp = context.service.clock.now()
        var writer = ICalendarWriter(name: name)
        for booking in bookings {
            for event in events.events(of: booking) { writer.add(event, stamp: stamp) }
        }
        return HTTPResponse(status: .ok, headers: ["content-type": contentType], body: writer.bytes())
    }

    static let example = """
        BEGIN:VCALENDAR\r\nVERSION:2.0\r\n…\r\nBEGIN:VEVENT\r\nUID:booking-3f9c2a7d0e41b6c85a1f4e0d9b7c2a61-2026-12-01-am@nakano-center\r\n\
        DTSTART;TZID=Asia/Tokyo:20261201T090000\r\nDTEND;TZID=Asia/Tokyo:20261201T120000\r\n\
        SUMMARY:予約済み / Booked（午前）\r\nSTATUS:CONFIRMED\r\nSEQUENCE:1\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n
        """
}
