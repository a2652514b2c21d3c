import Testing
@testable import CenterAPI

/// `GET /facilities/{id}/calendar.ics`: the bookings of a room as iCalendar,
/// without names, purposes or contacts.
@Suite(.serialized) struct BookingFeedEndpointTests {
    @Test func theFeedListsBookingsWithoutPersonalData() async throws {
        try await withTestServer { server in
            let registration = try await server.register("general")
            let body = bookingBody("2026-12-10", ["am", "pm"], registration: registration)
            let booked = try await server.client().send("POST", "/bookings", body: body, token: server.adminToken)
            let id = try #require(booked.object["id"] as? Int)
            let feed = try await server.client().send("GET", "/facilities/meeting-room-1/calendar.ics")
            #expect(feed.status == 200)
            #expect(feed.headers["content-type"] == "text/calendar; charset=utf-8")
            let text = feed.text
            #expect(text.contains(try await server.uid(id, "2026-12-10", "am") + "\r\n"))
            #expect(text.contains("DTSTART;TZID=Asia/Tokyo:20261210T090000\r\n"))
            #expect(text.contains("DTEND;TZID=Asia/Tokyo:20261210T170000\r\n"))
            #expect(text.contains("STATUS:TENTATIVE\r\n"))
            #expect(!text.contains("general user"))
            #expect(!text.contains("Seminar"))
            #expect(!text.contains("03-0000-0000"))
        }
    }

    @Test func aCancelledBookingStaysInTheFeedAsCancelled() async throws {
        try await withTestServer { server in
            let registration = try await server.register("general")
            let booked = try await server.client().send("POST", "/bookings", body: bookingBody("2026-12-10", ["am", "night"], registration: registration),
                                                        token: server.adminToken)
            let id = try #require(booked.object["id"] as? Int)
            _ = try await server.client().send("POST", "/bookings/\(id)/cancel", token: server.adminToken)
            let text = try await server.client().send("GET", "/facilities/meeting-room-1/calendar.ics?from=2026-12-01&to=2026-12-31").text
            #expect(text.components(separatedBy: "BEGIN:VEVENT").count - 1 == 2)
            #expect(text.components(separatedBy: "STATUS:CANCELLED").count - 1 == 2)
            #expect(text.contains("SEQUENCE:1\r\n"))
        }
    }

    @Test func anUnknownFacilityIs404() async throws {
        try await withTestServer { server throws in
            #expect(try await server.client().send("GET", "/facilities/ballroom/calendar.ics").status == 404)
        }
    }
}
