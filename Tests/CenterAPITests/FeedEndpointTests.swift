import Testing
@testable import CenterAPI
@testable import CenterService

extension TestServer {
    /// Books through `POST /bookings` as admin and returns the booking id.
    func book(_ date: String, _ divisions: [String] = ["am"], facility: String = "meeting-room-1", days: Int = 1,
              registration: Int64, client: TestClient) async throws -> Int {
        let response = try await client.send("POST", "/bookings",
                                             body: bookingBody(date, divisions, facility: facility, days: days, registration: registration),
                                             token: adminToken)
        guard response.status == 201, let id = response.object["id"] as? Int else {
            throw TestFailure("booking failed: \(response.status) \(response.text)")
        }
        return id
    }

    /// The feed id of booking `id`, as stored: what its event UIDs name.
    func feedID(_ id: Int) async throws -> String {
        try await service.pool.read { db in
            try db.queryOne("SELECT feed_id FROM bookings WHERE id = ?", [.integer(Int64(id))])?.get("feed_id") ?? ""
        }
    }

    /// The UID of booking `id`'s event on `date` starting with `division`.
    func uid(_ id: Int, _ date: String, _ division: String) async throws -> String {
        "UID:booking-\(try await feedID(id))-\(date)-\(division)@nakano-center"
    }
}

/// The content lines of an iCalendar feed, unfolded (RFC 5545 §3.1).
func icsLines(_ text: String) -> [String] {
    text.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n").filter { !$0.isEmpty }
}

/// `GET /facilities/{id}/calendar.ics` and `GET /me/calendar.ics` through the real server.
@Suite(.serialized) struct FeedEndpointTests {
    @Test func publicFeedShowsBookedDivisionsWithoutPersonalData() async throws {
        try await withTestServer { server in
        let client = server.client()
        let registration = try await server.register("general")
        _ = try await server.book("2026-12-10", registration: registration, client: client)
        let feed = try await client.send("GET", "/facilities/meeting-room-1/calendar.ics")
        #expect(feed.status == 200)
        #expect(feed.headers["content-type"] == "text/calendar; charset=utf-8")
        #expect(feed.text.contains("SUMMARY:予約済み / Booked（午前）"))
        #expect(!feed.text.contains("general user"))
        #expect(!feed.text.contains("03-0000-0000"))
        #expect(!feed.text.contains("Seminar"))
        }
    }

    @Test func eventsTakeTheirTimesFromTheConfiguredDivisionsInTokyoTime() async throws {
        try await withTestServer { server in
        let client = server.client()
        let registration = try await server.register("general")
        let id = try await server.book("2026-12-10", ["am", "pm"], registration: registration, client: client)
        let lines = icsLines(try await client.send("GET", "/facilities/meeting-room-1/calendar.ics").text)
        #expect(lines.contains(try await server.uid(id, "2026-12-10", "am")))
        #expect(lines.contains("DTSTART;TZID=Asia/Tokyo:20261210T090000"))
        #expect(lines.contains("DTEND;TZID=Asia/Tokyo:20261210T170000"))
        #expect(lines.contains("TZID:Asia/Tokyo"))
        }
    }

    @Test func provisionalIsTentativeAndPaidIsConfirmed() async throws {
        try await withTestServer { server in
        let client = server.client()
        let registration = try await server.register("general")
        let id = try await server.book("2026-12-10", registration: registration, client: client)
        let before = icsLines(try await client.send("GET", "/facilities/meeting-room-1/calendar.ics").text)
        #expect(before.contains("STATUS:TENTATIVE"))
        #expect(before.contains("SEQUENCE:0"))
        _ = try await client.send("POST", "/bookings/\(id)/payment", token: server.adminToken)
        let after = icsLines(try await client.send("GET", "/facilities/meeting-room-1/calendar.ics").text)
        #expect(after.contains("STATUS:CONFIRMED"))
        #expect(after.contains("SEQUENCE:1"))
        }
    }

