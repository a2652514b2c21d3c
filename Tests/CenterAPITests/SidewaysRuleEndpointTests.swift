import CenterDomain
import Testing
@testable import CenterAPI

/// Rules that hold when approached sideways, through the real server
/// (today is 2026-11-25): the registration on every use date, a division
/// already over, a consecutive run split into requests, renewal, and a
/// locker lessee's corporate number.
@Suite(.serialized) struct SidewaysRuleEndpointTests {
    func details(_ response: TestClient.Response) -> [String: Any] {
        ((response.object["error"] as? [String: Any])?["details"] as? [String: Any]) ?? [:]
    }

    @Test func aBookingAfterTheRegistrationEndsIsRefusedWithTheDate() async throws {
        try await withTestServer { server in
            let registration = try await server.register("general", validFrom: "2026-01-01", validUntil: "2026-12-05")
            let response = try await server.client().send("POST", "/bookings", body: bookingBody("2026-12-10", registration: registration),
                                                          token: server.adminToken)
            #expect(response.status == 409)
            #expect(response.errorCode == "registration_expired")
            #expect(details(response)["date"] as? String == "2026-12-10")
            #expect(details(response)["valid_until"] as? String == "2026-12-05")
        }
    }

    @Test func aDeskPassAfterTheRegistrationEndsIsRefusedWithTheDate() async throws {
        try await withTestServer { server in
            let freelancer = try await server.register("freelancer", validFrom: "2026-01-01", validUntil: "2026-11-30")
            let response = try await server.client().send("POST", "/desk-passes",
                                                          body: #"{"date":"2026-12-01","period":"am","registration":\#(freelancer)}"#,
                                                          token: server.adminToken)
            #expect(response.status == 409)
            #expect(response.errorCode == "registration_expired")
            #expect(details(response)["date"] as? String == "2026-12-01")
        }
    }

    @Test func aDivisionThatHasEndedTodayIs409() async throws {
        try await withTestServer { server in
            let registration = try await server.register("general")
            server.setClock("2026-11-25", minute: 17 * 60 + 5)
            let client = server.client()
            let late = try await client.send("POST", "/bookings", body: bookingBody("2026-11-25", ["pm"], registration: registration),
                                             token: server.adminToken)
            #expect(late.status == 409)
            #expect(late.errorCode == "division_past")
            #expect(details(late)["ended_at"] as? String == "2026-11-25T17:00:00+09:00")
            let night = try await client.send("POST", "/bookings", body: bookingBody("2026-11-25", ["night"], registration: registration),
                                              token: server.adminToken)
            #expect(night.status == 201)
        }
    }

    @Test func aConsecutiveRunSplitIntoRequestsIs409() async throws {
        try await withTestServer { server in
            let registration = try await server.register("general")
            let client = server.client()
            for day in ["2026-12-01", "2026-12-02", "2026-12-03"] {
                let response = try await client.send("POST", "/bookings", body: bookingBody(day, registration: registration), token: server.adminToken)
                #expect(response.status == 201)
            }
            let fourth = try await client.send("POST", "/bookings", body: bookingBody("2026-12-04", ["pm"], registration: registration),
                                               token: server.adminToken)
            #expect(fourth.status == 409)
            #expect(fourth.errorCode == "consecutive_day_limit")
            #expect(details(fourth)["from"] as? String == "2026-12-01")
            #expect(details(fourth)["days"] as? String == "4")
        }
    }

    @Test func consecutiveDaysRequestedInParallelStillCountAsOneRun() async throws {
        try await withTestServer { server in
            let registration = try await server.register("general")
            let token = server.adminToken
            let port = server.port
            let outcomes = try await withThrowingTaskGroup(of: (Int, String?).self) { group in
                for day in ["2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04"] {
                    group.addTask {
                        let response = try await TestClient(port: port).send("POST", "/bookings",
                                                                             body: bookingBody(day, registration: registration), token: token)
                        return (response.status, response.errorCode)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(outcomes.filter { $0.0 == 201 }.count == 3)
            #expect(outcomes.filter { $0.0 != 201 }.map(\.1) == ["consecutive_day_limit"])
        }
    }

    @Test func renewalIssuesTwoYearsFromTodayOnceAndRefusesEarlyRenewal() async throws {
        try await withTestServer { server in
            let client = server.client()
            let due = try await server.register("general", validFrom: "2025-01-01", validUntil: "2026-12-31")
            let renewed = try await client.send("POST", "/registrations/\(due)/renew", token: server.adminToken)
            #expect(renewed.status == 200)
            #expect(renewed.object["valid_from"] as? String == "2026-11-25")
            #expect(renewed.object["valid_until"] as? String == "2028-11-24")
            let again = try await client.send("POST", "/registrations/\(due)/renew", token: server.adminToken)
            #expect(again.status == 200)
            #expect(again.text == renewed.text)

            let early = try await server.register("general", validFrom: "2026-01-01", validUntil: "2027-12-31")
            let refused = try await client.send("POST", "/registrations/\(early)/renew", token: server.adminToken)
            #expect(refused.status == 409)
            #expect(refused.errorCode == "renewal_not_open")
            #expect(details(refused)["opens"] as? String == "2027-11-01")
        }
    }

    @Test func aLeaseWhoseCorporateNumberIsNotTheRegistrationsIs422() async throws {
        try await withTestServer { server in
            let company = try await server.registration("株式会社中野", evidence: RegistrationEvidence(corporateNumber: LockerBody.number(1)))
            let client = server.client()
            let wrong = try await client.send("POST", "/locker-leases", body: LockerBody.lease(company, number: LockerBody.number(2)),
                                              token: server.adminToken)
            #expect(wrong.status == 422)
            #expect(wrong.errorCode == "corporate_number_mismatch")
            let right = try await client.send("POST", "/locker-leases", body: LockerBody.lease(company, number: LockerBody.number(1)),
                                              token: server.adminToken)
            #expect(right.status == 201)
        }
    }
}
