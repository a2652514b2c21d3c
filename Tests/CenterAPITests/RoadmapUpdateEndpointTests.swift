import Testing

/// `PATCH /roadmap/items/{id}`: planners move works (the plan with its
/// closures); a dry run lists exactly the bookings a move would displace, the
/// real move confirming that count cancels them with a full refund, and the
/// new closure closes the room at once.
@Suite(.serialized) struct RoadmapUpdateEndpointTests {
    static let move = #"{"planned_start":"2027-01","planned_end":"2027-03","closures":[{"facilities":["gym"],"from":"2027-02-01","to":"2027-02-10"}]}"#

    /// Two gym bookings on `server`: one inside the new window, one after it.
    func gymBookings(on server: TestServer) async throws -> (planner: String, inside: Int, outside: Int) {
        let client = server.client()
        let registration = try await server.register("economic_group")
        let inside = try await client.send("POST", "/bookings", body: bookingBody("2027-02-03", facility: "gym", registration: registration),
                                           token: server.adminToken)
        let outside = try await client.send("POST", "/bookings", body: bookingBody("2027-02-16", facility: "gym", registration: registration),
                                            token: server.adminToken)
        guard inside.status == 201, outside.status == 201 else {
            throw TestFailure("setup bookings failed: \(inside.text) \(outside.text)")
        }
        return (try await server.token(.planner), inside.object["id"] as! Int, outside.object["id"] as! Int)
    }

