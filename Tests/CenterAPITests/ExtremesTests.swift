import CenterAPI
import Foundation
import Testing
import JSON

/// The whole-API extremes run against the real server on a loopback port:
/// every endpoint of `CenterAPI.endpoints` that takes a date, month, instant
/// or number (query, path or JSON body) gets the extremes of each (years 1,
/// 1899, 1900, 2200, 2201 and 9999; months 0, 1, 12, 13; days 0, 1, 28–32; 0,
/// -1, 2^63-1, 2^63, -2^63, 1e308, ""), and every answer is below 500 with
/// the service still serving. New endpoints are covered as they are added.
/// bench/extremes.sh runs the same against a separate `serve` process.
@Suite(.serialized) struct ExtremesTests {
    @Test func everyEndpointAnswersEveryExtremeBelow500AndKeepsServing() async throws {
        try await withTestServer(synchronousFull: false) { server in
        let (requests, member) = try await Self.prepare(server)
        #expect(requests.count > 3000, "the run covers the API: \(requests.count) requests")
        let client = server.client()
        var failures: [String] = []
        for request in requests {
            let token: String? = switch request.access {
            case .anyone: server.adminToken
            case .roles(let roles): roles.contains(.admin) ? server.adminToken : member
            }
            let response = try await client.send(request.method.rawValue, request.target, body: request.body, token: token)
            if response.status >= 500 {
                failures.append("\(response.status) \(request.method.rawValue) \(request.target) (\(request.what)): \(response.text.prefix(200))")
            }
        }
        #expect(failures.isEmpty, "\(failures.count) of \(requests.count) answered 5xx:\n\(failures.prefix(20).joined(separator: "\n"))")
        #expect(try await server.client().send("GET", "/health").status == 200)
        }
    }

    @Test func everyEndpointWithADateMonthOrNumberIsDriven() {
        let generator = ExtremeRequests(names: [:], paths: [:], date: "2026-12-01", month: "2026-12", instant: "2026-12-01T10:00:00+09:00")
        for endpoint in CenterAPI.endpoints {
            let takes = endpoint.path.contains("{") || endpoint.parameters.contains { generator.kind($0.schema) != nil }
                || !(endpoint.requestBody.map { generator.leaves($0) } ?? []).isEmpty
            #expect(!takes || !generator.requests(for: endpoint).isEmpty, "\(endpoint.method.rawValue) \(endpoint.path)")
        }
        let booking = CenterAPI.endpoints.first { $0.method == .POST && $0.path == "/bookings" }
        let varied = booking.map(generator.requests(for:))?.map(\.what) ?? []
        #expect(varied.contains("body date=\"0001-01-01\""))
        #expect(varied.contains("body attendees=9223372036854775808"))
    }

    /// Real objects for the ids (registrations, a booking, a desk pass, a
    /// lease, a storage item) and a member token, then the requests.
    static func prepare(_ server: TestServer) async throws -> ([ExtremeRequests.Request], String) {
        let client = server.client()
        let general = try await server.register("general", client: client)
        let spare = try await server.register("general", client: client)
        let freelancer = try await server.register("freelancer", client: client)
        let community = try await server.register("community_group", client: client)
        let member = try await server.token(.member, registrationID: general)
        var paths = ["/registrations/{id}": String(general), "/facilities/{id}": "meeting-room-1",
                     "/roadmap/items/{id}": server.service.roadmap.schedule.items.first?.id ?? "x"]
        func created(_ response: TestClient.Response) -> String? {
            (response.status == 201 ? response.object["id"] as? Int : nil).map(String.init)
        }
        for offset in 10..<40 {
            let date = server.service.today.adding(days: offset).description
            if let id = created(try await client.send("POST", "/bookings", body: bookingBody(date, registration: general), token: server.adminToken)) {
                paths["/bookings/{id}"] = id
                break
            }
        }
        for offset in 1..<30 {
            let date = server.service.today.adding(days: offset).description
            let body = #"{"date":"\#(date)","period":"am","registration":\#(freelancer)}"#
            if let id = created(try await client.send("POST", "/desk-passes", body: body, token: server.adminToken)) {
                paths["/desk-passes/{id}"] = id
                break
            }
        }
        paths["/locker-leases/{id}"] = created(try await client.send("POST", "/locker-leases", body: LockerBody.lease(general),
                                                                     token: server.adminToken))
        let application = #"{"registration":\#(community),"category":"community_group","name":"Festival","fiscal_year":2026,"units":1}"#
        if let allocation = created(try await client.send("POST", "/storage-allocations", body: application, token: server.adminToken)) {
            _ = try await client.send("POST", "/storage-allocations/allocate?fiscal_year=2026", body: "{}", token: server.adminToken)
            paths["/storage-items/{id}"] = created(try await client.send("POST", "/storage-items", body: #"{"allocation":\#(allocation),"name":"Tent"}"#,
                                                                         token: server.adminToken))
        }
        // Changing and renewing a registration must not suspend the one the bookings use.
        paths["PATCH /registrations/{id}"] = String(spare)
        paths["POST /registrations/{id}/renew"] = String(spare)
        let names: [String: JSONValue] = [
            "facility": "meeting-room-1", "facilities": ["meeting-room-1"], "divisions": ["am"], "period": "am",
            "registration": .int(Int(general)), "registration_id": .int(Int(general)), "fiscal_year": 2026, "year": 2026,
            "category": "general", "role": "staff", "corporate_number": "7000012050002", "attendees": 5, "days": 1,
            "months": 6, "units": 1, "quantity": 1, "step": 1, "limit": 10, "purpose": "extremes", "name": "extremes",
            "checked_on": "2026-11-25",
        ]
        let generator = ExtremeRequests(names: names, paths: paths, date: "2026-12-09", month: "2026-12",
                                        instant: "2026-11-26T10:00:00+09:00")
        return (generator.all(), member)
    }
}
