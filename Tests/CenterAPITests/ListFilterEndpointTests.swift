import Testing
@testable import CenterAPI

/// The filters of `GET /bookings` and `GET /desk-passes` all work and are
/// validated; long lists page by cursor.
@Suite(.serialized) struct ListFilterEndpointTests {
    @Test func bookingsFilterByStateFacilityRegistrationAndDates() async throws {
        try await withTestServer { server in
            let client = server.client()
            let a = try await server.register("general"), b = try await server.register("general")
            var ids: [Int] = []
            for (date, facility, who) in [("2026-12-08", "meeting-room-1", a), ("2026-12-09", "meeting-room-2", a),
                                          ("2026-12-10", "meeting-room-1", b)] {
                let response = try await client.send("POST", "/bookings", body: bookingBody(date, facility: facility, registration: who),
                                                     token: server.adminToken)
                ids.append(try #require(response.object["id"] as? Int))
            }
            _ = try await client.send("POST", "/bookings/\(ids[0])/payment", token: server.adminToken)
            func listed(_ query: String) async throws -> [Int?] {
                try await client.send("GET", "/bookings?" + query, token: server.adminToken).array.map { $0["id"] as? Int }
            }
            #expect(try await listed("state=paid") == [ids[0]])
            #expect(try await listed("state=provisional,paid") == ids)
            #expect(try await listed("facility=meeting-room-1") == [ids[0], ids[2]])
            #expect(try await listed("registration=\(a)") == [ids[0], ids[1]])
            #expect(try await listed("date=2026-12-09") == [ids[1]])
            #expect(try await listed("from=2026-12-09&to=2026-12-10") == [ids[1], ids[2]])
            let unknownFacility = try await client.send("GET", "/bookings?facility=ballroom", token: server.adminToken)
            #expect(unknownFacility.status == 422)
            #expect(unknownFacility.errorMessage?.contains("meeting-room-1") == true)
            #expect(try await client.send("GET", "/bookings?state=nope", token: server.adminToken).status == 422)
            #expect(try await client.send("GET", "/bookings?registration=999", token: server.adminToken).errorCode == "registration_not_found")
            #expect(try await client.send("GET", "/bookings?date=2026-12-09&from=2026-12-01", token: server.adminToken).status == 422)
        }
    }

    @Test func bookingsPageByCursor() async throws {
        try await withTestServer { server in
            let client = server.client()
            let registration = try await server.register("general")
            for date in ["2026-12-08", "2026-12-09", "2026-12-10"] {
                _ = try await client.send("POST", "/bookings", body: bookingBody(date, registration: registration), token: server.adminToken)
            }
            let first = try await client.send("GET", "/bookings?limit=2", token: server.adminToken)
            #expect(first.array.count == 2)
            let cursor = try #require(first.headers["next-cursor"])
            let second = try await client.send("GET", "/bookings?limit=2&cursor=\(cursor)", token: server.adminToken)
            #expect(second.array.map { $0["first_date"] as? String } == ["2026-12-10"])
            #expect(second.headers["next-cursor"] == nil)
            #expect(try await client.send("GET", "/bookings?cursor=garbage", token: server.adminToken).errorCode == "invalid_parameter")
            #expect(try await client.send("GET", "/bookings?limit=501", token: server.adminToken).status == 422)
        }
    }

    @Test func deskPassesFilterByDeskAndState() async throws {
        try await withTestServer { server in
            let client = server.client()
            let holder = try await server.deskFreelancer(client: client)
            let am = try await DeskLifecycleEndpointTests.pass(client, deskBody("2026-11-26", "am", desk: "desk-03"), token: holder.token)
            let pm = try await DeskLifecycleEndpointTests.pass(client, deskBody("2026-11-26", "pm", desk: "desk-04"), token: holder.token)
            _ = try await client.send("POST", "/desk-passes/\(pm)/cancel", token: holder.token)
            func listed(_ query: String) async throws -> [Int?] {
                try await client.send("GET", "/desk-passes?" + query, token: server.adminToken).array.map { $0["id"] as? Int }
            }
            #expect(try await listed("desk=desk-03") == [am])
            #expect(try await listed("state=cancelled") == [pm])
            #expect(try await listed("date=2026-11-26&limit=1") == [am])
            #expect(try await client.send("GET", "/desk-passes?desk=desk-99", token: server.adminToken).status == 422)
            let paged = try await client.send("GET", "/desk-passes?limit=1", token: server.adminToken)
            let cursor = try #require(paged.headers["next-cursor"])
            #expect(try await listed("limit=1&cursor=\(cursor)") == [pm])
        }
    }
}
