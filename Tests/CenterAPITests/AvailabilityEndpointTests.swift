import Testing
@testable import CenterAPI

/// `GET /availability` through the real server: closed days with their
/// reasons, a member's own bookings, and the limits of the query.
@Suite(.serialized) struct AvailabilityEndpointTests {
    @Test func aClosedDayShowsItsReasonsAndEveryDivisionClosed() async throws {
        try await withTestServer { server in
            let response = try await server.client().send("GET", "/availability?facility=gym&from=2026-12-20&to=2026-12-21")
            #expect(response.status == 200)
            #expect(response.array.map { $0["open"] as? Bool } == [true, false])
            let closed = response.array[1]
            #expect((closed["reasons"] as? [[String: Any]])?.first?["kind"] as? String == "regular_closed_day")
            #expect((closed["divisions"] as? [[String: Any]])?.allSatisfy { $0["status"] as? String == "closed" } == true)
        }
    }

    @Test func aMemberSeesItsOwnBookingMarked() async throws {
        try await withTestServer { server in
            let mine = try await server.register("general")
            let other = try await server.register("general")
            let member = try await server.token(.member, registrationID: mine)
            _ = try await server.client().send("POST", "/bookings", body: bookingBody("2026-12-10", ["am"], registration: mine), token: member)
            _ = try await server.client().send("POST", "/bookings", body: bookingBody("2026-12-10", ["pm"], registration: other),
                                               token: server.adminToken)
            let response = try await server.client().send("GET", "/availability?facility=meeting-room-1&from=2026-12-10&to=2026-12-10",
                                                           token: member)
            let slots = response.array.first?["divisions"] as? [[String: Any]] ?? []
            #expect(slots.map { $0["status"] as? String } == ["booked", "booked", "free"])
            #expect(slots[0]["own"] as? Bool == true)
            #expect(slots[0]["booking"] as? Int != nil)
            #expect(slots[1]["own"] as? Bool == false)
            #expect(slots[1]["booking"] == nil)
        }
    }

    @Test func pastDaysAndACommunityGroupsLastThreeDaysAreClosedForBooking() async throws {
        try await withTestServer { server in
            let response = try await server.client().send(
                "GET", "/availability?facility=meeting-room-1&from=2026-11-24&to=2026-11-29&category=community_group")
            let statuses = response.array.map { (($0["divisions"] as? [[String: Any]])?.first?["status"] as? String) ?? "" }
            #expect(statuses == ["window_closed", "window_closed", "window_closed", "window_closed", "free", "free"])
        }
    }

    @Test func todaysDivisionsThatHaveEndedAreClosedForBooking() async throws {
        try await withTestServer { server in
            server.setClock("2026-11-25", minute: 17 * 60)
            let response = try await server.client().send("GET", "/availability?facility=meeting-room-1&from=2026-11-25&to=2026-11-26&category=general")
            let today = response.array.first?["divisions"] as? [[String: Any]] ?? []
            #expect(today.map { $0["status"] as? String } == ["window_closed", "window_closed", "free"])
            let tomorrow = response.array.last?["divisions"] as? [[String: Any]] ?? []
            #expect(tomorrow.allSatisfy { $0["status"] as? String == "free" })
        }
    }

    @Test func aRangeOverNinetyThreeDaysIs422() async throws {
        try await withTestServer { server in
            let response = try await server.client().send("GET", "/availability?facility=gym&from=2026-12-01&to=2027-03-31")
            #expect(response.status == 422)
            #expect(response.errorCode == "range_too_long")
        }
    }

    @Test func anUnknownFacilityIs404() async throws {
        try await withTestServer { server in
            let response = try await server.client().send("GET", "/availability?facility=ballroom&from=2026-12-01&to=2026-12-01")
            #expect(response.status == 404)
            #expect(response.errorCode == "facility_not_found")
        }
    }
}
