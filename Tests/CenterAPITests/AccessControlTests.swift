import CenterService
import Foundation
import HTTPServer
import Testing
@testable import CenterAPI

/// Who may call what (docs/API.md "Roles"), table-driven over `CenterAPI.endpoints`
/// so that every endpoint added later is checked without touching this file:
/// each is called with no token, a bad token and a token of every role, and
/// the outcome must be exactly what its `access` says.
@Suite(.serialized) struct AccessControlTests {
    /// One route of the table, named for the test report.
    struct Route: Sendable, CustomStringConvertible {
        let method: HTTPMethod
        let path: String
        let access: Access
        let hasBody: Bool

        var description: String { "\(method.rawValue) \(path)" }

        /// The path with every `{parameter}` filled with a value that names
        /// nothing, so an allowed call ends in 404 or 422, never in a change.
        var target: String {
            path.split(separator: "/", omittingEmptySubsequences: false).map { segment in
                segment.hasPrefix("{") && segment.hasSuffix("}") ? "999999" : String(segment)
            }.joined(separator: "/")
        }

        func allows(_ role: Role) -> Bool {
            switch access {
            case .anyone: true
            case .roles(let roles): roles.contains(role)
            }
        }
    }

    enum Caller: Sendable, CustomStringConvertible {
        case anonymous
        case badToken
        case role(Role)

        var description: String {
            switch self {
            case .anonymous: "no token"
            case .badToken: "a bad token"
            case .role(let role): "a \(role.rawValue) token"
            }
        }

        static let all: [Caller] = [.anonymous, .badToken] + Role.allCases.map { .role($0) }
    }

    static let routes: [Route] = CenterAPI.endpoints.map {
        Route(method: $0.method, path: $0.path, access: $0.access, hasBody: $0.requestBody != nil)
    }

    /// Calls `route` as `caller` and returns the status.
    static func call(_ route: Route, as caller: Caller, server: TestServer, tokens: [Role: String]) async throws -> Int {
        let token: String? = switch caller {
        case .anonymous: nil
        case .badToken: "nkc_" + String(repeating: "0", count: 43)
        case .role(let role): tokens[role]
        }
        let body: String? = route.hasBody || route.method == .POST || route.method == .PATCH ? "{}" : nil
        return try await server.client().send(route.method.rawValue, route.target, body: body, token: token).status
    }

    static func tokens(for server: TestServer) async throws -> [Role: String] {
        var tokens: [Role: String] = [.admin: server.adminToken]
        // A member token names a registration that exists.
        let registration = try await server.register("general")
        for role in Role.allCases where role != .admin {
            tokens[role] = try await server.token(role, registrationID: role == .member ? registration : nil)
        }
        return tokens
    }

    @Test(arguments: routes)
    func everyCallerGetsExactlyWhatTheEndpointAllows(_ route: Route) async throws {
        try await withTestServer { server in
            let tokens = try await Self.tokens(for: server)
            for caller in Caller.all {
                let status = try await Self.call(route, as: caller, server: server, tokens: tokens)
                #expect(status < 500, "\(route) with \(caller) answered \(status)")
                switch (caller, route.access) {
                case (.badToken, _):
                    #expect(status == 401, "\(route) with \(caller) must be 401, was \(status)")
                case (.anonymous, .anyone):
                    #expect(status != 401 && status != 403, "\(route) is public, was \(status) with \(caller)")
                case (.anonymous, .roles):
                    #expect(status == 401, "\(route) needs a token, was \(status) with \(caller)")
                case (.role(let role), _) where route.allows(role):
                    #expect(status != 401 && status != 403, "\(route) allows \(role), was \(status)")
                case (.role, _):
                    #expect(status == 403, "\(route) refuses \(caller), was \(status)")
                }
            }
        }
    }

