import CenterDomain
import Foundation
import Testing
@testable import CenterService

/// `POST /registrations/{id}/signup-code` through the real server: staff
/// issue a member's one-time code (docs/API.md "Roles", "Sign-up codes"),
/// the code signs the member up, a retry issues a fresh code in place of
/// the first, and only staff may ask.
@Suite(.serialized) struct SignUpCodeEndpointTests {
    /// The sign-in of a service over the test server's store with few
    /// PBKDF2 rounds, which keep the debug build quick.
    private func signIn(_ server: TestServer) -> SignIn {
        var settings = server.service.settings
        settings.signIn = SignInSettings(behindTLS: false, anyIterations: 16)
        return CenterService(settings: settings, store: server.service.store, clock: server.service.clock).signIn
    }

    @Test func staffGetACodeValidForFourteenDays() async throws {
        try await withTestServer { server in
            let id = try await server.register("freelancer")
            let staff = try await server.token(.staff)
            let issued = try await server.client().send("POST", "/registrations/\(id)/signup-code", token: staff)
            #expect(issued.status == 201)
            let code = try #require(issued.object["code"] as? String)
            #expect(code.wholeMatch(of: /[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}/) != nil)
            #expect(issued.object["registration"] as? Int == Int(id))
            #expect(issued.object["expires_at"] as? String == "2026-12-09T10:00:00+09:00")
            #expect(issued.object.keys.contains("existing_login"))
            #expect(issued.object["existing_login"] is NSNull)
        }
    }

    @Test func theCodeSignsTheMemberUp() async throws {
        try await withTestServer { server in
            let id = try await server.register("freelancer")
            let issued = try await server.client().send("POST", "/registrations/\(id)/signup-code", token: server.adminToken)
            let code = try #require(issued.object["code"] as? String)
            let session = try await signIn(server).signUp(code: code, login: "hanako", password: "aoi-sora-no-shita-de",
                                                         address: "203.0.113.5")
            #expect(session.signedIn.registrationID == id)
            let again = try await server.client().send("POST", "/registrations/\(id)/signup-code", token: server.adminToken)
            #expect(again.object["existing_login"] as? String == "hanako")
        }
    }

    @Test func aRetryIssuesAFreshCodeAndTheFirstStopsWorking() async throws {
        try await withTestServer { server in
            let id = try await server.register("freelancer")
            let client = server.client()
            let first = try await client.send("POST", "/registrations/\(id)/signup-code", token: server.adminToken,
                                              headers: ["Idempotency-Key": "slip-1"])
            let retry = try await client.send("POST", "/registrations/\(id)/signup-code", token: server.adminToken,
                                              headers: ["Idempotency-Key": "slip-1"])
            #expect(retry.status == 201)
            #expect(retry.headers["idempotent-replayed"] == nil)
            let firstCode = try #require(first.object["code"] as? String)
            let retryCode = try #require(retry.object["code"] as? String)
            #expect(firstCode != retryCode)
            await #expect {
                try await signIn(server).signUp(code: firstCode, login: "hanako", password: "aoi-sora-no-shita-de", address: "203.0.113.5")
            } throws: { ($0 as? ServiceError<SignIn.SignUpRefusal>)?.refusal?.codeName == "invalid_signup_code" }
            _ = try await signIn(server).signUp(code: retryCode, login: "hanako", password: "aoi-sora-no-shita-de", address: "203.0.113.5")
        }
    }

    @Test func theIssueIsAuditedWithoutTheCode() async throws {
        try await withTestServer { server in
            let id = try await server.register("freelancer")
            let staff = try await server.token(.staff)
            let issued = try await server.client().send("POST", "/registrations/\(id)/signup-code", token: staff)
            let code = try #require(issued.object["code"] as? String)
            let audit = try await server.client().send("GET", "/audit", token: server.adminToken)
            let entry = try #require(audit.array.first { $0["action"] as? String == "signup_code.issue" })
            #expect(entry["entity_id"] as? String == String(id))
            #expect((entry["actor"] as? String)?.hasPrefix("staff:") == true)
            #expect(!audit.text.contains(code))
            #expect(!audit.text.contains(code.replacingOccurrences(of: "-", with: "")))
        }
    }

    @Test func onlyStaffIssueCodes() async throws {
        try await withTestServer { server in
            let id = try await server.register("freelancer")
            let member = try await server.token(.member, registrationID: id)
            let planner = try await server.token(.planner)
            let client = server.client()
            #expect(try await client.send("POST", "/registrations/\(id)/signup-code").status == 401)
            #expect(try await client.send("POST", "/registrations/\(id)/signup-code", token: member).status == 403)
            #expect(try await client.send("POST", "/registrations/\(id)/signup-code", token: planner).status == 403)
        }
    }

    @Test func anUnknownRegistrationIs404() async throws {
        try await withTestServer { server in
            let response = try await server.client().send("POST", "/registrations/999/signup-code", token: server.adminToken)
            #expect(response.status == 404)
            #expect(response.errorCode == "registration_not_found")
            let notAnID = try await server.client().send("POST", "/registrations/abc/signup-code", token: server.adminToken)
            #expect(notAnID.status == 404)
            #expect(notAnID.errorCode == "registration_not_found")
        }
    }

    @Test func anErasedRegistrationIs409() async throws {
        try await withTestServer { server in
            let id = try await server.register("freelancer")
            #expect(try await server.client().send("POST", "/registrations/\(id)/erase", token: server.adminToken).status == 200)
            let response = try await server.client().send("POST", "/registrations/\(id)/signup-code", token: server.adminToken)
            #expect(response.status == 409)
            #expect(response.errorCode == "registration_already_erased")
        }
    }

    @Test func aBodyIsRefused() async throws {
        try await withTestServer { server in
            let id = try await server.register("freelancer")
            let response = try await server.client().send("POST", "/registrations/\(id)/signup-code", body: #"{"days":30}"#,
                                                          token: server.adminToken)
            #expect(response.status == 422)
            #expect(response.errorCode == "unknown_field")
        }
    }
}
