import CenterDomain
import Testing
@testable import CenterAPI

/// Storage under concurrency: parallel allocation runs never put more into
/// a bay than it holds nor allocate an application twice, and an item is
/// checked out by exactly one of many desks racing for it.
@Suite(.serialized) struct StorageConcurrencyTests {
    static func applications(_ server: TestServer, staff: String, count: Int) async throws {
        let client = server.client()
        for n in 1...count {
            let body = #"{"category":"tourism_association","name":"観光協会 \#(n)","fiscal_year":2026,"units":3}"#
            let response = try await client.send("POST", "/storage-allocations", body: body, token: staff)
            guard response.status == 201 else { throw TestFailure("application failed: \(response.text)") }
        }
    }

    @Test func parallelAllocationRunsNeverOverfillABay() async throws {
        try await withTestServer { server in
            let staff = try await server.token(.staff)
            try await Self.applications(server, staff: staff, count: 12)
            let port = server.port
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<10 {
                    group.addTask {
                        try await TestClient(port: port).send("POST", "/storage-allocations/allocate?fiscal_year=2026", token: staff).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.allSatisfy { $0 == 200 })
            let client = server.client()
            let bays = try await client.send("GET", "/storage-bays?fiscal_year=2026", token: staff).array
            #expect(!bays.isEmpty)
            for bay in bays {
                let allocated = bay["allocated_units"] as? Int ?? -1
                let free = bay["free_units"] as? Int ?? -1
                #expect(allocated >= 0 && free >= 0, "\(bay["id"] ?? "?")")
            }
            let ranking = try await client.send("GET", "/storage-allocations?fiscal_year=2026", token: staff).array
            let allocated = ranking.filter { $0["state"] as? String == "allocated" }
            let units = allocated.reduce(0) { $0 + ($1["units"] as? Int ?? 0) }
            let capacity = bays.reduce(0) { $0 + ($1["allocated_units"] as? Int ?? 0) + ($1["free_units"] as? Int ?? 0) }
            #expect(units <= capacity)
            #expect(units == bays.reduce(0) { $0 + ($1["allocated_units"] as? Int ?? 0) }, "each application is allocated once")
        }
    }

    @Test func oneItemIsCheckedOutByExactlyOneOfManyDesks() async throws {
        try await withTestServer { server in
            let staff = try await server.token(.staff)
            let client = server.client()
            try await Self.applications(server, staff: staff, count: 1)
            let run = try await client.send("POST", "/storage-allocations/allocate?fiscal_year=2026", token: staff)
            let allocation = try #require((run.object["allocated"] as? [[String: Any]])?.first?["allocation"] as? Int)
            let item = try await client.send("POST", "/storage-items", body: #"{"allocation":\#(allocation),"name":"テント","quantity":4}"#,
                                             token: staff)
            let id = try #require(item.object["id"] as? Int)
            let port = server.port
            let outcomes = try await withThrowingTaskGroup(of: (Int, String?).self) { group in
                for n in 0..<20 {
                    group.addTask {
                        let response = try await TestClient(port: port).send(
                            "POST", "/storage-items/\(id)/checkout", body: #"{"event":"祭 \#(n)","by":"desk \#(n)","to_where":"会場"}"#, token: staff)
                        return (response.status, response.errorCode)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(outcomes.filter { $0.0 == 200 }.count == 1)
            #expect(outcomes.filter { $0.0 != 200 }.allSatisfy { $0.0 == 409 && $0.1 == "item_already_out" })
            let log = try await client.send("GET", "/storage-items/\(id)", token: staff).object["log"] as? [[String: Any]] ?? []
            #expect(log.count == 1)
        }
    }
}
