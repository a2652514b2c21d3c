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
            #expect(error?.code == "unknown_parameter", "\(endpoint.method.rawValue) \(endpoint.path)")
            #expect(error?.details == ["parameter": "zzz_unknown"])
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
        #expect(error?.code == "duplicate_parameter")
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
        let server = try await TestServer()
        let registration = try await server.register("general")
        let client = server.client()
        let response = try await client.send("POST", "/bookings?dry_run=true", body: bookingBody("2026-12-10", registration: registration),
                                             token: server.adminToken)
        #expect(response.status == 422)
        #expect(response.errorCode == "unknown_parameter")
        #expect((response.object["error"] as? [String: Any])?["message"] as? String
            == #"POST /bookings has no query parameter "dry_run"; it takes none"#)
        let list = try await client.send("GET", "/bookings?from=2026-12-01&to=2026-12-31", token: server.adminToken)
        #expect(list.status == 200)
        #expect(list.array.isEmpty)
        await server.stop()
    }

    @Test func aRepeatedRangeParameterIsRefused() async throws {
        let server = try await TestServer()
        let response = try await server.client().send("GET", "/calendar?from=2026-12-01&to=2026-12-31&to=2027-12-31")
        #expect(response.status == 422)
        #expect(response.errorCode == "duplicate_parameter")
        await server.stop()
    }

    @Test func theCSVFormatOfTheDeskReportIsAParameter() async throws {
        let server = try await TestServer()
        let response = try await server.client().send("GET", "/reports/desk-occupancy?from=2026-11-26&to=2026-11-26&format=csv",
                                                      token: server.adminToken)
        #expect(response.status == 200)
        #expect(response.headers["content-type"] == "text/csv; charset=utf-8")
        await server.stop()
    }
}
