import HTTPServer
import Testing
@testable import CenterAPI

/// `/health`, `/openapi.json`, the error shape and authentication, through HTTP.
@Suite(.serialized) struct SystemEndpointTests {
    @Test func healthReportsTheDatabase() async throws {
        try await withTestServer { server in
            let response = try await server.client().send("GET", "/health")
            #expect(response.status == 200)
            #expect(response.object["database"] as? String == "ok")
            #expect(response.headers["x-request-id"]?.isEmpty == false)
            #expect(response.headers["date"] != nil)
        }
    }

    @Test func openAPIDocumentListsEveryRoute() async throws {
        try await withTestServer { server in
            let response = try await server.client().send("GET", "/openapi.json")
            #expect(response.status == 200)
            #expect(response.object["openapi"] as? String == "3.1.0")
            let paths = response.object["paths"] as? [String: Any] ?? [:]
            for endpoint in CenterAPI.endpoints {
                let operations = paths[endpoint.path] as? [String: Any]
                #expect(operations?[endpoint.method.rawValue.lowercased()] != nil, "\(endpoint.method) \(endpoint.path)")
            }
        }
    }

    @Test func unknownPathIsA404InTheErrorShape() async throws {
        try await withTestServer { server in
            let response = try await server.client().send("GET", "/no-such-thing")
            #expect(response.status == 404)
            #expect(response.errorCode == "not_found")
        }
    }

    @Test func wrongMethodIsA405WithAllow() async throws {
        try await withTestServer { server in
            let response = try await server.client().send("DELETE", "/health")
            #expect(response.status == 405)
            #expect(response.headers["allow"]?.contains("GET") == true)
            #expect(response.errorCode == "method_not_allowed")
        }
    }

    /// The server's own refusals reach API clients in the API's error
    /// shape, with the server's stable code (docs/API.md).
    @Test(arguments: [
        ("GET / HTTP/2.0\r\nHost: t\r\n\r\n", 505, "version_not_supported"),
        ("GET /health HTTP/1.1\r\n\r\n", 400, "bad_request"),
        ("BREW /health HTTP/1.1\r\nHost: t\r\n\r\n", 501, "not_implemented"),
        ("GET /health HTTP/1.1\r\nHost: t\r\nX: " + String(repeating: "v", count: 9000) + "\r\n\r\n", 431,
         "header_fields_too_large"),
    ])
    func aProtocolErrorIsAnsweredInTheErrorShape(raw: String, status: Int, code: String) async throws {
        try await withTestServer { server in
            let client = server.client()
            let response = try await client.sendRaw(raw)
            #expect(response.status == status)
            #expect(response.headers["content-type"] == "application/json")
            #expect(response.errorCode == code)
            #expect(response.errorMessage?.isEmpty == false)
            #expect(try await client.isClosedByServer())
        }
    }