    @Test func tableCoversEveryEndpointAndEveryRole() {
        #expect(Self.routes.count == CenterAPI.endpoints.count)
        #expect(Set(Self.routes.map(\.description)).count == Self.routes.count, "each route is listed once")
        #expect(Caller.all.count == 2 + Role.allCases.count)
    }

    @Test func revokedTokenIsRefusedOnEveryEndpointItWasAllowed() async throws {
        try await withTestServer { server in
            let client = server.client()
            let staff = try await server.token(.staff)
            let me = try await client.send("GET", "/me", token: staff)
            let id = try #require(me.object["token_id"] as? Int)
            #expect(try await client.send("POST", "/tokens/\(id)/revoke", token: server.adminToken).status == 204)
            for route in Self.routes where route.allows(.staff) {
                let status = try await Self.call(route, as: .role(.staff), server: server, tokens: [.staff: staff])
                #expect(status == 401, "\(route) after revocation was \(status)")
            }
        }
    }

    @Test func tokenExpiresThroughHTTPAtItsExpiry() async throws {
        try await withTestServer { server in
            let client = server.client()
            let expiry = server.clock.now().adding(seconds: 3600)
            let minted = try await client.send("POST", "/tokens", body: """
                {"role":"planner","name":"Temporary planner","expires_at":"\(expiry.rfc3339)"}
                """, token: server.adminToken)
            #expect(minted.status == 201)
            let secret = try #require(minted.object["token"] as? String)
            server.clock.advance(seconds: 3599)
            #expect(try await client.send("GET", "/me", token: secret).status == 200)
            server.clock.advance(seconds: 1)
            let expired = try await client.send("GET", "/me", token: secret)
            #expect(expired.status == 401)
            #expect(expired.errorCode == "invalid_token")
        }
    }

    @Test func expiryInThePastIsRefused() async throws {
        try await withTestServer { server in
            let past = server.clock.now().adding(seconds: -1)
            let response = try await server.client().send("POST", "/tokens", body: """
                {"role":"staff","name":"Too late","expires_at":"\(past.rfc3339)"}
                """, token: server.adminToken)
            #expect(response.status == 422)
            #expect(response.errorCode == "invalid_expiry")
        }
    }

    @Test func malformedAuthorizationHeadersAreAll401() async throws {
        try await withTestServer { server in
            let headers = ["Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "bearer" + String(repeating: "x", count: 10),
                           "Bearer " + String(repeating: "a", count: 300), "Token \(server.adminToken)",
                           "Bearer \(server.adminToken)x", "Bearer \(server.adminToken.dropLast())"]
            for header in headers {
                let status = try await server.client().send("GET", "/me", headers: ["Authorization": header]).status
                #expect(status == 401, "Authorization: \(header.prefix(40)) was \(status)")
            }
        }
    }

    /// The audit log is read-only through the API: every path under /audit
    /// answers any method but GET (and HEAD) with 405, whoever asks, and
    /// the log is unchanged afterwards. The schema triggers that refuse
    /// UPDATE and DELETE are tested in TokenStoreTests.
    @Test func auditLogCannotBeChangedThroughTheAPI() async throws {
        try await withTestServer { server in
            let client = server.client()
            let before = try await client.send("GET", "/audit", token: server.adminToken)
            #expect(before.status == 200)
            let auditRoutes = Self.routes.filter { $0.path == "/audit" || $0.path.hasPrefix("/audit/") }
            #expect(auditRoutes.map(\.description) == ["GET /audit"], "only GET is routed under /audit")
            for route in auditRoutes {
                for method in HTTPMethod.allCases where method != .GET && method != .HEAD {
                    for token in [nil, server.adminToken] {
                        let response = try await server.client().send(method.rawValue, route.target,
                                                                       body: method == .POST || method == .PATCH || method == .PUT ? "{}" : nil,
                                                                       token: token)
                        #expect(response.status == 405, "\(method) \(route.path) was \(response.status)")
                        #expect(response.headers["allow"] == "GET, HEAD")
                    }
                }
            }
            let after = try await client.send("GET", "/audit", token: server.adminToken)
            #expect(after.text == before.text, "the audit log is unchanged")
        }
    }