    @Test func cancelledBookingStaysWithItsUidAsCancelledWithSequenceBumped() async throws {
        try await withTestServer { server in
        let client = server.client()
        let registration = try await server.register("general")
        let id = try await server.book("2026-12-10", registration: registration, client: client)
        _ = try await client.send("POST", "/bookings/\(id)/payment", token: server.adminToken)
        _ = try await client.send("POST", "/bookings/\(id)/cancel", body: #"{"reason":"ill"}"#, token: server.adminToken)
        let lines = icsLines(try await client.send("GET", "/facilities/meeting-room-1/calendar.ics").text)
        #expect(lines.contains(try await server.uid(id, "2026-12-10", "am")))
        #expect(lines.contains("STATUS:CANCELLED"))
        #expect(lines.contains("SEQUENCE:2"))
        }
    }

    @Test func uidsAreStableBetweenFetches() async throws {
        try await withTestServer { server in
        let client = server.client()
        let registration = try await server.register("general")
        _ = try await server.book("2026-12-10", ["am", "night"], days: 2, registration: registration, client: client)
        let uids = { (text: String) in icsLines(text).filter { $0.hasPrefix("UID:") } }
        let first = uids(try await client.send("GET", "/facilities/meeting-room-1/calendar.ics").text)
        server.setClock("2026-11-26")
        let second = uids(try await client.send("GET", "/facilities/meeting-room-1/calendar.ics").text)
        #expect(first.count == 4)
        #expect(first == second)
        }
    }

    @Test func publicUidsDoNotRevealTheSequentialBookingIds() async throws {
        try await withTestServer { server in
        let client = server.client()
        let registration = try await server.register("general")
        let first = try await server.book("2026-12-10", registration: registration, client: client)
        let second = try await server.book("2026-12-12", registration: registration, client: client)
        let uids = icsLines(try await client.send("GET", "/facilities/meeting-room-1/calendar.ics").text).filter { $0.hasPrefix("UID:") }
        #expect(uids.count == 2)
        for uid in uids {
            #expect(!uid.hasPrefix("UID:booking-\(first)-") && !uid.hasPrefix("UID:booking-\(second)-"))
            let feedID = uid.dropFirst("UID:booking-".count).prefix(32)
            #expect(feedID.count == 32 && feedID.allSatisfy(\.isHexDigit))
        }
        #expect(try await server.feedID(first) != server.feedID(second))
        }
    }

    @Test func uidsAreStableAcrossARestart() async throws {
        try await withTestServer { server in
        let client = server.client()
        let registration = try await server.register("general")
        let id = try await server.book("2026-12-10", registration: registration, client: client)
        let before = try await server.feedID(id)
        let reopened = try await server.reopenedService()
        let after = try await reopened.bookings.booking(id: Int64(id), for: TestServer.staffActor).feedID
        #expect(after == before)
        }
    }

    @Test func feedKeepsToTheRequestedRange() async throws {
        try await withTestServer { server in
        let client = server.client()
        let registration = try await server.register("general")
        _ = try await server.book("2026-12-10", registration: registration, client: client)
        let outside = try await client.send("GET", "/facilities/meeting-room-1/calendar.ics?from=2026-12-11&to=2026-12-31")
        #expect(outside.status == 200)
        #expect(!outside.text.contains("BEGIN:VEVENT"))
        let reversed = try await client.send("GET", "/facilities/meeting-room-1/calendar.ics?from=2026-12-31&to=2026-12-01")
        #expect(reversed.status == 422)
        }
    }

    @Test func unknownFacilityFeedIsNotFound() async throws {
        try await withTestServer { server in
        let response = try await server.client().send("GET", "/facilities/no-such-room/calendar.ics")
        #expect(response.status == 404)
        #expect(response.errorCode == "facility_not_found")
        }
    }

    @Test func memberFeedShowsOnlyItsOwnBookingsWithPurpose() async throws {
        try await withTestServer { server in
        let client = server.client()
        let own = try await server.register("general")
        let other = try await server.register("general")
        let ownID = try await server.book("2026-12-10", registration: own, client: client)
        let otherID = try await server.book("2026-12-11", registration: other, client: client)
        let member = try await server.token(.member, registrationID: own)
        let feed = try await client.send("GET", "/me/calendar.ics", token: member)
        #expect(feed.status == 200)
        let lines = icsLines(feed.text)
        #expect(lines.contains("SUMMARY:Seminar（会議室1 午前）"))
        #expect(lines.contains(try await server.uid(ownID, "2026-12-10", "am")))
        #expect(!lines.contains(try await server.uid(otherID, "2026-12-11", "am")))
        }
    }

    @Test func memberFeedNeedsAMemberToken() async throws {
        try await withTestServer { server in
        let client = server.client()
        #expect(try await client.send("GET", "/me/calendar.ics").status == 401)
        let staff = try await server.token(.staff)
        #expect(try await client.send("GET", "/me/calendar.ics", token: staff).status == 403)
        }
    }
}
