import CalendarValues
import CenterDomain
@testable import CenterService
import Testing
@testable import CenterAPI

/// Equipment storage through HTTP: applications, ranking by category
/// priority, bay capacity, the item register and its check-out log.
@Suite(.serialized) struct StorageEndpointTests {
    static let communityEvidence = RegistrationEvidence(memberCount: 8, membersInWard: 5)

    func apply(_ server: TestServer, _ body: String, staff: String) async throws -> [String: Any] {
        let response = try await server.client().send("POST", "/storage-allocations", body: body, token: staff)
        guard response.status == 201 else { throw TestFailure("application failed: \(response.status) \(response.text)") }
        return response.object
    }

    func holder(_ category: String, _ name: String, units: Int) -> String {
        #"{"category":"\#(category)","name":"\#(name)","fiscal_year":2026,"units":\#(units)}"#
    }

    @Test func communityGroupRegistrationAppliesUnderItsCategory() async throws {
        try await withTestServer { server in
        let staff = try await server.token(.staff)
        let group = try await server.registration("Momozono festival committee", category: .communityGroup, evidence: Self.communityEvidence)
        let application = try await apply(server, #"{"registration":\#(group),"fiscal_year":2026,"units":3}"#, staff: staff)
        #expect(application["category"] as? String == "community_group")
        #expect(application["holder_name"] as? String == "Momozono festival committee")
        #expect(application["state"] as? String == "pending")
        }
    }

    @Test func categoryOutsideTheStorageCategoriesIsRefused() async throws {
        try await withTestServer { server in
        let staff = try await server.token(.staff)
        let client = server.client()
        let company = try await server.registration("Company")
        let byRegistration = try await client.send("POST", "/storage-allocations", body: #"{"registration":\#(company),"fiscal_year":2026,"units":1}"#,
                                                   token: staff)
        #expect(byRegistration.status == 422)
        #expect(byRegistration.errorCode == "storage_category_not_allowed")
        let byName = try await client.send("POST", "/storage-allocations", body: holder("general", "Someone", units: 1), token: staff)
        #expect(byName.errorCode == "storage_category_not_allowed")
        }
    }

    @Test func applicationLargerThanTheLargestBayIsRefused() async throws {
        try await withTestServer { server in
        let response = try await server.client().send("POST", "/storage-allocations", body: holder("tourism_association", "観光協会", units: 11),
                                                      token: try await server.token(.staff))
        #expect(response.status == 422)
        #expect(response.errorCode == "invalid_units")
        }
    }

    @Test func applicationForAPastFiscalYearIsRefused() async throws {
        try await withTestServer { server in
        let body = #"{"category":"tourism_association","name":"観光協会","fiscal_year":2025,"units":1}"#
        let response = try await server.client().send("POST", "/storage-allocations", body: body, token: try await server.token(.staff))
        #expect(response.errorCode == "fiscal_year_past")
        }
    }

    @Test func applicationBeyondNextFiscalYearIsRefused() async throws {
        try await withTestServer { server in
        let staff = try await server.token(.staff)
        let client = server.client()
        let next = #"{"category":"tourism_association","name":"観光協会","fiscal_year":2027,"units":1}"#
        #expect(try await client.send("POST", "/storage-allocations", body: next, token: staff).status == 201)
        let far = #"{"category":"tourism_association","name":"観光協会","fiscal_year":2028,"units":1}"#
        #expect(try await client.send("POST", "/storage-allocations", body: far, token: staff).errorCode == "fiscal_year_too_far")
        }
    }

    @Test func allocationRanksByCategoryPriorityAndNeverExceedsABay() async throws {
        try await withTestServer { server in
        let staff = try await server.token(.staff)
        let client = server.client()
        let silverLarge = try await apply(server, holder("silver_human_resources_center", "シルバー人材センター", units: 10), staff: staff)
        let tourism = try await apply(server, holder("tourism_association", "中野区観光協会", units: 10), staff: staff)
        let group = try await server.registration("Community group", category: .communityGroup, evidence: Self.communityEvidence)
        let community = try await apply(server, #"{"registration":\#(group),"fiscal_year":2026,"units":10}"#, staff: staff)
        let silverSmall = try await apply(server, holder("silver_human_resources_center", "シルバー人材センター倉庫2", units: 6), staff: staff)
        let run = try await client.send("POST", "/storage-allocations/allocate?fiscal_year=2026", token: staff)
        #expect(run.status == 200)
        let allocated = (run.object["allocated"] as? [[String: Any]] ?? []).map { ($0["id"] as? Int ?? 0, $0["bay"] as? String ?? "") }
        #expect(allocated.map(\.0) == [community["id"], tourism["id"], silverSmall["id"]].map { $0 as? Int ?? -1 })
        #expect(allocated.map(\.1) == ["storage-a", "storage-b", "storage-c"])
        #expect((run.object["unallocated"] as? [[String: Any]])?.map { $0["id"] as? Int } == [silverLarge["id"] as? Int])
        let bays = try await client.send("GET", "/storage-bays?fiscal_year=2026", token: staff).array
        #expect(bays.map { $0["allocated_units"] as? Int } == [10, 10, 6])
        #expect(bays.map { $0["free_units"] as? Int } == [0, 0, 0])
        let ranking = try await client.send("GET", "/storage-allocations?fiscal_year=2026", token: staff).array
        #expect(ranking.first?["category"] as? String == "community_group")
        }
    }

    @Test func fullBaysLeaveALaterApplicationUnallocated() async throws {
        try await withTestServer { server in
        let staff = try await server.token(.staff)
        let client = server.client()
        for units in [10, 10, 6] { _ = try await apply(server, holder("tourism_association", "観光協会 \(units)", units: units), staff: staff) }
        _ = try await client.send("POST", "/storage-allocations/allocate?fiscal_year=2026", token: staff)
        let late = try await apply(server, holder("community_group", "Late group", units: 1), staff: staff)
        let run = try await client.send("POST", "/storage-allocations/allocate?fiscal_year=2026", token: staff)
        #expect((run.object["allocated"] as? [Any])?.isEmpty == true)
        #expect((run.object["unallocated"] as? [[String: Any]])?.map { $0["id"] as? Int } == [late["id"] as? Int])
        }
    }

    @Test func schemaRefusesAnAllocationBeyondTheBaysCapacity() async throws {
        try await withTestServer { server in
        let staff = try await server.token(.staff)
        _ = try await apply(server, holder("tourism_association", "観光協会", units: 10), staff: staff)
        _ = try await server.client().send("POST", "/storage-allocations/allocate?fiscal_year=2026", token: staff)
        let refusal = await #expect(throws: (any Error).self) {
            try await server.service.pool.write { db in
                try db.run("""
                    INSERT INTO storage_applications (fiscal_year, category, holder_name, units, applied_at, created_by)
                    VALUES (2026, 'tourism_association', 'x', 1, 0, 'test')
                    """)
                try db.run("""
                    INSERT INTO storage_allocations (application_id, fiscal_year, bay_id, units, created_at, created_by)
                    VALUES (?, 2026, 'storage-a', 1, 0, 'test')
                    """, [.integer(db.lastInsertRowID)])
            }
        }
        #expect(String(describing: refusal).contains("storage bay over capacity"))
        let bays = try await server.client().send("GET", "/storage-bays?fiscal_year=2026", token: staff).array
        #expect(bays.first?["allocated_units"] as? Int == 10)
        }
    }

    @Test func allocateNeedsTheFiscalYear() async throws {
        try await withTestServer { server in
        let response = try await server.client().send("POST", "/storage-allocations/allocate", token: try await server.token(.staff))
        #expect(response.status == 422)
        #expect(response.errorCode == "invalid_parameter")
        }
    }

    @Test func itemCheckoutAndReturnAreLoggedWithWhoWhenAndWhere() async throws {
        try await withTestServer { server in
        let staff = try await server.token(.staff)
        let client = server.client()
        _ = try await apply(server, holder("tourism_association", "中野区観光協会", units: 4), staff: staff)
        let run = try await client.send("POST", "/storage-allocations/allocate?fiscal_year=2026", token: staff)
        let allocation = try #require((run.object["allocated"] as? [[String: Any]])?.first?["allocation"] as? Int)
        let item = try await client.send("POST", "/storage-items", body: #"{"allocation":\#(allocation),"name":"テント","quantity":4}"#, token: staff)
        #expect(item.status == 201)
        #expect(item.object["bay"] as? String == "storage-a")
        let id = try #require(item.object["id"] as? Int)
        let out = try await client.send("POST", "/storage-items/\(id)/checkout",
                                        body: #"{"event":"中野駅前夏まつり","by":"Tanaka","to_where":"中野四季の森公園"}"#, token: staff)
        #expect(out.status == 200)
        #expect(out.object["state"] as? String == "out")
        let twice = try await client.send("POST", "/storage-items/\(id)/checkout", body: #"{"event":"x","by":"y","to_where":"z"}"#, token: staff)
        #expect(twice.status == 409)
        #expect(twice.errorCode == "item_already_out")
        let bays = try await client.send("GET", "/storage-bays", token: staff).array
        let itemsOut = bays.first?["items_out"] as? [[String: Any]]
        #expect(itemsOut?.first?["name"] as? String == "テント")
        #expect((itemsOut?.first?["checkout"] as? [String: Any])?["to_where"] as? String == "中野四季の森公園")
        server.setDay(LocalDate(year: 2026, month: 11, day: 26)!)
        let back = try await client.send("POST", "/storage-items/\(id)/return", body: #"{"by":"Suzuki"}"#, token: staff)
        #expect(back.object["state"] as? String == "in")
        let again = try await client.send("POST", "/storage-items/\(id)/return", body: #"{"by":"Suzuki"}"#, token: staff)
        #expect(again.errorCode == "item_not_out")
        let log = try await client.send("GET", "/storage-items/\(id)", token: staff).object["log"] as? [[String: Any]] ?? []
        #expect(log.map { $0["kind"] as? String } == ["checkout", "return"])
        #expect(log.map { $0["by"] as? String } == ["Tanaka", "Suzuki"])
        #expect(log.first?["event"] as? String == "中野駅前夏まつり")
        #expect(log.last?["at"] as? String == "2026-11-26T10:00:00+09:00")
        }
    }

    @Test func itemNeedsAnAllocation() async throws {
        try await withTestServer { server in
        let response = try await server.client().send("POST", "/storage-items", body: #"{"allocation":99,"name":"テント"}"#,
                                                      token: try await server.token(.staff))
        #expect(response.status == 404)
        #expect(response.errorCode == "storage_allocation_not_found")
        }
    }
}
