import Testing
@testable import CenterAPI

/// `POST /bookings` through the real server: 409 with the rule's code for
/// every refusal of docs/API.md (today is 2026-11-25).
@Suite(.serialized) struct BookingRefusalEndpointTests {
    /// Posts `body` as admin and returns status and error code.
    func post(_ server: TestServer, _ body: String) async throws -> (Int, String?) {
        let response = try await server.client().send("POST", "/bookings", body: body, token: server.adminToken)
        return (response.status, response.errorCode)
    }

    @Test func slotTakenIs409() async throws {
        try await withTestServer { server in
            let a = try await server.register("general")
            let b = try await server.register("general")
            #expect(try await post(server, bookingBody("2026-12-10", registration: a)).0 == 201)
            let (status, code) = try await post(server, bookingBody("2026-12-10", registration: b))
            #expect(status == 409)
            #expect(code == "slot_taken")
        }
    }

    @Test func windowNotOpenNamesTheOpeningDate() async throws {
        try await withTestServer { server in
            let registration = try await server.register("general")
            let response = try await server.client().send("POST", "/bookings", body: bookingBody("2027-01-15", registration: registration),
                                                           token: server.adminToken)
            #expect(response.status == 409)
            #expect(response.errorCode == "window_not_open")
            #expect(((response.object["error"] as? [String: Any])?["details"] as? [String: Any])?["opens"] as? String == "2026-12-01")
        }
    }

    @Test func communityQuotaReservedNamesTheReleaseDate() async throws {
        try await withTestServer { server in
            let ward = try await server.register("ward")
            let client = server.client()
            for day in (4...22).filter({ $0 != 18 }) {
                let date = "2027-01-\(day < 10 ? "0" : "")\(day)"
                let body = bookingBody(date, ["am", "pm", "night"], facility: "small-gym", registration: ward)
                #expect(try await client.send("POST", "/bookings", body: body, token: server.adminToken).status == 201)
            }
            let last = bookingBody("2027-01-23", ["am", "pm"], facility: "small-gym", registration: ward)
            #expect(try await client.send("POST", "/bookings", body: last, token: server.adminToken).status == 201)
            let economic = try await server.register("economic_group")
            let response = try await client.send("POST", "/bookings", body: bookingBody("2027-01-25", facility: "small-gym", registration: economic),
                                                 token: server.adminToken)
            #expect(response.status == 409)
            #expect(response.errorCode == "community_quota_reserved")
            #expect(((response.object["error"] as? [String: Any])?["details"] as? [String: Any])?["release_date"] as? String == "2026-12-26")
            let report = try await client.send("GET", "/reports/community-quota?month=2027-01", token: server.adminToken)
            let gym = report.array.first { $0["facility"] as? String == "small-gym" }
            #expect(gym?["non_community_units"] as? Int == 56)
            #expect(gym?["reserved_units"] as? Int == 25)
        }
    }

    @Test func facilityClosedOnTheRegularClosedDay() async throws {
        try await withTestServer { server in
            let registration = try await server.register("general")
            let (status, code) = try await post(server, bookingBody("2026-12-21", registration: registration))
            #expect(status == 409)
            #expect(code == "facility_closed")
        }
    }

    @Test func monthlyLimitReachedAfterEightUnits() async throws {
        try await withTestServer { server in
            let registration = try await server.register("general")
            #expect(try await post(server, bookingBody("2026-12-01", ["am", "pm", "night"], registration: registration)).0 == 201)
            #expect(try await post(server, bookingBody("2026-12-02", ["am", "pm", "night"], registration: registration)).0 == 201)
            let (status, code) = try await post(server, bookingBody("2026-12-03", ["am", "pm", "night"], registration: registration))
            #expect(status == 409)
            #expect(code == "monthly_limit_reached")
        }
    }

    @Test func couplingRequiredForTheCookingRoomAlone() async throws {
        try await withTestServer { server in
            let registration = try await server.register("general")
            let (status, code) = try await post(server, bookingBody("2026-12-10", facility: "cooking-room", registration: registration))
            #expect(status == 409)
            #expect(code == "coupling_required")
        }
    }

    @Test func guardianRequiredForTheNurseryRoomIs422() async throws {
        try await withTestServer { server in
            let registration = try await server.register("general")
            #expect(try await post(server, bookingBody("2026-12-10", registration: registration)).0 == 201)
            let (status, code) = try await post(server, bookingBody("2026-12-10", facility: "nursery-room", registration: registration,
                                                                    attendees: 4))
            #expect(status == 422)
            #expect(code == "guardian_required")
            let named = bookingBody("2026-12-10", facility: "nursery-room", registration: registration, attendees: 4, guardian: "Sato")
            #expect(try await post(server, named).0 == 201)
        }
    }

    @Test func registrationExpiredIs409() async throws {
        try await withTestServer { server in
            let registration = try await server.register("general", validFrom: "2024-01-01", validUntil: "2025-12-31")
            let (status, code) = try await post(server, bookingBody("2026-12-10", registration: registration))
            #expect(status == 409)
            #expect(code == "registration_expired")
        }
    }

    @Test func registrationSuspendedIs409() async throws {
        try await withTestServer { server in
            let registration = try await server.register("general")
            let patch = try await server.client().send("PATCH", "/registrations/\(registration)",
                                                       body: #"{"suspended_until":"2026-12-31"}"#, token: server.adminToken)
            #expect(patch.status == 200)
            #expect(patch.object["status"] as? String == "suspended")
            let (status, code) = try await post(server, bookingBody("2026-12-10", registration: registration))
            #expect(status == 409)
            #expect(code == "registration_suspended")
        }
    }

    @Test func capacityExceededIs409() async throws {
        try await withTestServer { server in
            let registration = try await server.register("general")
            let (status, code) = try await post(server, bookingBody("2026-12-10", registration: registration, attendees: 500))
            #expect(status == 409)
            #expect(code == "capacity_exceeded")
        }
    }

    @Test func consecutiveDayLimitIs409() async throws {
        try await withTestServer { server in
            let registration = try await server.register("general")
            let (status, code) = try await post(server, bookingBody("2026-12-01", days: 4, registration: registration))
            #expect(status == 409)
            #expect(code == "consecutive_day_limit")
        }
    }

    @Test func aMalformedBodyIs422WithThePath() async throws {
        try await withTestServer { server in
            let response = try await server.client().send("POST", "/bookings", body: #"{"facility":"meeting-room-1"}"#, token: server.adminToken)
            #expect(response.status == 422)
            #expect(response.errorCode == "invalid_body")
        }
    }
}
