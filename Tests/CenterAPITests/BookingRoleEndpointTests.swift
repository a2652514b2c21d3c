import Testing
@testable import CenterAPI

/// Who sees and does what: staff act for anyone, a member only for its own
/// registration (others are 404, so ids do not leak), anonymous callers see
/// availability without booking ids.
@Suite(.serialized) struct BookingRoleEndpointTests {
    /// A member token of a fresh registration, minted through the API.
    func memberToken(_ server: TestServer, registration: Int64) async throws -> String {
        let response = try await server.client().send("POST", "/registrations/\(registration)/tokens", body: #"{"name":"Chair"}"#,
                                                       token: server.adminToken)
        #expect(response.status == 201)
        return try #require(response.object["token"] as? String)
    }

    @Test func aMemberBooksAndSeesOnlyItsOwn() async throws {
        try await withTestServer { server in
            let client = server.client()
            let mine = try await server.register("general")
            let other = try await server.register("general")
            let token = try await memberToken(server, registration: mine)
            let own = try await client.send("POST", "/bookings", body: bookingBody("2026-12-10", registration: mine), token: token)
            #expect(own.status == 201)
            let foreign = try await client.send("POST", "/bookings", body: bookingBody("2026-12-11", registration: other), token: token)
            #expect(foreign.status == 404)
            #expect(foreign.errorCode == "registration_not_found")
            let theirs = try await client.send("POST", "/bookings", body: bookingBody("2026-12-11", registration: other), token: server.adminToken)
            let theirID = try #require(theirs.object["id"] as? Int)
            #expect(try await client.send("GET", "/bookings/\(theirID)", token: token).status == 404)
            #expect(try await client.send("POST", "/bookings/\(theirID)/cancel", token: token).status == 404)
            #expect(try await client.send("GET", "/registrations/\(other)", token: token).status == 404)
            let me = try await client.send("GET", "/me/bookings", token: token)
            #expect(me.array.map { $0["registration"] as? Int } == [Int(mine)])
            let listed = try await client.send("GET", "/bookings?date=2026-12-11", token: token)
            #expect(listed.array.isEmpty)
        }
    }

    @Test func aMemberMayNotRecordPayments() async throws {
        try await withTestServer { server in
            let mine = try await server.register("general")
            let token = try await memberToken(server, registration: mine)
            let booked = try await server.client().send("POST", "/bookings", body: bookingBody("2026-12-10", registration: mine), token: token)
            let id = try #require(booked.object["id"] as? Int)
            #expect(try await server.client().send("POST", "/bookings/\(id)/payment", token: token).status == 403)
        }
    }

    @Test func anonymousCallersSeeAvailabilityWithoutBookingIds() async throws {
        try await withTestServer { server in
            let registration = try await server.register("general")
            _ = try await server.client().send("POST", "/bookings", body: bookingBody("2026-12-10", registration: registration),
                                               token: server.adminToken)
            let anonymous = try await server.client().send("GET", "/availability?facility=meeting-room-1&from=2026-12-10&to=2026-12-10")
            #expect(anonymous.status == 200)
            let slot = (anonymous.array.first?["divisions"] as? [[String: Any]])?.first
            #expect(slot?["status"] as? String == "booked")
            #expect(slot?["booking"] == nil)
            #expect(!anonymous.text.contains("general user"))
            let staff = try await server.client().send("GET", "/availability?facility=meeting-room-1&from=2026-12-10&to=2026-12-10",
                                                       token: server.adminToken)
            #expect(((staff.array.first?["divisions"] as? [[String: Any]])?.first?["booking"] as? Int) != nil)
        }
    }

    @Test func availabilityShowsWhenTheAskingCategoryIsNotYetOpen() async throws {
        try await withTestServer { server in
            let response = try await server.client().send("GET", "/availability?facility=meeting-room-1&from=2027-01-15&to=2027-01-15&category=general")
            let slot = (response.array.first?["divisions"] as? [[String: Any]])?.first
            #expect(slot?["status"] as? String == "not_open")
            #expect(slot?["opens"] as? String == "2026-12-01")
        }
    }

    @Test func anonymousCallersCannotBook() async throws {
        try await withTestServer { server in
            let response = try await server.client().send("POST", "/bookings", body: bookingBody("2026-12-10", registration: 1))
            #expect(response.status == 401)
        }
    }
}
