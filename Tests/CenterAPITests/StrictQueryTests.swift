import HTTPServer
import JSON
import Testing
@testable import CenterAPI

/// Query parameters: only the ones an endpoint declares (and the OpenAPI
/// document lists), each at most once.
@Suite struct StrictQueryTests {
    private func request(_ endpoint: Endpoint, _ query: [(name: String, value: String)]) -> HTTPRequest {
        HTTPRequest(method: endpoint.method, target: endpoint.path, pathSegments: [], query: query)
    }

    private func refusal(_ endpoint: Endpoint, _ query: [(name: String, value: String)]) -> RequestError? {
        do {
            try endpoint.checkQuery(of: request(endpoint, query))
            return nil
        } catch {
            return error
        }
    }

    @Test func everyEndpointRefusesAParameterItDoesNotDeclare() {
        for endpoint in CenterAPI.endpoints {
            let error = refusal(endpoint, [("zzz_unknown", "1")])
            #expect(error?.code == .unknownParameter, "\(endpoint.method.rawValue) \(endpoint.path)")
            #expect(error?.details["parameter"] == "zzz_unknown")
            #expect(error?.details["accepted"] == (endpoint.parameters.isEmpty ? nil : endpoint.parameters.map(\.name).joined(separator: ", ")))
        }
    }

    @Test func everyEndpointAcceptsEachParameterItDeclares() {
        for endpoint in CenterAPI.endpoints {
            for parameter in endpoint.parameters {
                #expect(refusal(endpoint, [(parameter.name, "x")]) == nil, "\(endpoint.path)?\(parameter.name)")
            }
        }
    }

    @Test func aParameterGivenTwiceIsRefused() throws {
        let calendar = try #require(CenterAPI.endpoints.first { $0.path == "/calendar" })
        let error = refusal(calendar, [("from", "2026-12-01"), ("to", "2026-12-31"), ("from", "2027-01-01")])
        #expect(error?.code == .duplicateParameter)
        #expect(error?.details == ["parameter": "from"])
    }

    @Test func theRefusalListsWhatTheEndpointTakes() throws {
        let holidays = try #require(CenterAPI.endpoints.first { $0.path == "/holidays" })
        #expect(refusal(holidays, [("years", "2026")])?.message == #"GET /holidays has no query parameter "years"; it takes `year`"#)
    }

    @Test func everyEndpointDocumentsTheInputCodes() throws {
        let document = OpenAPIDocument.build(endpoints: CenterAPI.endpoints)
        for endpoint in CenterAPI.endpoints {
            let operation = document["paths"]?[endpoint.path]?[endpoint.method.rawValue.lowercased()]
            guard case .array(let codes)? = operation?["x-error-codes"] else {
                Issue.record("no x-error-codes for \(endpoint.path)")
                continue
            }
            #expect(codes.contains("unknown_parameter"))
            if endpoint.requestBody != nil {
                #expect(codes.contains("unknown_field") && codes.contains("duplicate_field") && codes.contains("invalid_json"))
            }
        }
    }
}

/// The same through the real server: the two cases that used to pass
/// silently are now refused and change nothing.
@Suite(.serialized) struct StrictQueryEndpointTests {
    @Test func aDryRunParameterOnPostBookingsIsRefusedAndBooksNothing() async throws {
        try await withTestServer { server in
        let registration = try await server.register("general")
        let client = server.client()
        let response = try await client.send("POST", "/bookings?dry_run=true", body: bookingBody("2026-12-10", registration: registration),
                                             token: server.adminToken)
        #expect(response.status == 422)
        #expect(response.errorCode == "unknown_parameter")
        #expect((response.object["error"] as? [String: Any])?["message_en"] as? String
            == #"POST /bookings has no query parameter "dry_run"; it takes none"#)
        let list = try await client.send("GET", "/bookings?from=2026-12-01&to=2026-12-31", token: server.adminToken)
        #expect(list.status == 200)
        #expect(list.array.isEmpty)
        }
    }

    @Test func aRepeatedRangeParameterIsRefused() async throws {
        try await withTestServer { server in
        let response = try await server.client().send("GET", "/calendar?from=2026-12-01&to=2026-12-31&to=2027-12-31")
        #expect(response.status == 422)
        #expect(response.errorCode == "duplicate_parameter")
        }
    }

