import CenterDomain
import Testing
@testable import CenterAPI
@testable import CenterService

/// 50 freelancers, each with its own registration, member token and
/// connection, race for the last free desk: exactly one wins.
@Suite(.serialized) struct DeskRaceTests {
    @Test func deskFiftyFreelancersRaceForTheLastDeskAndExactlyOneWins() async throws {
        try await withTestServer { server in
        let setup = server.client()
        for _ in 0..<19 {
            let id = try await server.register("freelancer", client: setup)
            let booked = try await setup.send("POST", "/desk-passes", body: deskBody("2026-11-26", "pm", registration: id),
                                              token: server.adminToken)
            #expect(booked.status == 201)
        }
        var racers: [String] = []
        for _ in 0..<50 { racers.append(try await server.deskFreelancer(client: setup).token) }

        let answers = try await withThrowingTaskGroup(of: (Int, String?).self) { group in
            for token in racers {
                let client = server.client()
                group.addTask {
                    let response = try await client.send("POST", "/desk-passes", body: deskBody("2026-11-26", "pm"), token: token)
                    return (response.status, response.status == 201 ? response.object["desk"] as? String : response.errorCode)
                }
            }
            var all: [(Int, String?)] = []
            for try await answer in group { all.append(answer) }
            return all
        }
        #expect(answers.filter { $0.0 == 201 }.map(\.1) == ["desk-20"])
        #expect(answers.filter { $0.0 == 409 && $0.1 == "no_desk_free" }.count == 49)
        let live: Int64? = try await server.service.pool.read { db in
            try db.queryOne("""
                SELECT count(*) AS n FROM desk_pass_periods
                WHERE live = 1 AND desk_id = 'desk-20' AND date = '2026-11-26' AND period_unit = 'pm'
                """)?.get("n")
        }
        #expect(live == 1)
        }
    }
}
