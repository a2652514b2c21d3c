import JSON
import Testing
@testable import CenterAPI

/// Request bodies through the real server: a field the endpoint does not
/// take, a field given twice and text that is not JSON are refused, and
/// nothing is stored.
@Suite(.serialized) struct StrictBodyEndpointTests {
    /// Every endpoint with a body, its path parameters filled in with 1.
    static let bodyEndpoints = CenterAPI.endpoints.filter { $0.requestBody != nil }

    static func target(_ endpoint: Endpoint) -> String {
        endpoint.path.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("{") && $0.hasSuffix("}") ? "1" : String($0) }.joined(separator: "/")
    }

    private func error(_ response: TestClient.Response) -> [String: Any] { response.object["error"] as? [String: Any] ?? [:] }

    @Test func aRepeatFieldOnPostBookingsIsRefusedAndBooksNothing() async throws {
        try await withTestServer { server in
            let registration = try await server.register("general")
            let client = server.client()
            let body = String(bookingBody("2026-12-10", registration: registration).dropLast()) + #","repeat":"weekly"}"#
            let response = try await client.send("POST", "/bookings", body: body, token: server.adminToken)
            #expect(response.status == 422)
            #expect(response.errorCode == "unknown_field")
            #expect(error(response)["message_en"] as? String == "$.repeat: there is no field `repeat` here")
            #expect(error(response)["details"] as? [String: String] == ["path": "$.repeat"])
            #expect(try await client.send("GET", "/bookings?from=2026-12-01&to=2026-12-31", token: server.adminToken).array.isEmpty)
        }
    }

    @Test func everyEndpointWithABodyRefusesAnUnknownField() async throws {
        try await withTestServer { server in
            let client = server.client()
            for endpoint in Self.bodyEndpoints {
                let response = try await client.send(endpoint.method.rawValue, Self.target(endpoint), body: #"{"zzz_unknown":1}"#,
                                                     token: server.adminToken)
                #expect(response.status == 422, "\(endpoint.method.rawValue) \(endpoint.path)")
                #expect(response.errorCode == "unknown_field", "\(endpoint.method.rawValue) \(endpoint.path): \(response.text)")
            }
        }
    }

    @Test func anEndpointWithoutABodyTakesNoFields() async throws {
        try await withTestServer { server in
            let registration = try await server.register("general")
            let client = server.client()
            let booking = try await client.send("POST", "/bookings", body: bookingBody("2026-12-10", registration: registration),
                                                token: server.adminToken)
            let id = try #require(booking.object["id"] as? Int)
            let refused = try await client.send("POST", "/bookings/\(id)/payment", body: #"{"amount":5000}"#, token: server.adminToken)
            #expect(refused.status == 422)
            #expect(refused.errorCode == "unknown_field")
            #expect(try await client.send("GET", "/bookings/\(id)", token: server.adminToken).object["state"] as? String == "provisional")
            #expect(try await client.send("POST", "/bookings/\(id)/payment", body: "{}", token: server.adminToken).status == 200)
        }
    }

    @Test func anUnknownFieldInsideANestedObjectIsNamedByItsPath() async throws {
        try await withTestServer { server in
            let body = #"{"category":"general","name":"山田","in_ward":true,"evidence":{"member_cont":3}}"#
            let response = try await server.client().send("POST", "/registrations", body: body, token: server.adminToken)
            #expect(response.errorCode == "unknown_field")
            #expect(error(response)["details"] as? [String: String] == ["path": "$.evidence.member_cont"])
        }
    }

    @Test func everyDocumentedFieldIsAFieldOfItsEndpoint() async throws {
        try await withTestServer { server in
            let client = server.client()
            let document = OpenAPIDocument.build(endpoints: CenterAPI.endpoints)
            for endpoint in Self.bodyEndpoints {
                var schema = endpoint.requestBody
                if case .string(let ref)? = schema?["$ref"] {
                    schema = document["components"]?["schemas"]?[String(ref.split(separator: "/").last ?? "")]
                }
                guard case .object(let properties)? = schema?["properties"] else {
                    Issue.record("no properties for \(endpoint.path)")
                    continue
                }
                for (name, _) in properties {
                    let response = try await client.send(endpoint.method.rawValue, Self.target(endpoint), body: #"{"\#(name)":null}"#,
                                                         token: server.adminToken)
                    #expect(error(response)["details"] as? [String: String] != ["path": "$.\(name)"] || response.errorCode != "unknown_field",
                            "\(endpoint.path) documents \(name) but does not take it")
                }
            }
        }
    }

    @Test func aFieldGivenTwiceIs400() async throws {
        try await withTestServer { server in
            let registration = try await server.register("general")
            let body = String(bookingBody("2026-12-10", registration: registration).dropLast()) + #","attendees":500}"#
            let response = try await server.client().send("POST", "/bookings", body: body, token: server.adminToken)
            #expect(response.status == 400)
            #expect(response.errorCode == "duplicate_field")
            #expect(error(response)["message_en"] as? String == "$.attendees: the field `attendees` appears more than once")
        }
    }

    @Test func aBodyThatIsNotJSONIs400() async throws {
        try await withTestServer { server in
            let response = try await server.client().send("POST", "/tokens", body: #"{"role":"staff","name":"Desk",}"#,
                                                          token: server.adminToken)
            #expect(response.status == 400)
            #expect(response.errorCode == "invalid_json")
            #expect(error(response)["message_en"] as? String
                == "$: the document is not valid JSON: expected a field name in quotes, found '}' (line 1, column 31)")
        }
    }
}

/// The roadmap's own date types say what is wrong the same way.
@Suite(.serialized) struct RoadmapInputEndpointTests {
    @Test func aRoadmapDateOnNoSuchDaySaysSo() async throws {
        try await withTestServer { server in
            let item = try #require(server.service.roadmap.schedule.items.first?.id)
            let response = try await server.client().send("PATCH", "/roadmap/items/\(item)?dry_run=true", body: #"{"actual_start":"2026-02-30"}"#,
                                                          token: server.adminToken)
            #expect(response.status == 422)
            #expect((response.object["error"] as? [String: Any])?["message_en"] as? String == #"$.actual_start: no such day: "2026-02-30" (2026-02 has 28 days)"#)
        }
    }

    @Test func aRoadmapClosureNoteBeyondItsCapIs422() async throws {
        try await withTestServer { server in
            let item = try #require(server.service.roadmap.schedule.items.first?.id)
            let note = String(repeating: "工", count: 501)
            let body = #"{"closures":[{"facilities":["gym"],"from":"2027-01-04","to":"2027-01-05","note":"\#(note)"}]}"#
            let response = try await server.client().send("PATCH", "/roadmap/items/\(item)?dry_run=true", body: body, token: server.adminToken)
            #expect(response.status == 422)
            #expect((response.object["error"] as? [String: Any])?["message_en"] as? String
                == "$.closures[0].note: is at most 500 characters; this one has 501")
        }
    }
}
