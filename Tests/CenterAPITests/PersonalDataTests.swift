import CenterDomain
import CenterService
import Foundation
import HTTPServer
import Testing
@testable import CenterAPI

/// Personal data: public endpoints never show names or contacts.
/// Every `.anyone` endpoint of `CenterAPI.endpoints` is called, bare and with
/// every documented query parameter filled, after names and contacts were
/// written into the database; none may appear in a public response. The list
/// is read from the endpoints, so it keeps holding as endpoints are added.
@Suite(.serialized) struct PersonalDataTests {
    static let canaries = PlantedData.canaries

    static let publicEndpoints: [Endpoint] = CenterAPI.endpoints.filter { $0.access == .anyone }

    /// The target for `endpoint`: `{parameters}` filled (a facility path with
    /// the planted booking's facility), and, when `withQuery`, every
    /// documented query parameter given a value of its kind — the planted
    /// booking's facility and date where they fit, so that public views of
    /// that day are the ones read.
    static func target(_ endpoint: Endpoint, withQuery: Bool, planted: PlantedData) -> String {
        let path = endpoint.path.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            guard segment.hasPrefix("{") && segment.hasSuffix("}") else { return String(segment) }
            return endpoint.path.hasPrefix("/facilities/") ? planted.facility ?? "1" : "1"
        }.joined(separator: "/")
        guard withQuery, !endpoint.parameters.isEmpty else { return path }
        return path + "?" + endpoint.parameters.map { "\($0.name)=\(sampleValue($0, planted: planted))" }.joined(separator: "&")
    }

    static func sampleValue(_ parameter: QueryParameter, planted: PlantedData) -> String {
        let schema = parameter.schema
        if parameter.name == "facility", let facility = planted.facility { return facility }
        if case .array(let values)? = schema["enum"], case .string(let first)? = values.first { return first }
        if case .string("date")? = schema["format"] { return planted.date ?? "2026-12-01" }
        if case .string("date-time")? = schema["format"] { return "2026-12-01T00:00:00%2B09:00" }
        if case .string("integer")? = schema["type"] {
            var value = 2026
            if case .int(let maximum)? = schema["maximum"] { value = min(value, maximum) }
            if case .int(let minimum)? = schema["minimum"] { value = max(value, minimum) }
            return String(value)
        }
        return "1"
    }

    /// Where the endpoints to plant them exist, registrations and bookings
    /// must really have been planted: a test that silently planted nothing
    /// would prove nothing.
    static func expectPlanted(_ planted: PlantedData) {
        if PlantedData.canPlantRegistrations {
            #expect(planted.registrations.count == 2, "registrations with names and contacts were planted")
        }
        if PlantedData.canPlantRegistrations && PlantedData.has("POST", "/bookings") {
            #expect(planted.bookings.count == 2, "bookings of the planted registrations were made on \(planted.date ?? "?")")
        }
    }

    @Test func thereArePublicEndpointsToCheck() {
        #expect(!Self.publicEndpoints.isEmpty)
    }

    @Test func publicEndpointsNeverShowNamesOrContacts() async throws {
        try await withTestServer { server in
            let planted = try await PlantedData.plant(in: server)
            Self.expectPlanted(planted)
            // The canaries are really in the database: the admin's audit log shows them.
            let audit = try await server.client().send("GET", "/audit", token: server.adminToken)
            #expect(Self.canaries.allSatisfy { audit.text.contains($0) }, "the planted data must be readable by an admin")

            let client = server.client()
            for endpoint in Self.publicEndpoints {
                for withQuery in [false, true] {
                    let target = Self.target(endpoint, withQuery: withQuery, planted: planted)
                    let response = try await client.send(endpoint.method.rawValue, target)
                    #expect(response.status < 500, "\(endpoint.method) \(target) answered \(response.status)")
                    let headers = response.headers.map { "\($0.key): \($0.value)" }.joined(separator: "\n")
                    for canary in Self.canaries {
                        #expect(!response.text.contains(canary), "\(endpoint.method) \(target) shows \(canary)")
                        #expect(!headers.contains(canary), "\(endpoint.method) \(target) headers show \(canary)")
                    }
                }
            }
        }
    }

    @Test func publicEndpointsShowNoNamesEvenToAnAuthenticatedCaller() async throws {
        try await withTestServer { server in
            let planted = try await PlantedData.plant(in: server)
            let staff = try await server.token(.staff)
            let client = server.client()
            for endpoint in Self.publicEndpoints {
                let target = Self.target(endpoint, withQuery: true, planted: planted)
                let response = try await client.send(endpoint.method.rawValue, target, token: staff)
                for canary in Self.canaries {
                    #expect(!response.text.contains(canary), "\(endpoint.method) \(target) shows \(canary) to staff")
                }
            }
        }
    }
}