    /// Members see and change only their own registration's data (docs/API.md
    /// "Roles"): changing the id in the path gets another registration's
    /// data neither shown nor touched. Runs where the endpoints exist.
    @Test(.enabled(if: PlantedData.canPlantRegistrations && PlantedData.has("GET", "/registrations/{id}")))
    func memberCannotReadAnotherRegistrationByChangingTheID() async throws {
        try await withTestServer { server in
            let planted = try await PlantedData.plant(in: server)
            try #require(planted.registrations.count == 2)
            let (own, other) = (planted.registrations[0], planted.registrations[1])
            let member = try await server.token(.member, registrationID: Int64(own))
            let client = server.client()
            #expect(try await client.send("GET", "/registrations/\(own)", token: member).status == 200)
            let response = try await client.send("GET", "/registrations/\(other)", token: member)
            #expect(response.status == 403 || response.status == 404, "another registration was \(response.status)")
            #expect(!response.text.contains(PlantedData.canaries[1]) && !response.text.contains(PlantedData.canaries[3]))
        }
    }

    @Test(.enabled(if: PlantedData.canPlantRegistrations && PlantedData.has("GET", "/bookings/{id}")))
    func memberCannotSeeOrTouchAnotherRegistrationsBooking() async throws {
        try await withTestServer { server in
            let planted = try await PlantedData.plant(in: server)
            try #require(planted.bookings.count == 2, "bookings could not be planted on \(planted.date ?? "?")")
            let member = try await server.token(.member, registrationID: Int64(planted.registrations[0]))
            let (own, other) = (planted.bookings[0], planted.bookings[1])
            let client = server.client()
            #expect(try await client.send("GET", "/bookings/\(own)", token: member).status == 200)
            let read = try await client.send("GET", "/bookings/\(other)", token: member)
            #expect(read.status == 403 || read.status == 404, "reading another's booking was \(read.status)")
            let before = try await client.send("GET", "/bookings/\(other)", token: server.adminToken)
            for action in ["cancel", "payment", "check-in"] where PlantedData.has("POST", "/bookings/{id}/\(action)") {
                let response = try await client.send("POST", "/bookings/\(other)/\(action)", body: "{}", token: member)
                #expect(response.status == 403 || response.status == 404, "\(action) of another's booking was \(response.status)")
            }
            let after = try await client.send("GET", "/bookings/\(other)", token: server.adminToken)
            #expect(after.object["state"] as? String == before.object["state"] as? String, "the other booking is unchanged")
            if PlantedData.has("GET", "/bookings") {
                let list = try await client.send("GET", "/bookings?registration=\(planted.registrations[1])", token: member)
                #expect(list.status >= 400 || !list.array.contains { $0["id"] as? Int == other },
                        "listing by another registration showed its booking")
            }
            if PlantedData.has("POST", "/bookings"), let facility = planted.facility, let date = planted.date {
                let response = try await client.send("POST", "/bookings", body: """
                    {"facility":"\(facility)","date":"\(date)","divisions":["night"],"registration":\(planted.registrations[1]),\
                    "purpose":"Not mine","attendees":5,"admission_charged":0,"commercial":false}
                    """, token: member)
                #expect(response.status == 403 || response.status == 404 || response.status == 422,
                        "booking for another registration was \(response.status)")
            }
        }
    }

    @Test func memberTokenCarriesItsOwnRegistration() async throws {
        try await withTestServer { server in
            let registration = try await server.register("general")
            let member = try await server.token(.member, registrationID: registration)
            let me = try await server.client().send("GET", "/me", token: member)
            #expect(me.status == 200)
            #expect(me.object["registration_id"] as? Int == Int(registration))
            #expect(me.object["role"] as? String == "member")
        }
    }
}
