import Testing
@testable import CenterAPI
@testable import CenterService

/// Registrations through the real server: create with eligibility checks,
/// read (a member only its own), change, renew, member tokens, audit.
@Suite(.serialized) struct RegistrationEndpointTests {
    @Test func staffRegisterAGroupWithItsEvidence() async throws {
        try await withTestServer { server in
        let body = #"{"category":"community_group","name":"中野二丁目町会","contact":"03-1111-2222","in_ward":true,"evidence":{"member_count":12,"members_in_ward":9}}"#
        let response = try await server.client().send("POST", "/registrations", body: body, token: server.adminToken)
        #expect(response.status == 201)
        #expect(response.object["name"] as? String == "中野二丁目町会")
        #expect(response.object["valid_from"] as? String == "2026-11-25")
        #expect(response.object["valid_until"] as? String == "2028-11-24")
        #expect((response.object["evidence"] as? [String: Any])?["member_count"] as? Int == 12)
        }
    }

    @Test func ineligibleEvidenceIs422WithItsCode() async throws {
        try await withTestServer { server in
        let body = #"{"category":"community_group","name":"Small circle","in_ward":true,"evidence":{"member_count":6,"members_in_ward":2}}"#
        let response = try await server.client().send("POST", "/registrations", body: body, token: server.adminToken)
        #expect(response.status == 422)
        #expect(response.errorCode == "ward_share_too_low")
        }
    }

    @Test func membersMayNotRegisterAndStaffMay() async throws {
        try await withTestServer { server in
        let id = try await server.register("general")
        let member = try await server.token(.member, registrationID: id)
        let body = #"{"category":"general","name":"x","in_ward":true}"#
        #expect(try await server.client().send("POST", "/registrations", body: body, token: member).status == 403)
        let staff = try await server.token(.staff)
        #expect(try await server.client().send("POST", "/registrations", body: body, token: staff).status == 201)
        }
    }

    @Test func aMemberReadsItsOwnRegistrationOnly() async throws {
        try await withTestServer { server in
        let mine = try await server.register("general")
        let other = try await server.register("general")
        let member = try await server.token(.member, registrationID: mine)
        #expect(try await server.client().send("GET", "/registrations/\(mine)", token: member).status == 200)
        let foreign = try await server.client().send("GET", "/registrations/\(other)", token: member)
        #expect(foreign.status == 404)
        #expect(foreign.errorCode == "registration_not_found")
        }
    }

    @Test func patchChangesAndAuditsWhoDidIt() async throws {
        try await withTestServer { server in
        let id = try await server.register("general")
        let patched = try await server.client().send("PATCH", "/registrations/\(id)", body: #"{"contact":"090-0000-0000","in_ward":false}"#,
                                                     token: server.adminToken)
        #expect(patched.status == 200)
        #expect(patched.object["in_ward"] as? Bool == false)
        let audit = try await server.client().send("GET", "/audit", token: server.adminToken)
        let entry = audit.array.first { $0["action"] as? String == "registration.update" }
        #expect((entry?["actor"] as? String)?.hasPrefix("admin:") == true)
        #expect((entry?["before"] as? String)?.contains("0300000000") == true)
        #expect((entry?["after"] as? String)?.contains("09000000000") == true)
        }
    }

    @Test func renewIssuesTheCardAnewForTwoYearsFromToday() async throws {
        try await withTestServer { server in
        let id = try await server.register("general", validFrom: "2025-01-01", validUntil: "2026-12-31")
        let renewed = try await server.client().send("POST", "/registrations/\(id)/renew", token: server.adminToken)
        #expect(renewed.status == 200)
        #expect(renewed.object["valid_until"] as? String == "2028-11-24")
        }
    }

    @Test func aMintedMemberTokenActsForItsRegistration() async throws {
        try await withTestServer { server in
        let id = try await server.register("general")
        let minted = try await server.client().send("POST", "/registrations/\(id)/tokens", body: #"{"name":"Secretary"}"#,
                                                    token: server.adminToken)
        #expect(minted.status == 201)
        let token = try #require(minted.object["token"] as? String)
        let me = try await server.client().send("GET", "/me", token: token)
        #expect(me.object["role"] as? String == "member")
        #expect(me.object["registration_id"] as? Int == Int(id))
        #expect(try await server.client().send("POST", "/registrations/999/tokens", token: server.adminToken).status == 404)
        }
    }

    @Test func aRetriedRegistrationWithTheSameKeyCreatesOne() async throws {
        try await withTestServer { server in
        let body = #"{"category":"general","name":"Retry Ltd","in_ward":true}"#
        let client = server.client()
        let first = try await client.send("POST", "/registrations", body: body, token: server.adminToken, headers: ["Idempotency-Key": "reg-1"])
        let again = try await client.send("POST", "/registrations", body: body, token: server.adminToken, headers: ["Idempotency-Key": "reg-1"])
        #expect(first.status == 201)
        #expect(again.body == first.body)
        let count: Int = try await server.service.pool.read { db in try db.queryOne("SELECT count(*) AS n FROM registrations")!.get("n") }
        #expect(count == 1)
        }
    }
}
