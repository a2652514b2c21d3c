import Testing
@testable import CenterAPI

/// `GET /bookings`: filters by date, range, facility and registration, in a
/// stable order (first day of use, then id).
@Suite(.serialized) struct BookingListEndpointTests {
    @Test func aRangeListsTheBookingsInUseOrderedByDate() async throws {
        try await withTestServer { server in
            let client = server.client()
            let registration = try await server.register("general")
            for date in ["2026-12-10", "2026-12-02", "2026-12-07"] {
                _ = try await client.send("POST", "/bookings", body: bookingBody(date, registration: registration), token: server.adminToken)
            }
            _ = try await client.send("POST", "/bookings", body: bookingBody("2026-12-08", ["pm"], facility: "meeting-room-2", days: 2,
                                                                             registration: registration), token: server.adminToken)
            let range = try await client.send("GET", "/bookings?from=2026-12-03&to=2026-12-09", token: server.adminToken)
            #expect(range.array.map { $0["first_date"] as? String } == ["2026-12-07", "2026-12-08"])
            let day = try await client.send("GET", "/bookings?date=2026-12-09&facility=meeting-room-2", token: server.adminToken)
            #expect(day.array.map { $0["first_date"] as? String } == ["2026-12-08"])
            let all = try await client.send("GET", "/bookings?registration=\(registration)", token: server.adminToken)
            #expect(all.array.map { $0["first_date"] as? String } == ["2026-12-02", "2026-12-07", "2026-12-08", "2026-12-10"])
        }
    }

    @Test func aMalformedDateIs422() async throws {
        try await withTestServer { server in
            let response = try await server.client().send("GET", "/bookings?from=12-03", token: server.adminToken)
            #expect(response.status == 422)
            #expect(response.errorCode == "invalid_parameter")
        }
    }
}
