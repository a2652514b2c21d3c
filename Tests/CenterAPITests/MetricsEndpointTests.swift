import Testing

/// `/metrics` through HTTP, in the Prometheus text format.
@Suite(.serialized) struct MetricsEndpointTests {
    @Test func metricsCountRequestsByRoutePatternAndStatus() async throws {
        try await withTestServer { server in
            let client = server.client()
            for _ in 0..<3 { _ = try await client.send("GET", "/health") }
            _ = try await client.send("GET", "/roadmap/items/wifi")
            _ = try await client.send("GET", "/roadmap/items/no-such-item")
            let staff = try await server.token(.staff)
            let response = try await client.send("GET", "/metrics", token: staff)
            #expect(response.status == 200)
            #expect(response.headers["content-type"]?.hasPrefix("text/plain; version=0.0.4") == true)
            let lines = response.text.split(separator: "\n").map(String.init)
            #expect(lines.contains(#"nakano_http_requests_total{route="/health",method="GET",status="200"} 3"#))
            #expect(lines.contains(#"nakano_http_requests_total{route="/roadmap/items/{id}",method="GET",status="200"} 1"#))
            #expect(lines.contains(#"nakano_http_requests_total{route="/roadmap/items/{id}",method="GET",status="404"} 1"#))
            #expect(lines.contains(#"nakano_http_request_duration_seconds_count{route="/health",method="GET"} 3"#))
            #expect(lines.contains(#"nakano_http_request_duration_seconds_bucket{route="/health",method="GET",le="+Inf"} 3"#))
        }
    }

    @Test func metricsShowWriteBatchesOfTheStore() async throws {
        try await withTestServer { server in
            let staff = try await server.token(.staff)
            let response = try await server.client().send("GET", "/metrics", token: staff)
            let committed = response.text.split(separator: "\n").first { $0.hasPrefix(#"nakano_store_writes_total{outcome="committed"}"#) }
            // The test server minted two tokens: two committed writes.
            #expect(committed == #"nakano_store_writes_total{outcome="committed"} 2"#)
            #expect(response.text.contains("# TYPE nakano_store_write_batch_size histogram"))
        }
    }

    @Test func metricsShowTheWritersPagesAndCheckpoints() async throws {
        try await withTestServer { server in
            let staff = try await server.token(.staff)
            let lines = try await server.client().send("GET", "/metrics", token: staff).text.split(separator: "\n")
            let written = lines.first { $0.hasPrefix(#"nakano_store_writer_pages_total{event="written"} "#) }
            // Two committed writes (the tokens) wrote at least one page each.
            #expect((written?.split(separator: " ").last).flatMap { Int($0) } ?? 0 >= 2)
            #expect(lines.contains(where: { $0.hasPrefix(#"nakano_store_writer_pages_total{event="miss"} "#) }))
            #expect(lines.contains(#"nakano_store_wal_checkpoints_total{by="writer"} 0"#))
            #expect(lines.contains(where: { $0.hasPrefix(#"nakano_store_wal_checkpoints_total{by="background"} "#) }))
        }
    }

    @Test func metricsNeedAStaffToken() async throws {
        try await withTestServer { server throws in
            #expect(try await server.client().send("GET", "/metrics").status == 401)
        }
    }
}

/// The bookings-by-state gauge of `/metrics`.
@Suite(.serialized) struct MetricsBookingStateTests {
    @Test func metricsCountBookingsByState() async throws {
        try await withTestServer { server in
            let client = server.client()
            let registration = try await server.register("general")
            _ = try await server.book("2026-12-10", registration: registration, client: client)
            let paid = try await server.book("2026-12-11", registration: registration, client: client)
            _ = try await client.send("POST", "/bookings/\(paid)/payment", token: server.adminToken)
            let lines = try await client.send("GET", "/metrics", token: server.adminToken).text.split(separator: "\n").map(String.init)
            #expect(lines.contains("# TYPE nakano_bookings gauge"))
            #expect(lines.contains(#"nakano_bookings{state="provisional"} 1"#))
            #expect(lines.contains(#"nakano_bookings{state="paid"} 1"#))
            #expect(lines.contains(#"nakano_bookings{state="lapsed"} 0"#))
        }
    }
}
