import Testing
@testable import CenterAPI

/// Desk passes through the real server: booking by a member and by staff,
/// every refusal code, availability, idempotency, and the public views.
@Suite(.serialized) struct DeskPassEndpointTests {
    @Test func deskListShowsEachDeskWithItsFeatures() async throws {
        try await withTestServer { server in
            let response = try await server.client().send("GET", "/desks")
            #expect(response.status == 200)
            #expect(response.array.count == 20)
            #expect(response.array.first?["id"] as? String == "desk-01")
            #expect(response.array.first?["features"] as? [String] == ["power", "monitor"])
        }
    }

    @Test func deskMemberBooksItsOwnPassOnTheLowestFreeDesk() async throws {
        try await withTestServer { server in
            let client = server.client()
            let holder = try await server.deskFreelancer(client: client)
            let response = try await client.send("POST", "/desk-passes", body: deskBody("2026-11-26", "am"), token: holder.token)
            #expect(response.status == 201)
            #expect(response.object["desk"] as? String == "desk-01")
            #expect(response.object["registration"] as? Int == Int(holder.id))
            #expect(response.object["state"] as? String == "booked")
            #expect(response.object["check_in_deadline"] as? String == "2026-11-26T09:30:00+09:00")
        }
    }

    @Test func deskStaffBooksForANamedRegistration() async throws {
        try await withTestServer { server in
            let client = server.client()
            let holder = try await server.deskFreelancer(client: client)
            let response = try await client.send("POST", "/desk-passes",
                                                 body: deskBody("2026-11-26", "day", desk: "desk-07", registration: holder.id),
                                                 token: server.adminToken)
            #expect(response.status == 201)
            #expect(response.object["desk"] as? String == "desk-07")
            #expect(response.object["units"] as? [String] == ["am", "pm", "night"])
        }
    }

    @Test func deskAvailabilityIsPublicAndShowsNoNames() async throws {
        try await withTestServer { server in
            let client = server.client()
            let holder = try await server.deskFreelancer(client: client)
            _ = try await client.send("POST", "/desk-passes", body: deskBody("2026-11-26", "am"), token: holder.token)
            let response = try await client.send("GET", "/desks/availability?date=2026-11-26")
            #expect(response.status == 200)
            let periods = response.object["periods"] as? [[String: Any]] ?? []
            #expect(periods.map { $0["period"] as? String } == ["am", "pm", "night"])
            #expect(periods[0]["free"] as? Int == 19)
            #expect(periods[0]["taken"] as? Int == 1)
            #expect((periods[0]["free_desks"] as? [String])?.contains("desk-01") == false)
            #expect(periods[1]["free"] as? Int == 20)
            #expect(!response.text.contains("registration"))
        }
    }

    @Test func deskAvailabilityOnAClosedDayIsAllClosedWithTheReason() async throws {
        try await withTestServer { server in
            let response = try await server.client().send("GET", "/desks/availability?date=2026-12-21")
            #expect(response.object["open"] as? Bool == false)
            #expect((response.object["reasons"] as? [[String: Any]])?.first?["kind"] as? String == "regular_closed_day")
            let periods = response.object["periods"] as? [[String: Any]] ?? []
            #expect(periods.allSatisfy { $0["closed"] as? Int == 20 && $0["free"] as? Int == 0 })
        }
    }

    @Test func deskNoDeskFreeIs409() async throws {
        try await withTestServer { server in
            let client = server.client()
            for _ in 0..<20 {
                let id = try await server.register("freelancer", client: client)
                let booked = try await client.send("POST", "/desk-passes", body: deskBody("2026-11-26", "pm", registration: id),
                                                   token: server.adminToken)
                #expect(booked.status == 201)
            }
            let late = try await server.deskFreelancer(client: client)
            let response = try await client.send("POST", "/desk-passes", body: deskBody("2026-11-26", "pm"), token: late.token)
            #expect(response.status == 409)
            #expect(response.errorCode == "no_desk_free")
        }
    }

    @Test func deskNamedDeskTakenIs409() async throws {
        try await withTestServer { server in
            let client = server.client()
            let a = try await server.deskFreelancer(client: client), b = try await server.deskFreelancer(client: client)
            _ = try await client.send("POST", "/desk-passes", body: deskBody("2026-11-26", "am", desk: "desk-07"), token: a.token)
            let response = try await client.send("POST", "/desk-passes", body: deskBody("2026-11-26", "day", desk: "desk-07"), token: b.token)
            #expect(response.status == 409)
            #expect(response.errorCode == "desk_taken")
        }
    }

    @Test func deskWindowNotOpenIs409WithTheOpeningDate() async throws {
        try await withTestServer { server in
            let client = server.client()
            let holder = try await server.deskFreelancer(client: client)
            let response = try await client.send("POST", "/desk-passes", body: deskBody("2026-12-10", "am"), token: holder.token)
            #expect(response.status == 409)
            #expect(response.errorCode == "window_not_open")
            #expect((response.object["error"] as? [String: Any]).flatMap { $0["details"] as? [String: String] }?["opens"] == "2026-11-26")
        }
    }

    @Test func deskWindowClosedForAPastDateIs409() async throws {
        try await withTestServer { server in
            let client = server.client()
            let holder = try await server.deskFreelancer(client: client)
            let response = try await client.send("POST", "/desk-passes", body: deskBody("2026-11-20", "am"), token: holder.token)
            #expect(response.status == 409)
            #expect(response.errorCode == "window_closed")
        }
    }

    @Test func deskWeeklyLimitReachedIs409() async throws {
        try await withTestServer { server in
            let client = server.client()
            let holder = try await server.deskFreelancer(client: client)
            for date in ["2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04"] {
                #expect(try await client.send("POST", "/desk-passes", body: deskBody(date, "night"), token: holder.token).status == 201)
            }
            let response = try await client.send("POST", "/desk-passes", body: deskBody("2026-12-06", "am"), token: holder.token)
            #expect(response.status == 409)
            #expect(response.errorCode == "weekly_limit_reached")
        }
    }