    @Test func dryRunListsExactlyTheDisplacedBookingsAndChangesNothing() async throws {
        try await withTestServer { server in
            let (planner, inside, _) = try await gymBookings(on: server)
        let client = server.client()
        let response = try await client.send("PATCH", "/roadmap/items/gym-cooling?dry_run=true", body: Self.move, token: planner)
        #expect(response.status == 200)
        #expect(response.object["dry_run"] as? Bool == true)
        let displaced = (response.object["displaced"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int }
        #expect(displaced == [inside])
        let booking = try await client.send("GET", "/bookings/\(inside)", token: server.adminToken)
        #expect(booking.object["state"] as? String == "provisional")
        let item = try await client.send("GET", "/roadmap/items/gym-cooling")
        let closures = item.object["closures"] as? [[String: Any]] ?? []
        #expect(closures.first?["from"] as? String == "2030-01-04")
        }
    }

    @Test func realMoveCancelsDisplacedBookingsWithFullRefund() async throws {
        try await withTestServer { server in
            let (planner, inside, outside) = try await gymBookings(on: server)
        let client = server.client()
        let response = try await client.send("PATCH", "/roadmap/items/gym-cooling?confirm_displaced=1", body: Self.move, token: planner)
        #expect(response.status == 200)
        #expect(response.object["displaced_count"] as? Int == 1)
        let displaced = response.object["displaced"] as? [[String: Any]] ?? []
        #expect(displaced.compactMap { $0["id"] as? Int } == [inside])
        #expect(displaced.first?["state"] as? String == "cancelled_by_center")
        let cancelled = try await client.send("GET", "/bookings/\(inside)", token: server.adminToken)
        #expect(cancelled.object["state"] as? String == "cancelled_by_center")
        #expect((cancelled.object["refund"] as? [String: Any])?["percent"] as? Int == 100)
        let untouched = try await client.send("GET", "/bookings/\(outside)", token: server.adminToken)
        #expect(untouched.object["state"] as? String == "provisional")
        }
    }

    @Test func movedWorksCloseTheRoomForNewBookingsAndTheCalendar() async throws {
        try await withTestServer { server in
            let (planner, _, _) = try await gymBookings(on: server)
        let client = server.client()
        _ = try await client.send("PATCH", "/roadmap/items/gym-cooling?confirm_displaced=1", body: Self.move, token: planner)
        let registration = try await server.register("economic_group")
        let refused = try await client.send("POST", "/bookings", body: bookingBody("2027-02-05", facility: "gym", registration: registration),
                                            token: server.adminToken)
        #expect(refused.status == 409)
        #expect(refused.errorCode == "facility_closed")
        let day = try await client.send("GET", "/calendar?from=2027-02-05&to=2027-02-05&facility=gym")
        let closures = day.array.first?["closures"] as? [[String: Any]] ?? []
        #expect(closures.contains { $0["kind"] as? String == "works" && $0["item_id"] as? String == "gym-cooling" })
        }
    }

    @Test func committedUpdateIsAuditedWithBeforeAndAfter() async throws {
        try await withTestServer { server in
            let (planner, _, _) = try await gymBookings(on: server)
        let client = server.client()
        _ = try await client.send("PATCH", "/roadmap/items/gym-cooling?confirm_displaced=1", body: Self.move, token: planner)
        let audit = try await client.send("GET", "/audit", token: server.adminToken)
        let entry = audit.array.first { $0["action"] as? String == "roadmap.item.update" }
        #expect(entry?["entity_id"] as? String == "gym-cooling")
        #expect((entry?["before"] as? String)?.contains("2030-01-04") == true)
        #expect((entry?["after"] as? String)?.contains("2027-02-01") == true)
        }
    }

    @Test func aChangeThatDisplacesBookingsIsAppliedOnlyWithTheDryRunsCount() async throws {
        try await withTestServer { server in
            let (planner, inside, _) = try await gymBookings(on: server)
        let client = server.client()
        for target in ["/roadmap/items/gym-cooling", "/roadmap/items/gym-cooling?confirm_displaced=0",
                       "/roadmap/items/gym-cooling?confirm_displaced=2"] {
            let refused = try await client.send("PATCH", target, body: Self.move, token: planner)
            #expect(refused.status == 409)
            #expect(refused.errorCode == "displacement_unconfirmed")
            let details = (refused.object["error"] as? [String: Any])?["details"] as? [String: Any] ?? [:]
            #expect(details["displaced_count"] as? String == "1")
            let dryRun = details["dry_run"] as? [String: Any] ?? [:]
            #expect((dryRun["displaced"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int } == [inside])
        }
        let booking = try await client.send("GET", "/bookings/\(inside)", token: server.adminToken)
        #expect(booking.object["state"] as? String == "provisional")
        let item = try await client.send("GET", "/roadmap/items/gym-cooling")
        #expect((item.object["closures"] as? [[String: Any]])?.first?["from"] as? String == "2030-01-04")
        }
    }

    @Test func aConfirmedCountThatNoLongerHoldsIsRefused() async throws {
        try await withTestServer { server in
            let (planner, _, _) = try await gymBookings(on: server)
        let client = server.client()
        let dry = try await client.send("PATCH", "/roadmap/items/gym-cooling?dry_run=true", body: Self.move, token: planner)
        #expect(dry.object["displaced_count"] as? Int == 1)
        let registration = try await server.register("economic_group")
        let another = try await client.send("POST", "/bookings", body: bookingBody("2027-02-08", facility: "gym", registration: registration),
                                            token: server.adminToken)
        #expect(another.status == 201)
        let stale = try await client.send("PATCH", "/roadmap/items/gym-cooling?confirm_displaced=1", body: Self.move, token: planner)
        #expect(stale.status == 409)
        #expect(((stale.object["error"] as? [String: Any])?["details"] as? [String: Any])?["displaced_count"] as? String == "2")
        #expect(try await client.send("PATCH", "/roadmap/items/gym-cooling?confirm_displaced=2", body: Self.move, token: planner).status == 200)
        }
    }

    @Test func aChangeMayOnlyCloseRoomsInsideTheItemsOwnDates() async throws {
        try await withTestServer { server in
        let planner = try await server.token(.planner)
        let outside = #"{"closures":[{"facilities":["gym"],"from":"2027-02-01","to":"2027-02-10"}]}"#
        let response = try await server.client().send("PATCH", "/roadmap/items/gym-cooling", body: outside, token: planner)
        #expect(response.status == 422)
        #expect(response.errorCode == "closure_outside_item_dates")
        }
    }

    @Test func aDoneItemCannotCloseRooms() async throws {
        try await withTestServer { server in
        let planner = try await server.token(.planner)
        let body = #"{"closures":[{"facilities":["event-corner"],"from":"2025-07-01","to":"2025-07-02"}]}"#
        let response = try await server.client().send("PATCH", "/roadmap/items/wifi", body: body, token: planner)
        #expect(response.status == 409)
        #expect(response.errorCode == "item_done")
        }
    }

    @Test func confirmDisplacedMustBeACount() async throws {
        try await withTestServer { server in
        let planner = try await server.token(.planner)
        let response = try await server.client().send("PATCH", "/roadmap/items/gym-cooling?confirm_displaced=-1", body: "{}", token: planner)
        #expect(response.status == 422)
        #expect(response.errorCode == "invalid_parameter")
        }
    }

    @Test func itemCannotFinishBeforeWhatItDependsOn() async throws {
        try await withTestServer { server in
        let planner = try await server.token(.planner)
        let response = try await server.client().send("PATCH", "/roadmap/items/meeting-room-works",
                                                      body: #"{"status":"done","actual_start":"2026-10-01","actual_end":"2026-11-01"}"#,
                                                      token: planner)
        #expect(response.status == 409)
        #expect(response.errorCode == "dependency_not_done")
        }
    }

    @Test func onlyPlannersAndAdminsMayUpdate() async throws {
        try await withTestServer { server in
        let staff = try await server.token(.staff)
        let response = try await server.client().send("PATCH", "/roadmap/items/wifi", body: #"{"status":"done"}"#, token: staff)
        #expect(response.status == 403)
        }
    }

    @Test func unknownItemIs404AndBadDatesAre422() async throws {
        try await withTestServer { server in
        let planner = try await server.token(.planner)
        let client = server.client()
        #expect(try await client.send("PATCH", "/roadmap/items/nope", body: #"{"status":"done"}"#, token: planner).status == 404)
        let inverted = try await client.send("PATCH", "/roadmap/items/gym-cooling",
                                             body: #"{"planned_start":"2030-03","planned_end":"2029-12"}"#, token: planner)
        #expect(inverted.status == 422)
        }
    }

    @Test func committedUpdateSurvivesARestart() async throws {
        try await withTestServer { server in
        let planner = try await server.token(.planner)
        _ = try await server.client().send("PATCH", "/roadmap/items/gym-cooling", body: Self.move, token: planner)
        let reopened = try await server.reopenedService()
        let closure = reopened.roadmap.schedule.item("gym-cooling")?.closures.first
        #expect(closure?.from.description == "2027-02-01")
        }
    }
}

/// Works that close the desk pool displace the desk passes they hit.
@Suite(.serialized) struct RoadmapDeskDisplacementTests {
    @Test func worksClosingTheDeskPoolCancelDeskPasses() async throws {
        try await withTestServer { server in
        let client = server.client()
        let holder = try await server.deskFreelancer(client: client)
        let id = try await DeskLifecycleEndpointTests.pass(client, deskBody("2026-12-01", "am"), token: holder.token)
        let planner = try await server.token(.planner)
        let body = #"{"closures":[{"facilities":["flexible-desks"],"from":"2026-12-01","to":"2026-12-02"}]}"#
        let dry = try await client.send("PATCH", "/roadmap/items/mobile-locker-coordination?dry_run=true", body: body, token: planner)
        #expect((dry.object["displaced_desk_passes"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int } == [id])
        #expect(dry.object["displaced_count"] as? Int == 1)
        let real = try await client.send("PATCH", "/roadmap/items/mobile-locker-coordination?confirm_displaced=1", body: body, token: planner)
        #expect(real.status == 200)
        let pass = try await client.send("GET", "/desk-passes/\(id)", token: holder.token)
        #expect(pass.object["state"] as? String == "cancelled")
        }
    }
}

/// A booking already in use is not displaced, and does not block the change.
@Suite(.serialized) struct RoadmapInUseBookingTests {
    @Test func checkedInBookingIsLeftAloneAndThePatchSucceeds() async throws {
        try await withTestServer { server in
        let client = server.client()
        let registration = try await server.register("economic_group")
        let booked = try await client.send("POST", "/bookings", body: bookingBody("2026-12-02", facility: "gym", registration: registration),
                                           token: server.adminToken)
        let id = try #require(booked.object["id"] as? Int)
        #expect(try await client.send("POST", "/bookings/\(id)/payment", body: "{}", token: server.adminToken).status == 200)
        server.setClock("2026-12-02", minute: 9 * 60 + 5)
        #expect(try await client.send("POST", "/bookings/\(id)/check-in", body: "{}", token: server.adminToken).status == 200)
        let planner = try await server.token(.planner)
        let body = #"{"closures":[{"facilities":["gym"],"from":"2026-12-02","to":"2026-12-03"}]}"#
        let change = try await client.send("PATCH", "/roadmap/items/mobile-locker-coordination", body: body, token: planner)
        #expect(change.status == 200)
        #expect((change.object["displaced"] as? [Any])?.isEmpty == true)
        let booking = try await client.send("GET", "/bookings/\(id)", token: server.adminToken)
        #expect(booking.object["state"] as? String == "checked_in")
        }
    }
}
