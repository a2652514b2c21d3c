import Testing
@testable import CenterAPI
@testable import CenterService

/// Many clients at once through HTTP, each on its own connection: the single
/// writer and the live-unit unique index sell every unit once, and the
/// community quota's ceiling holds.
@Suite(.serialized) struct BookingConcurrencyTests {
    @Test func twoHundredClientsRaceForTwentyUnitsAndEachUnitIsSoldOnce() async throws {
        try await withTestServer { server in
        let ward = try await server.register("ward")
        let token = server.adminToken
        let port = server.port
        let dates = ["2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-05",
                     "2026-12-07", "2026-12-08", "2026-12-09", "2026-12-10", "2026-12-11"]
        let units = dates.flatMap { date in ["am", "pm"].map { (date, $0) } }
        let outcomes = try await withThrowingTaskGroup(of: (Int, Int, String?).self) { group in
            for client in 0..<200 {
                let unit = units[client % units.count]
                group.addTask {
                    let response = try await TestClient(port: port).send(
                        "POST", "/bookings", body: bookingBody(unit.0, [unit.1], registration: ward), token: token)
                    return (client % units.count, response.status, response.errorCode)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let winners = outcomes.filter { $0.1 == 201 }
        #expect(winners.count == 20)
        #expect(Set(winners.map(\.0)).count == 20)
        #expect(outcomes.filter { $0.1 != 201 }.allSatisfy { $0.1 == 409 && $0.2 == "slot_taken" })
        let overlaps: Int = try await server.service.pool.read { db in
            try db.query("""
                SELECT facility_id, date, division FROM booking_units WHERE live = 1
                GROUP BY facility_id, date, division HAVING count(*) > 1
                """).count
        }
        #expect(overlaps == 0)
        }
    }

    @Test func theQuotaCeilingHoldsUnderAHundredParallelRequests() async throws {
        try await withTestServer { server in
        let ward = try await server.register("ward")
        let token = server.adminToken
        let port = server.port
        let openDays = (1...31).filter { ![1, 2, 3, 18].contains($0) }.map { "2027-01-\($0 < 10 ? "0" : "")\($0)" }
        let units = openDays.flatMap { date in ["am", "pm", "night"].map { (date, $0) } }
        #expect(units.count == 81)
        let statuses = try await withThrowingTaskGroup(of: (Int, String?).self) { group in
            for client in 0..<100 {
                let unit = units[client % units.count]
                group.addTask {
                    let response = try await TestClient(port: port).send(
                        "POST", "/bookings", body: bookingBody(unit.0, [unit.1], facility: "small-gym", registration: ward), token: token)
                    return (response.status, response.errorCode)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(statuses.filter { $0.0 == 201 }.count == 56)
        #expect(statuses.filter { $0.0 != 201 }.allSatisfy { $0.0 == 409 && ($0.1 == "community_quota_reserved" || $0.1 == "slot_taken") })
        let booked: Int = try await server.service.pool.read { db in
            try db.queryOne("""
                SELECT count(*) AS n FROM booking_units WHERE live = 1 AND facility_id = 'small-gym' AND community = 0
                AND date BETWEEN '2027-01-01' AND '2027-01-31'
                """)!.get("n")
        }
        #expect(booked == 56)
        }
    }

    @Test func parallelRetriesWithOneIdempotencyKeyCreateOneBooking() async throws {
        try await withTestServer { server in
        let registration = try await server.register("general")
        let token = server.adminToken
        let port = server.port
        let body = bookingBody("2026-12-10", registration: registration)
        let responses = try await withThrowingTaskGroup(of: TestClient.Response.self) { group in
            for _ in 0..<20 {
                group.addTask {
                    try await TestClient(port: port).send("POST", "/bookings", body: body, token: token,
                                                          headers: ["Idempotency-Key": "same-key"])
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(responses.allSatisfy { $0.status == 201 && $0.body == responses[0].body })
        #expect(responses.filter { $0.headers["idempotent-replayed"] == nil }.count == 1)
        let count: Int = try await server.service.pool.read { db in try db.queryOne("SELECT count(*) AS n FROM bookings")!.get("n") }
        #expect(count == 1)
        }
    }
}
