import CalendarValues
import CenterDomain
import CenterService
import HTTPServer
import JSON

/// iCalendar feeds (RFC 5545) for the calendars people already use:
/// `GET /facilities/{id}/calendar.ics` (public, no personal data), and a
/// member's own bookings (with purpose), desk passes and locker terms at
/// `GET /me/calendar.ics` (its API token) or at its secret feed URL
/// `GET /feeds/{token}/calendar.ics`, which a calendar can subscribe to
/// without any API token (`CalendarFeeds`).
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
            Endpoint(.GET, "/me/calendar.ics",
                     summary: "iCalendar feed of the member's own bookings (with their purpose), desk passes and locker terms",
                     tag: "feeds", access: .roles([.member]), parameters: rangeParameters,
                     response: ["type": "string", "example": .string(example)], contentType: contentType,
                     refusals: DateRangeCode.self) { context in
                guard let registration = context.actor?.registrationID else {
                    throw AuthError.forbidden("only a member token names a registration")
                }
                let (from, to) = try range(context)
                let content = try await context.service.feeds.feed(registration: registration, from: from, to: to)
                return feed(name: memberFeedName, content: content, context: context)
            },
            Endpoint(.GET, "/feeds/{token}/calendar.ics",
                     summary: "A member's secret calendar URL (no API token: the feed token in the path): its bookings, desk passes and locker terms, read-only",
                     tag: "feeds", access: .anyone, parameters: rangeParameters,
                     response: ["type": "string", "example": .string(example)], contentType: contentType,
                     refusals: CalendarFeeds.FeedRefusal.self) { context in
                let (from, to) = try range(context)
                let content = try await context.service.feeds.feed(token: context.request.pathParameter("token"), from: from, to: to)
                return feed(name: memberFeedName, content: content, context: context)
            },
            Endpoint(.POST, "/me/feed-token",
                     summary: "Mint the member's secret calendar URL (shown once); the one it had stops working",
                     tag: "feeds", access: .roles([.member]), successStatus: .created, response: Schemas.ref("FeedToken"),
                     refusals: CalendarFeeds.MintRefusal.self) { context in
                let caller = try context.caller()
                guard let registration = caller.registrationID else { throw AuthError.forbidden("only a member token names a registration") }
                return APIResponse.json(try await context.service.feeds.mint(registration: registration, by: caller), status: .created)
            },
            Endpoint(.POST, "/me/feed-token/revoke", summary: "Revoke the member's calendar URL: it answers 404 from now on",
                     tag: "feeds", access: .roles([.member]), response: Schemas.ref("RevokedFeedToken"),
                     refusals: CalendarFeeds.RevokeRefusal.self) { context in
                let caller = try context.caller()
                guard let registration = caller.registrationID else { throw AuthError.forbidden("only a member token names a registration") }
                return APIResponse.json(try await context.service.feeds.revoke(registration: registration, by: caller))
            },
            Endpoint(.POST, "/registrations/{id}/feed-token",
                     summary: "Mint a registration's secret calendar URL (shown once) for its holder; the one it had stops working",
                     tag: "feeds", access: .staff, successStatus: .created, response: Schemas.ref("FeedToken"),
                     refusals: CalendarFeeds.MintRefusal.self) { context in
                let id = try context.request.idParameter(notFound: RegistrationLookupCode.registrationNotFound)
                return APIResponse.json(try await context.service.feeds.mint(registration: id, by: context.caller()), status: .created)
            },
            Endpoint(.POST, "/registrations/{id}/feed-token/revoke", summary: "Revoke a registration's calendar URL",
                     tag: "feeds", access: .staff, response: Schemas.ref("RevokedFeedToken"),
                     refusals: CalendarFeeds.RevokeRefusal.self) { context in
                let id = try context.request.idParameter(notFound: RegistrationLookupCode.registrationNotFound)
                return APIResponse.json(try await context.service.feeds.revoke(registration: id, by: context.caller()))
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

    static let memberFeedName = "中野区産業振興センター 予約・利用"

    static func feed(name: String, bookings: [Booking], audience: FeedEvents.Audience, context: RequestContext) -> HTTPResponse {
        let events = FeedEvents(center: context.service.settings.center, audience: audience)
        var writer = ICalendarWriter(name: name)
        let stamp = context.service.clock.now()
        for booking in bookings {
            for event in events.events(of: booking) { writer.add(event, stamp: stamp) }
        }
        return HTTPResponse(status: .ok, headers: ["content-type": contentType], body: writer.bytes())
    }

    /// A member's feed: its bookings, desk passes and locker terms.
    static func feed(name: String, content: MemberFeed, context: RequestContext) -> HTTPResponse {
        let events = FeedEvents(center: context.service.settings.center, audience: .owner)
        var writer = ICalendarWriter(name: name)
        let stamp = context.service.clock.now()
        for event in content.bookings.flatMap(events.events(of:)) + content.deskPasses.flatMap(events.events(of:))
            + content.leases.flatMap(events.events(of:)) {
            writer.add(event, stamp: stamp)
        }
        return HTTPResponse(status: .ok, headers: ["content-type": contentType, "cache-control": "private, no-store"],
                            body: writer.bytes())
    }

    static let example = """
        BEGIN:VCALENDAR\r\nVERSION:2.0\r\n…\r\nBEGIN:VEVENT\r\nUID:booking-3f9c2a7d0e41b6c85a1f4e0d9b7c2a61-2026-12-01-am@nakano-center\r\n\
        DTSTART;TZID=Asia/Tokyo:20261201T090000\r\nDTEND;TZID=Asia/Tokyo:20261201T120000\r\n\
        SUMMARY:予約済み / Booked（午前）\r\nSTATUS:CONFIRMED\r\nSEQUENCE:1\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n
        """
}
