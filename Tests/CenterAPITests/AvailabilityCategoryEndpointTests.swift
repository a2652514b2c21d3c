import Testing
@testable import CenterAPI

/// Availability asked without a category tells the truth for every
/// category: free only where all may book now, else who may and when it
/// opens for the others.
@Suite(.serialized) struct AvailabilityCategoryEndpointTests {
    @Test func aSlotOnlyTheWardMayBookYetIsNotOpenForEveryoneElse() async throws {
        try await withTestServer { server in
            // 2027-05-10: the ward books 12 months ahead (open since 2026-05-01); economic groups
            // from 2026-11-01 (6 months); small businesses from 2027-02-01; community groups and
            // everyone else later.
            let response = try await server.client().send("GET", "/availability?facility=meeting-room-1&from=2027-05-10&to=2027-05-10")
            let slot = try #require((response.array.first?["divisions"] as? [[String: Any]])?.first)
            #expect(slot["status"] as? String == "not_open")
            #expect(slot["bookable_by"] as? [String] == ["ward", "economic_group"])
            let openings = slot["opens_by_category"] as? [[String: Any]] ?? []
            #expect(openings.map { $0["category"] as? String } == ["small_business", "community_group", "general"])
            #expect(openings.first?["at"] as? String == "2027-02-01")
            #expect(slot["opens"] as? String == "2027-02-01")
        }
    }

    @Test func aSlotEveryCategoryMayBookIsFreeWithNothingMore() async throws {
        try await withTestServer { server in
            let response = try await server.client().send("GET", "/availability?facility=meeting-room-1&from=2026-12-10&to=2026-12-10")
            let slot = try #require((response.array.first?["divisions"] as? [[String: Any]])?.first)
            #expect(slot["status"] as? String == "free")
            #expect(slot["bookable_by"] == nil)
            #expect(slot["opens_by_category"] == nil)
        }
    }

    @Test func withACategoryTheSlotIsAsThatCategorySeesIt() async throws {
        try await withTestServer { server in
            let response = try await server.client().send(
                "GET", "/availability?facility=meeting-room-1&from=2027-05-10&to=2027-05-10&category=economic_group")
            let slot = try #require((response.array.first?["divisions"] as? [[String: Any]])?.first)
            #expect(slot["status"] as? String == "free")
            #expect(slot["bookable_by"] == nil)
        }
    }
}
