import Testing

/// Dates, months and instants users send must be within 1900-01-01 to
/// 2200-12-31 (docs/DOMAIN.md "Supported dates"): outside it a parameter is refused with 422
/// `date_out_of_range` and a body field with 422 `invalid_body`, each naming
/// the range, and the service keeps serving.
@Suite(.serialized) struct SupportedDatesEndpointTests {
    @Test func deskAvailabilityOnJanuaryFirstOfYearOneIsRefusedAndTheServiceStaysUp() async throws {
        try await withTestServer { server in
        let client = server.client()
        let response = try await client.send("GET", "/desks/availability?date=0001-01-01")
        #expect(response.status == 422)
        #expect(response.errorCode == "date_out_of_range")
        #expect(response.errorMessage == "`date` must be from 1900-01-01 to 2200-12-31, got \"0001-01-01\"")
        #expect(try await client.send("GET", "/health").status == 200)
        }
    }

    @Test func firstAndLastSupportedDaysAreAnswered() async throws {
        try await withTestServer { server throws in
        for date in ["1900-01-01", "2200-12-31"] {
            #expect(try await server.client().send("GET", "/desks/availability?date=\(date)").status == 200)
            #expect(try await server.client().send("GET", "/calendar?from=\(date)&to=\(date)").status == 200)
            #expect(try await server.client().send("GET", "/availability?facility=meeting-room-1&from=\(date)&to=\(date)").status == 200)
        }
        }
    }

    @Test(arguments: ["/calendar?from=1899-12-31&to=1900-01-01", "/availability?facility=meeting-room-1&from=1899-12-31&to=1900-01-01",
                      "/roadmap/status?as_of=2201-01-01", "/managers/current?date=9999-12-31"])
    func dateParameterOutsideIsDateOutOfRange(_ target: String) async throws {
        try await withTestServer { server in
        let response = try await server.client().send("GET", target)
        #expect(response.status == 422)
        #expect(response.errorCode == "date_out_of_range")
        }
    }

    @Test func monthOfYearOneIsRefusedForTheQuotaReport() async throws {
        try await withTestServer { server in
        let response = try await server.client().send("GET", "/reports/community-quota?month=0001-01", token: server.adminToken)
        #expect(response.status == 422)
        #expect(response.errorCode == "date_out_of_range")
        #expect(response.errorMessage == "`month` must be from 1900-01 to 2200-12, got \"0001-01\"")
        }
    }

    @Test func auditSinceAnInstantOfYear10000InJapanIsRefused() async throws {
        try await withTestServer { server in
        let response = try await server.client().send("GET", "/audit?since=2200-12-31T15:00:00Z", token: server.adminToken)
        #expect(response.status == 422)
        #expect(response.errorCode == "date_out_of_range")
        #expect(response.errorMessage
            == "`since` must be from 1900-01-01T00:00:00+09:00 to 2200-12-31T23:59:59+09:00, got \"2200-12-31T15:00:00Z\"")
        }
    }

    @Test func bookingOnJanuaryFirstOfYearOneIsRefusedNamingTheField() async throws {
        try await withTestServer { server in
        let registration = try await server.register("general")
        let response = try await server.client().send("POST", "/bookings", body: bookingBody("0001-01-01", registration: registration),
                                                      token: server.adminToken)
        #expect(response.status == 422)
        #expect(response.errorMessage == "$.date: must be from 1900-01-01 to 2200-12-31, got \"0001-01-01\"")
        #expect(try await server.client().send("GET", "/health").status == 200)
        }
    }

    @Test func tokenExpiringAfterTheSupportedDatesIsRefused() async throws {
        try await withTestServer { server in
        let response = try await server.client().send("POST", "/tokens", body: #"{"role":"staff","name":"Desk","expires_at":"9999-12-31T23:59:59+09:00"}"#,
                                                      token: server.adminToken)
        #expect(response.status == 422)
        #expect(response.errorMessage
            == "$.expires_at: must be from 1900-01-01T00:00:00+09:00 to 2200-12-31T23:59:59+09:00, got \"9999-12-31T23:59:59+09:00\"")
        }
    }

    @Test func everyDateParameterDocumentsDateOutOfRange() async throws {
        try await withTestServer { server in
        let document = try await server.client().send("GET", "/openapi.json")
        let paths = try #require(document.object["paths"] as? [String: [String: [String: Any]]])
        var checked = 0
        for (path, operations) in paths {
            for (method, operation) in operations {
                let parameters = operation["parameters"] as? [[String: Any]] ?? []
                let takesDate = parameters.contains { parameter in
                    let schema = parameter["schema"] as? [String: Any] ?? [:]
                    return ["date", "date-time"].contains(schema["format"] as? String) || schema["pattern"] as? String == "^[0-9]{4}-[0-9]{2}$"
                }
                guard takesDate else { continue }
                checked += 1
                #expect((operation["x-error-codes"] as? [String] ?? []).contains("date_out_of_range"), "\(method) \(path)")
            }
        }
        #expect(checked >= 14)
        }
    }
}