    @Test func aDuplicateEndpointIsRefusedWhenTheRouterIsBuilt() async throws {
        try await withTestServer { server in
            let first = try #require(CenterAPI.endpoints.first)
            #expect(throws: RouteError.duplicate(method: first.method, pattern: first.path, existing: first.path)) {
                try CenterAPI.router(for: CenterAPI.endpoints + [first], service: server.service)
            }
        }
    }

    @Test func staffEndpointWithoutTokenIs401() async throws {
        try await withTestServer { server in
            let response = try await server.client().send("GET", "/audit")
            #expect(response.status == 401)
            #expect(response.errorCode == "unauthorized")
            #expect(response.headers["www-authenticate"] == "Bearer")
        }
    }

    @Test func badTokenIs401EvenOnPublicEndpoints() async throws {
        try await withTestServer { server in
            let response = try await server.client().send("GET", "/health", token: "nkc_wrong")
            #expect(response.status == 401)
            #expect(response.errorCode == "invalid_token")
        }
    }

    @Test func roleOutsideTheAllowedSetIs403() async throws {
        try await withTestServer { server in
            let staff = try await server.token(.staff)
            let response = try await server.client().send("GET", "/audit", token: staff)
            #expect(response.status == 403)
            #expect(response.errorCode == "forbidden")
        }
    }

    @Test func adminMintsATokenThatThenAuthenticates() async throws {
        try await withTestServer { server in
            let client = server.client()
            let minted = try await client.send("POST", "/tokens", body: #"{"role":"staff","name":"Front desk"}"#, token: server.adminToken)
            #expect(minted.status == 201)
            let secret = try #require(minted.object["token"] as? String)
            let me = try await client.send("GET", "/me", token: secret)
            #expect(me.status == 200)
            #expect(me.object["role"] as? String == "staff")
            #expect(me.object["name"] as? String == "Front desk")
        }
    }

    @Test func aMemberTokenForARegistrationThatDoesNotExistIsRefused() async throws {
        try await withTestServer { server in
            let client = server.client()
            let refused = try await client.send("POST", "/tokens", body: #"{"role":"member","name":"Ghost","registration_id":999}"#,
                                                token: server.adminToken)
            #expect(refused.status == 422)
            #expect(refused.errorCode == "unknown_registration")
        }
    }

    @Test func revokedTokenStopsWorking() async throws {
        try await withTestServer { server in
            let client = server.client()
            let minted = try await client.send("POST", "/tokens", body: #"{"role":"planner","name":"Planner"}"#, token: server.adminToken)
            let secret = try #require(minted.object["token"] as? String)
            let id = try #require((minted.object["record"] as? [String: Any])?["id"] as? Int)
            #expect(try await client.send("POST", "/tokens/\(id)/revoke", token: server.adminToken).status == 204)
            #expect(try await client.send("GET", "/me", token: secret).status == 401)
        }
    }

    @Test func malformedBodyIs422WithThePath() async throws {
        try await withTestServer { server in
            let response = try await server.client().send("POST", "/tokens", body: #"{"role":"staff"}"#, token: server.adminToken)
            #expect(response.status == 422)
            #expect(response.errorCode == "invalid_body")
            #expect((response.object["error"] as? [String: Any])?["details"] as? [String: String] == ["path": "$.name"])
        }
    }

    @Test func nonJSONBodyIs415() async throws {
        try await withTestServer { server in
            let response = try await server.client().send("POST", "/tokens", body: "role=staff", token: server.adminToken,
                                                    headers: ["Content-Type": "application/x-www-form-urlencoded"])
            #expect(response.status == 415)
        }
    }

    @Test(arguments: ["application/json", "Application/JSON; charset=utf-8", " application/json ;charset=UTF-8", "\tapplication/json"])
    func aJSONMediaTypeIsReadInAnyCaseWithParametersAndWhitespace(contentType: String) async throws {
        try await withTestServer { server in
            let response = try await server.client().send("POST", "/tokens", body: #"{"role":"staff","name":"Desk 3"}"#,
                                                           token: server.adminToken, headers: ["Content-Type": contentType])
            #expect(response.status == 201)
        }
    }

    @Test(arguments: ["application/jsonx", "application/json+x", "text/json", "application / json", "application/ json"])
    func anotherMediaTypeIs415(contentType: String) async throws {
        try await withTestServer { server in
            let response = try await server.client().send("POST", "/tokens", body: #"{"role":"staff","name":"Desk 4"}"#,
                                                           token: server.adminToken, headers: ["Content-Type": contentType])
            #expect(response.status == 415)
        }
    }

    @Test func auditLogRecordsTokenChangesWithActor() async throws {
        try await withTestServer { server in
            let client = server.client()
            _ = try await client.send("POST", "/tokens", body: #"{"role":"staff","name":"Desk 2"}"#, token: server.adminToken)
            let audit = try await client.send("GET", "/audit", token: server.adminToken)
            #expect(audit.status == 200)
            let actions = audit.array.compactMap { $0["action"] as? String }
            #expect(actions.filter { $0 == "token.create" }.count == 2)
            #expect(audit.array.last?["actor"] as? String == "admin:Test admin#1")
        }
    }
}