    @Test func aReversedRangeSaysFromIsAfterTo() async throws {
        try await withTestServer { server in
        let client = server.client()
        for target in ["/calendar?from=2026-03-01&to=2026-02-01", "/availability?facility=meeting-room-1&from=2026-03-01&to=2026-02-01",
                       "/bookings?from=2026-03-01&to=2026-02-01", "/desk-passes?from=2026-03-01&to=2026-02-01",
                       "/reports/desk-occupancy?from=2026-03-01&to=2026-02-01", "/facilities/meeting-room-1/calendar.ics?from=2026-03-01&to=2026-02-01"] {
            let response = try await client.send("GET", target, token: server.adminToken)
            #expect(response.status == 422, "\(target)")
            #expect((response.object["error"] as? [String: Any])?["message_en"] as? String == "`from` (2026-03-01) is after `to` (2026-02-01)",
                    "\(target)")
        }
        }
    }

    @Test func aQueryDateOnNoSuchDaySaysSo() async throws {
        try await withTestServer { server in
        let response = try await server.client().send("GET", "/desks/availability?date=2026-02-30")
        #expect(response.status == 422)
        #expect((response.object["error"] as? [String: Any])?["message_en"] as? String
            == #"`date`: no such day: "2026-02-30" (2026-02 has 28 days)"#)
        }
    }

    @Test func aQueryIntegerOutOfRangeNamesTheRange() async throws {
        try await withTestServer { server in
        let response = try await server.client().send("GET", "/holidays?year=99999999999999999999")
        #expect(response.status == 422)
        #expect((response.object["error"] as? [String: Any])?["message_en"] as? String
            == #"`year` must be an integer between 1990 and 2099, got "99999999999999999999""#)
        }
    }

    @Test func aQueryValueIsEchoedAtMostAHundredCharacters() async throws {
        try await withTestServer { server in
        let response = try await server.client().send("GET", "/calendar?from=" + String(repeating: "9", count: 3000) + "&to=2026-01-01")
        let message = try #require((response.object["error"] as? [String: Any])?["message_en"] as? String)
        #expect(message.count < 160)
        }
    }

    @Test func aPercentEncodedJapaneseValueIsReadAsUTF8() async throws {
        try await withTestServer { server in
        let response = try await server.client().send("GET", "/facilities?kind=%E5%B1%B1%E7%94%B0")
        #expect(response.status == 422)
        #expect((response.object["error"] as? [String: Any])?["message_en"] as? String
            == "`kind` must be one of room, desk, locker, storage_bay, got \"山田\"")
        }
    }

    @Test func aJapaneseValueTypedAsItIsReadsAsItsPercentEncoding() async throws {
        try await withTestServer { server in
            let response = try await server.client().send("GET", "/facilities?kind=山田")
            #expect(response.status == 422)
            #expect((response.object["error"] as? [String: Any])?["message_en"] as? String
                == "`kind` must be one of room, desk, locker, storage_bay, got \"山田\"")
        }
    }

    @Test(arguments: ["/facilities?kind=%E5%B1", "/facilities?kind=%C0%AF", "/facilities?kind=%8ER%93c"])
    func aQueryThatIsNotUTF8IsInvalidEncoding(_ target: String) async throws {
        try await withTestServer { server in
        let response = try await server.client().send("GET", target)
        #expect(response.status == 400)
        #expect(response.errorCode == "invalid_encoding")
        }
    }

    @Test(arguments: ["/facilities?kind=%ZZ", "/facilities?kind=%", "/facilities?kind=%00"])
    func aMalformedPercentEscapeIs400(_ target: String) async throws {
        try await withTestServer { server in
        let response = try await server.client().send("GET", target)
        #expect(response.status == 400)
        }
    }

    @Test func theCSVFormatOfTheDeskReportIsAParameter() async throws {
        try await withTestServer { server in
        let response = try await server.client().send("GET", "/reports/desk-occupancy?from=2026-11-26&to=2026-11-26&format=csv",
                                                      token: server.adminToken)
        #expect(response.status == 200)
        #expect(response.headers["content-type"] == "text/csv; charset=utf-8")
        }
    }
}