    @Test func deskCenterClosedIs409WithTheReason() async throws {
        try await withTestServer { server in
            server.setClock("2026-12-10")
            let client = server.client()
            let holder = try await server.deskFreelancer(client: client)
            let response = try await client.send("POST", "/desk-passes", body: deskBody("2026-12-21", "am"), token: holder.token)
            #expect(response.status == 409)
            #expect(response.errorCode == "facility_closed")
            #expect((response.object["error"] as? [String: Any]).flatMap { $0["details"] as? [String: String] }?["reason"] == "regular_closed_day")
        }
    }

    @Test func deskExpiredRegistrationIs409() async throws {
        try await withTestServer { server in
            let client = server.client()
            let holder = try await server.deskFreelancer(validFrom: "2025-01-01", validUntil: "2026-11-24", client: client)
            let response = try await client.send("POST", "/desk-passes", body: deskBody("2026-11-26", "am"), token: holder.token)
            #expect(response.status == 409)
            #expect(response.errorCode == "registration_expired")
        }
    }

    @Test func deskSuspendedRegistrationIs409() async throws {
        try await withTestServer { server in
            let client = server.client()
            let holder = try await server.deskFreelancer(client: client)
            let patched = try await client.send("PATCH", "/registrations/\(holder.id)", body: #"{"suspended_until":"2026-12-31"}"#,
                                                token: server.adminToken)
            #expect(patched.status == 200)
            let response = try await client.send("POST", "/desk-passes", body: deskBody("2026-11-26", "am"), token: holder.token)
            #expect(response.status == 409)
            #expect(response.errorCode == "registration_suspended")
        }
    }

    @Test func deskNotAFreelancerIs409() async throws {
        try await withTestServer { server in
            let client = server.client()
            let id = try await server.register("general", client: client)
            let response = try await client.send("POST", "/desk-passes", body: deskBody("2026-11-26", "am", registration: id),
                                                 token: server.adminToken)
            #expect(response.status == 409)
            #expect(response.errorCode == "not_a_freelancer")
        }
    }

    @Test func deskOverlappingPassOfTheSamePersonIs409() async throws {
        try await withTestServer { server in
            let client = server.client()
            let holder = try await server.deskFreelancer(client: client)
            _ = try await client.send("POST", "/desk-passes", body: deskBody("2026-11-26", "day"), token: holder.token)
            let response = try await client.send("POST", "/desk-passes", body: deskBody("2026-11-26", "pm"), token: holder.token)
            #expect(response.status == 409)
            #expect(response.errorCode == "pass_overlaps")
        }
    }

    @Test func deskUnknownDeskIs404AndUnknownPeriodIs422() async throws {
        try await withTestServer { server in
            let client = server.client()
            let holder = try await server.deskFreelancer(client: client)
            let desk = try await client.send("POST", "/desk-passes", body: deskBody("2026-11-26", "am", desk: "desk-99"), token: holder.token)
            #expect(desk.status == 404)
            #expect(desk.errorCode == "desk_not_found")
            let period = try await client.send("POST", "/desk-passes", body: deskBody("2026-11-26", "lunch"), token: holder.token)
            #expect(period.status == 422)
            #expect(period.errorCode == "period_unknown")
        }
    }

    @Test func deskMemberBookingForAnotherRegistrationIs404() async throws {
        try await withTestServer { server in
            let client = server.client()
            let a = try await server.deskFreelancer(client: client), b = try await server.deskFreelancer(client: client)
            let response = try await client.send("POST", "/desk-passes", body: deskBody("2026-11-26", "am", registration: b.id),
                                                 token: a.token)
            #expect(response.status == 404)
            #expect(response.errorCode == "registration_not_found")
        }
    }

    @Test func deskIdempotencyKeyReplaysTheFirstResponse() async throws {
        try await withTestServer { server in
            let client = server.client()
            let holder = try await server.deskFreelancer(client: client)
            let first = try await client.send("POST", "/desk-passes", body: deskBody("2026-11-26", "am"), token: holder.token,
                                              headers: ["Idempotency-Key": "pass-1"])
            let again = try await client.send("POST", "/desk-passes", body: deskBody("2026-11-26", "am"), token: holder.token,
                                              headers: ["Idempotency-Key": "pass-1"])
            #expect(first.status == 201)
            #expect(again.status == 201)
            #expect(again.body == first.body)
            #expect(again.headers["idempotent-replayed"] == "true")
            let mine = try await client.send("GET", "/me/desk-passes", token: holder.token)
            #expect(mine.array.count == 1)
        }
    }
}

/// A `POST /desk-passes` body.
func deskBody(_ date: String, _ period: String, desk: String? = nil, registration: Int64? = nil) -> String {
    var body = #"{"date":"\#(date)","period":"\#(period)""#
    if let desk { body += #","desk":"\#(desk)""# }
    if let registration { body += #","registration":\#(registration)"# }
    return body + "}"
}

extension TestServer {
    /// Registers a freelancer through the API and mints its member token.
    func deskFreelancer(validFrom: String? = nil, validUntil: String? = nil,
                        client: TestClient) async throws -> (id: Int64, token: String) {
        let id = try await register("freelancer", validFrom: validFrom, validUntil: validUntil, client: client)
        let minted = try await client.send("POST", "/registrations/\(id)/tokens", token: adminToken)
        guard minted.status == 201, let token = minted.object["token"] as? String else {
            throw TestFailure("member token failed: \(minted.status) \(minted.text)")
        }
        return (id, token)
    }
}
