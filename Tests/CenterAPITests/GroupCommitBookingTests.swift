import Testing
@testable import CenterAPI
@testable import CenterService

/// Group commit seen through HTTP: requests arriving together are
/// committed in shared batches, yet every request gets its own answer —
/// successes, monthly-limit refusals, slot-taken refusals and unknown
/// facilities side by side — and the database holds exactly the successes.
@Suite(.serialized) struct GroupCommitBookingTests {
    @Test func concurrentBookingsInSharedBatchesEachGetTheirOwnAnswer() async throws {
        try await withTestServer { server in
        let general = try await server.register("general")
        let ward = try await server.register("ward")
        let token = server.adminToken
        let port = server.port
        let batchesBefore = server.service.housekeeping.writer.batchesCommitted
        // 12 distinct free units for one general registration, on days apart
        // (so the consecutive-day limit stays out of it): its monthly limit
        // (8 units) lets exactly 8 through, whichever come first.
        let distinct = ["2026-12-01", "2026-12-03", "2026-12-05", "2026-12-07"].flatMap { date in
            ["am", "pm", "night"].map { bookingBody(date, [$0], facility: "meeting-room-1", registration: general) }
        }
        // 10 requests for one unit: one wins, nine are slot_taken.
        let same = (0..<10).map { _ in bookingBody("2026-12-05", ["am"], facility: "meeting-room-2", registration: ward) }
        // 5 requests for a facility that does not exist: refused inside the writer.
        let unknown = (0..<5).map { _ in bookingBody("2026-12-05", ["pm"], facility: "no-such-room", registration: ward) }
        let requests = distinct.map { ("distinct", $0) } + same.map { ("same", $0) } + unknown.map { ("unknown", $0) }

        let answers = try await withThrowingTaskGroup(of: (String, Int, String?, Int?).self) { group in
            for (kind, body) in requests {
                group.addTask {
                    let response = try await TestClient(port: port).send("POST", "/bookings", body: body, token: token)
                    return (kind, response.status, response.errorCode, response.status == 201 ? response.object["id"] as? Int : nil)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let distinctAnswers = answers.filter { $0.0 == "distinct" }
        #expect(distinctAnswers.filter { $0.1 == 201 }.count == 8)
        #expect(distinctAnswers.filter { $0.1 != 201 }.allSatisfy { $0.1 == 409 && $0.2 == "monthly_limit_reached" })
        let sameAnswers = answers.filter { $0.0 == "same" }
        #expect(sameAnswers.filter { $0.1 == 201 }.count == 1)
        #expect(sameAnswers.filter { $0.1 != 201 }.allSatisfy { $0.1 == 409 && $0.2 == "slot_taken" })
        #expect(answers.filter { $0.0 == "unknown" }.allSatisfy { $0.1 == 404 && $0.2 == "facility_not_found" })

        // Every 201 is stored as answered, and nothing else is.
        let ids = answers.compactMap(\.3)
        #expect(ids.count == 9)
        for id in ids {
            let stored = try await TestClient(port: port).send("GET", "/bookings/\(id)", token: token)
            #expect(stored.status == 200)
        }
        let stored: [Int64] = try await server.service.pool.read { db in
            try db.query("SELECT id FROM bookings ORDER BY id").map { try $0.get("id") }
        }
        #expect(Set(stored) == Set(ids.map(Int64.init)))
        let liveUnits: Int = try await server.service.pool.read { db in
            try db.queryOne("SELECT count(*) FROM booking_units WHERE live = 1")!.get(0)
        }
        #expect(liveUnits == 9)
        // 27 writes went through fewer commits than writes whenever they
        // overlapped; at the least, none was lost or counted twice.
        let statistics = server.service.housekeeping.writer
        #expect(statistics.batchesCommitted - batchesBefore <= 27)
        }
    }
}
