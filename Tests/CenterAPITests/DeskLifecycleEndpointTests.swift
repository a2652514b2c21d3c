import Foundation
import Testing
@testable import CenterAPI

/// Check-in, cancel, no-show release by the service's own timer on the
/// manual clock, member isolation, listings and the occupancy report,
/// through the real server.
@Suite(.serialized) struct DeskLifecycleEndpointTests {
    /// Books a pass as `token` and returns its id.
    static func pass(_ client: TestClient, _ body: String, token: String) async throws -> Int {
        let response = try await client.send("POST", "/desk-passes", body: body, token: token)
        guard response.status == 201, let id = response.object["id"] as? Int else {
            throw TestFailure("desk pass failed: \(response.status) \(response.text)")
        }
        return id
    }

    @Test func deskCheckInBeforeTheDayIsTooEarly() async throws {
        try await withTestServer { server in
        let client = server.client()
        let holder = try await server.deskFreelancer(client: client)
        let id = try await Self.pass(client, deskBody("2026-11-26", "am"), token: holder.token)
        let response = try await client.send("POST", "/desk-passes/\(id)/check-in", token: holder.token)
        #expect(response.status == 409)
        #expect(response.errorCode == "check_in_too_early")
        }
    }

    @Test func deskStaffChecksInUntilThirtyMinutesAfterTheStart() async throws {
        try await withTestServer { server in
        let client = server.client()
        let holder = try await server.deskFreelancer(client: client)
        let id = try await Self.pass(client, deskBody("2026-11-26", "am"), token: holder.token)
        server.setClock("2026-11-26", minute: 9 * 60 + 30)
        let staff = try await server.token(.staff)
        let response = try await client.send("POST", "/desk-passes/\(id)/check-in", token: staff)
        #expect(response.status == 200)
        #expect(response.object["state"] as? String == "checked_in")
        }
    }

    @Test func deskCheckInAfterTheGraceIsTooLate() async throws {
        try await withTestServer { server in
        let client = server.client()
        let holder = try await server.deskFreelancer(client: client)
        let id = try await Self.pass(client, deskBody("2026-11-26", "am"), token: holder.token)
        server.setClock("2026-11-26", minute: 9 * 60 + 31)
        let response = try await client.send("POST", "/desk-passes/\(id)/check-in", token: holder.token)
        #expect(response.status == 409)
        #expect(response.errorCode == "check_in_too_late")
        }
    }

    @Test func deskCancelBeforeTheStartFreesTheDesk() async throws {
        try await withTestServer { server in
        let client = server.client()
        let a = try await server.deskFreelancer(client: client), b = try await server.deskFreelancer(client: client)
        let id = try await Self.pass(client, deskBody("2026-11-26", "pm", desk: "desk-05"), token: a.token)
        let cancelled = try await client.send("POST", "/desk-passes/\(id)/cancel", token: a.token)
        #expect(cancelled.status == 200)
        #expect(cancelled.object["state"] as? String == "cancelled")
        let again = try await client.send("POST", "/desk-passes", body: deskBody("2026-11-26", "pm", desk: "desk-05"), token: b.token)
        #expect(again.status == 201)
        }
    }

    @Test func deskCancelAfterTheStartIsTooLate() async throws {
        try await withTestServer { server in
        let client = server.client()
        let holder = try await server.deskFreelancer(client: client)
        let id = try await Self.pass(client, deskBody("2026-11-26", "am"), token: holder.token)
        server.setClock("2026-11-26", minute: 9 * 60)
        let response = try await client.send("POST", "/desk-passes/\(id)/cancel", token: holder.token)
        #expect(response.status == 409)
        #expect(response.errorCode == "cancel_too_late")
        }
    }

    @Test func deskMemberTouchingAnotherRegistrationsPassGets404() async throws {
        try await withTestServer { server in
        let client = server.client()
        let a = try await server.deskFreelancer(client: client), b = try await server.deskFreelancer(client: client)
        let id = try await Self.pass(client, deskBody("2026-11-26", "am"), token: a.token)
        for (method, path) in [("GET", "/desk-passes/\(id)"), ("POST", "/desk-passes/\(id)/cancel"),
                               ("POST", "/desk-passes/\(id)/check-in")] {
            let response = try await client.send(method, path, token: b.token)
            #expect(response.status == 404, "\(method) \(path)")
            #expect(response.errorCode == "desk_pass_not_found")
        }
        #expect(try await client.send("GET", "/me/desk-passes", token: b.token).array.isEmpty)
        #expect(try await client.send("GET", "/me/desk-passes", token: a.token).array.count == 1)
        }
    }

    @Test func deskStaffListsPassesOfADateAndMembersMayNot() async throws {
        try await withTestServer { server in
        let client = server.client()
        let a = try await server.deskFreelancer(client: client), b = try await server.deskFreelancer(client: client)
        _ = try await Self.pass(client, deskBody("2026-11-26", "am"), token: a.token)
        _ = try await Self.pass(client, deskBody("2026-11-27", "am"), token: b.token)
        let list = try await client.send("GET", "/desk-passes?date=2026-11-26", token: server.adminToken)
        #expect(list.status == 200)
        #expect(list.array.map { $0["registration"] as? Int } == [Int(a.id)])
        #expect(try await client.send("GET", "/desk-passes?date=2026-11-26", token: a.token).status == 403)
        }
    }