/// Personal data planted through the API for the access-control and
/// personal-data tests: tokens with people's names always, and — where the
/// endpoints exist (they are looked up in `CenterAPI.endpoints`, so these
/// tests grow with the API) — two registrations with names and contacts and a
/// booking of each. What could not be planted is nil.
struct PlantedData {
    /// Distinctive personal data: names in Japanese and romaji, an e-mail
    /// address and a phone number (in the digits-only form the service
    /// stores it in), none of which occur in the configuration or the schedules.
    static let canaries = ["中野花子カナリア", "Hanako Canary-7QX", "hanako.canary@example.jp", "0399997777"]

    var registrations: [Int] = []
    var bookings: [Int] = []
    var facility: String?
    var date: String?

    static func has(_ method: String, _ path: String) -> Bool {
        CenterAPI.endpoints.contains { $0.method.rawValue == method && $0.path == path }
    }

    static var canPlantRegistrations: Bool { has("POST", "/registrations") }

    /// A date two weeks after the test clock's today, inside the booking window.
    static func bookingDate(_ server: TestServer) -> String {
        let today = server.clock.now().adding(seconds: 15 * 86_400).rfc3339
        return String(today.prefix(10))
    }

    static func plant(in server: TestServer) async throws -> PlantedData {
        var planted = PlantedData()
        let client = server.client()
        if canPlantRegistrations {
            let people = [(canaries[0], canaries[2]), (canaries[1], canaries[3])]
            for (name, contact) in people {
                let response = try await client.send("POST", "/registrations", body: """
                    {"category":"general","name":"\(name)","contact":"\(contact)","in_ward":true}
                    """, token: server.adminToken)
                if response.status == 201, let id = response.object["id"] as? Int { planted.registrations.append(id) }
            }
        }
        // A member token names a registration that exists (the first planted, or one made for it).
        let member: Int64
        if let first = planted.registrations.first { member = Int64(first) } else { member = try await server.register("general") }
        for (index, role) in Role.allCases.enumerated() {
            let name = canaries[index % canaries.count] + " " + canaries[(index + 2) % canaries.count]
            let registration = role == .member ? #","registration_id":\#(member)"# : ""
            let response = try await client.send("POST", "/tokens", body: #"{"role":"\#(role.rawValue)","name":"\#(name)"\#(registration)}"#,
                                                 token: server.adminToken)
            precondition(response.status == 201, "planting a \(role) token failed: \(response.status)")
        }
        if has("POST", "/bookings"), has("GET", "/facilities") {
            let facilities = try await client.send("GET", "/facilities").array
            planted.facility = facilities.first { $0["kind"] as? String == "room" && $0["bookable"] as? Bool != false }?["id"] as? String
            planted.date = bookingDate(server)
            for (index, registration) in planted.registrations.enumerated() {
                guard let facility = planted.facility, let date = planted.date else { break }
                let division = ["am", "pm"][index % 2]
                let response = try await client.send("POST", "/bookings", body: """
                    {"facility":"\(facility)","date":"\(date)","divisions":["\(division)"],"registration":\(registration),\
                    "purpose":"Meeting of \(canaries[index])","attendees":5,"admission_charged":0,"commercial":false}
                    """, token: server.adminToken)
                if response.status == 201, let id = response.object["id"] as? Int { planted.bookings.append(id) }
            }
        }
        return planted
    }
}
