import CenterService
import Foundation
import HTTPServer
import Testing
@testable import CenterAPI

/// Personal data (issue 8): public endpoints never show names or contacts.
/// Every `.anyone` endpoint of `CenterAPI.endpoints` is called, bare and with
/// every documented query parameter filled, after names and contacts were
/// written into the database; none may appear in a public response. The list
/// is read from the endpoints, so it keeps holding as endpoints are added.
@Suite(.serialized) struct PersonalDataTests {
    /// Distinctive personal data: a person's name in Japanese and romaji, an
    /// e-mail address and a phone number, none of which occur in the
    /// configuration or the schedules.
    static let canaries = ["中野花子カナリア", "Hanako Canary-7QX", "hanako.canary@example.jp", "03-9999-7777"]

    static let publicEndpoints: [Endpoint] = CenterAPI.endpoints.filter { $0.access == .anyone }

    /// The target for `endpoint`: `{parameters}` filled with a harmless id,
    /// and, when `withQuery`, every documented query parameter given a value
    /// of its schema's kind.
    static func target(_ endpoint: Endpoint, withQuery: Bool) -> String {
        let path = endpoint.path.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            segment.hasPrefix("{") && segment.hasSuffix("}") ? "1" : String(segment)
        }.joined(separator: "/")
        guard withQuery, !endpoint.parameters.isEmpty else { return path }
        return path + "?" + endpoint.parameters.map { "\($0.name)=\(sampleValue($0.schema))" }.joined(separator: "&")
    }

    static func sampleValue(_ schema: JSONValue) -> String {
        if case .array(let values)? = schema["enum"], case .string(let first)? = values.first { return first }
        if case .string("date")? = schema["format"] { return "2026-12-01" }
        if case .string("date-time")? = schema["format"] { return "2026-12-01T00:00:00%2B09:00" }
        if case .string("integer")? = schema["type"] {
            var value = 2026
            if case .int(let maximum)? = schema["maximum"] { value = min(value, maximum) }
            if case .int(let minimum)? = schema["minimum"] { value = max(value, minimum) }
            return String(value)
        }
        return "1"
    }

    /// Writes the canaries wherever personal data can live today: token names
    /// of every role (a member's token names its registration).
    static func plantPersonalData(in server: TestServer) async throws {
        let client = server.client()
        for (index, role) in Role.allCases.enumerated() {
            let name = canaries[index % canaries.count] + " " + canaries[(index + 2) % canaries.count]
            let body = role == .member
                ? #"{"role":"member","name":"\#(name)","registration_id":1}"#
                : #"{"role":"\#(role.rawValue)","name":"\#(name)"}"#
            let response = try await client.send("POST", "/tokens", body: body, token: server.adminToken)
            #expect(response.status == 201, "planting \(role) failed: \(response.status)")
        }
    }

    @Test func thereArePublicEndpointsToCheck() {
        #expect(!Self.publicEndpoints.isEmpty)
    }

    @Test func publicEndpointsNeverShowNamesOrContacts() async throws {
        let server = try await TestServer()
        try await Self.plantPersonalData(in: server)
        // The canaries are really in the database: the admin's audit log shows them.
        let audit = try await server.client().send("GET", "/audit", token: server.adminToken)
        #expect(Self.canaries.allSatisfy { audit.text.contains($0) }, "the planted data must be readable by an admin")

        let client = server.client()
        for endpoint in Self.publicEndpoints {
            for withQuery in [false, true] {
                let target = Self.target(endpoint, withQuery: withQuery)
                let response = try await client.send(endpoint.method.rawValue, target)
                #expect(response.status < 500, "\(endpoint.method) \(target) answered \(response.status)")
                let headers = response.headers.map { "\($0.key): \($0.value)" }.joined(separator: "\n")
                for canary in Self.canaries {
                    #expect(!response.text.contains(canary), "\(endpoint.method) \(target) shows \(canary)")
                    #expect(!headers.contains(canary), "\(endpoint.method) \(target) headers show \(canary)")
                }
            }
        }
        await server.stop()
    }

    @Test func publicEndpointsShowNoNamesEvenToAnAuthenticatedCaller() async throws {
        let server = try await TestServer()
        try await Self.plantPersonalData(in: server)
        let staff = try await server.token(.staff)
        let client = server.client()
        for endpoint in Self.publicEndpoints {
            let target = Self.target(endpoint, withQuery: true)
            let response = try await client.send(endpoint.method.rawValue, target, token: staff)
            for canary in Self.canaries {
                #expect(!response.text.contains(canary), "\(endpoint.method) \(target) shows \(canary) to staff")
            }
        }
        await server.stop()
    }
}