    @Test func deskNoShowIsReleasedByTheServiceTimerAndTheDeskIsFreeAgain() async throws {
        try await withTestServer { server in
        let timers = server.service.startTimers()
        defer { timers.cancel() }
        let client = server.client()
        let a = try await server.deskFreelancer(client: client), b = try await server.deskFreelancer(client: client)
        let id = try await Self.pass(client, deskBody("2026-11-26", "day", desk: "desk-01"), token: a.token)
        server.setClock("2026-11-26", minute: 9 * 60 + 31)
            try await server.clock.waitForSleepers(timers.count)
            let state = try await client.send("GET", "/desk-passes/\(id)", token: a.token).object["state"] as? String ?? "?"
        #expect(state == "no_show")
        let registration = try await client.send("GET", "/registrations/\(a.id)", token: server.adminToken)
        #expect(registration.object["penalty_points"] as? Int == 2)
        let rebooked = try await client.send("POST", "/desk-passes", body: deskBody("2026-11-26", "pm", desk: "desk-01"), token: b.token)
        #expect(rebooked.status == 201)
        }
    }

    @Test func deskUtilizationReportsOccupancyPerDateAndPeriod() async throws {
        try await withTestServer { server in
        let client = server.client()
        let a = try await server.deskFreelancer(client: client), b = try await server.deskFreelancer(client: client)
        let first = try await Self.pass(client, deskBody("2026-11-26", "am"), token: a.token)
        _ = try await Self.pass(client, deskBody("2026-11-26", "am"), token: b.token)
        server.setClock("2026-11-26", minute: 9 * 60 + 5)
        _ = try await client.send("POST", "/desk-passes/\(first)/check-in", token: server.adminToken)
        try await server.service.desks.releaseNoShows(now: server.clock.now().adding(seconds: 3600))
        let report = try await client.send("GET", "/reports/desk-occupancy?from=2026-11-26&to=2026-11-27", token: server.adminToken)
        #expect(report.status == 200)
        let rows = report.object["desks"] as? [[String: Any]] ?? []
        #expect(rows.count == 6)
        let am = try #require(rows.first)
        #expect(am["date"] as? String == "2026-11-26")
        #expect(am["period"] as? String == "am")
        #expect(am["passes"] as? Int == 2)
        #expect(am["checked_in"] as? Int == 1)
        #expect(am["no_shows"] as? Int == 1)
        #expect(am["occupancy"] as? Double == 0.05)
        }
    }

    @Test func deskUtilizationAsCSVStartsWithAByteOrderMark() async throws {
        try await withTestServer { server in
        let response = try await server.client().send("GET", "/reports/desk-occupancy?from=2026-11-26&to=2026-11-26",
                                                      token: server.adminToken, headers: ["Accept": "text/csv"])
        #expect(response.status == 200)
        #expect(response.headers["content-type"] == "text/csv; charset=utf-8")
        #expect(Array(response.body.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let lines = String(decoding: response.body.dropFirst(3), as: UTF8.self).split(separator: "\r\n")
        #expect(lines.first == "part,date,period,open,desks,passes,checked_in,no_shows,occupancy")
        #expect(lines.dropFirst().first == "desks,2026-11-26,am,true,20,0,0,0,0.0")
        #expect(lines.count == 4)
        }
    }
}

/// A closure that shuts the desk pool cancels the passes it hits at once.
@Suite(.serialized) struct DeskClosureEndpointTests {
    @Test func wholeCenterClosureCancelsDeskPassesWithoutPenalty() async throws {
        try await withTestServer { server in
        let client = server.client()
        let holder = try await server.deskFreelancer(client: client)
        let id = try await DeskLifecycleEndpointTests.pass(client, deskBody("2026-11-27", "pm"), token: holder.token)
        let closure = try await client.send("POST", "/closures", body: #"{"date":"2026-11-27","reason_en":"Power outage"}"#,
                                            token: server.adminToken)
        #expect(closure.status == 201)
        let passes = (closure.object["cancelled_desk_passes"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int }
        #expect(passes == [id])
        let pass = try await client.send("GET", "/desk-passes/\(id)", token: holder.token)
        #expect(pass.object["state"] as? String == "cancelled")
        let me = try await client.send("GET", "/registrations/\(holder.id)", token: server.adminToken)
        #expect(me.object["penalty_points"] as? Int == 0)
        }
    }

    @Test func roomOnlyClosureLeavesDeskPassesAlone() async throws {
        try await withTestServer { server in
        let client = server.client()
        let holder = try await server.deskFreelancer(client: client)
        let id = try await DeskLifecycleEndpointTests.pass(client, deskBody("2026-11-27", "pm"), token: holder.token)
        let closure = try await client.send("POST", "/closures",
                                            body: #"{"date":"2026-11-27","facilities":["gym"],"reason_en":"Floor repair"}"#,
                                            token: server.adminToken)
        #expect((closure.object["cancelled_desk_passes"] as? [Any])?.isEmpty == true)
        let pass = try await client.send("GET", "/desk-passes/\(id)", token: holder.token)
        #expect(pass.object["state"] as? String == "booked")
        }
    }
}
