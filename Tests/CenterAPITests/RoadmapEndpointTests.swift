import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// The roadmap and manager endpoints through HTTP.
@Suite(.serialized) struct RoadmapEndpointTests {
    @Test func roadmapGroupsEveryItemByStepAndFiscalYear() async throws {
        try await withTestServer { server in
            let response = try await server.client().send("GET", "/roadmap")
            #expect(response.status == 200)
            let sections = response.array
            let ids = sections.flatMap { ($0["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String } }
            #expect(ids.count == TestServer.settings.roadmap.items.count)
            #expect(sections.allSatisfy { ($0["fiscal_year_label"] as? String)?.hasPrefix("令和") == true })
        }
    }

    @Test func roadmapFiltersByStepAndSide() async throws {
        try await withTestServer { server in
            let response = try await server.client().send("GET", "/roadmap?step=1&side=hard")
            let items = response.array.flatMap { $0["items"] as? [[String: Any]] ?? [] }
            #expect(!items.isEmpty)
            #expect(items.allSatisfy { $0["step"] as? Int == 1 && $0["side"] as? String == "hard" })
        }
    }

    @Test func roadmapRejectsAnUnknownFilterValue() async throws {
        try await withTestServer { server throws in
            let client = server.client()
            #expect(try await client.send("GET", "/roadmap?status=finished").status == 422)
            #expect(try await client.send("GET", "/roadmap?step=4").status == 422)
        }
    }

    @Test func unknownRoadmapItemIs404() async throws {
        try await withTestServer { server in
            let response = try await server.client().send("GET", "/roadmap/items/no-such-item")
            #expect(response.status == 404)
            #expect(response.errorCode == "unknown_item")
        }
    }

    @Test func everyRoadmapItemIsServedWithItsEffectiveStatus() async throws {
        try await withTestServer { server in
            let client = server.client()
            for item in TestServer.settings.roadmap.items {
                let response = try await client.send("GET", "/roadmap/items/\(item.id)")
                #expect(response.status == 200)
                #expect(response.object["title_ja"] as? String == item.titleJa)
                #expect(response.object["effective_status"] is String)
            }
        }
    }

    @Test func statusReportCoversEveryStep() async throws {
        try await withTestServer { server in
            let response = try await server.client().send("GET", "/roadmap/status?as_of=2027-04-01")
            #expect(response.status == 200)
            #expect(response.array.compactMap { $0["step"] as? Int } == [1, 2, 3])
            #expect(response.array.allSatisfy { $0["as_of"] as? String == "2027-04-01" })
        }
    }

    @Test func managerTermChangesBetweenFiscalYears2029And2030() async throws {
        try await withTestServer { server in
            let client = server.client()
            let before = try await client.send("GET", "/managers/current?date=2030-03-31")
            let after = try await client.send("GET", "/managers/current?date=2030-04-01")
            #expect(before.status == 200)
            #expect(after.status == 200)
            #expect(before.object["id"] as? String != after.object["id"] as? String)
            #expect(before.object["end"] as? String == "2030-03-31")
            #expect(after.object["start"] as? String == "2030-04-01")
        }
    }

    @Test func managersListsEveryTerm() async throws {
        try await withTestServer { server in
            let response = try await server.client().send("GET", "/managers")
            #expect(response.array.count == TestServer.settings.roadmap.managers.count)
        }
    }

    @Test func ganttChartIsWellFormedSVGWithEveryItem() async throws {
        try await withTestServer { server in
            let response = try await server.client().send("GET", "/roadmap.svg")
            #expect(response.status == 200)
            #expect(response.headers["content-type"]?.hasPrefix("image/svg+xml") == true)
            let parser = XMLParser(data: Data(response.body))
            #expect(parser.parse(), "the SVG must parse as XML")
            for item in TestServer.settings.roadmap.items {
                #expect(response.text.contains(item.id), "\(item.id)")
            }
        }
    }
}
