import CalendarValues
import CenterDomain
import CenterService
import Foundation
import Testing

/// A whole lottery month through the HTTP API, the service's own timers
/// running on the manual clock (docs/DOMAIN.md "Lottery rounds (抽選)"):
/// the round `halls-general` draws the gyms for general users in January
/// 2027. Entries are taken 12-01 to 12-09, the commitment published when they
/// open, the draw at 12-10 10:00 reveals the seed, anyone replays the
/// published ballot with `bench/replay-lottery.py` to the service's own
/// result, an unpaid winner lapses at its payment deadline, and the slots
/// nobody won open first come at 12-15 09:00. The replay's output and the
/// service's are left in `.build/lottery-month/` for the record.
@Suite(.serialized) struct LotteryMonthEndpointTests {
    static let round = "/lottery-rounds/halls-general/2027-01"
    static let record = TestServer.repository + "/.build/lottery-month"

    /// `POST /lottery-entries` for `registration` by `token`.
    func enter(_ client: TestClient, _ registration: Int64, _ date: String, _ divisions: [String], token: String)
        async throws -> TestClient.Response {
        let list = divisions.map { "\"\($0)\"" }.joined(separator: ",")
        return try await client.send("POST", "/lottery-entries", body: """
            {"registration":\(registration),"facility":"gym","date":"\(date)","divisions":[\(list)],"purpose":"バドミントン練習会","attendees":24}
            """, token: token)
    }

    /// Moves the clock and waits until every timer has done its work and sleeps again.
    func move(_ server: TestServer, to text: String, timers: ServiceTimers) async throws {
        server.clock.set(Instant(rfc3339: text)!)
        try await server.clock.waitForSleepers(timers.count)
    }

    /// The JSON of `text` as Foundation compares it.
    func json(_ text: String) throws -> NSObject {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? NSObject)
    }

    @Test func aLotteryMonthFromEntriesToFirstCome() async throws {
        try await withTestServer(now: Instant(rfc3339: "2026-11-30T10:00:00+09:00")!) { server in
            let timers = server.service.startTimers()
            defer { timers.cancel() }
            try await server.clock.waitForSleepers(timers.count)
            let client = server.client()
            let staff = server.adminToken
            let alpha = try await server.register("general"), beta = try await server.register("general")
            let gamma = try await server.register("general", inWard: false), delta = try await server.register("general")
            let alphaToken = try await server.token(.member, registrationID: alpha)
            let betaToken = try await server.token(.member, registrationID: beta)

            // Before the entries open: no commitment, no entry.
            let before = try await client.send("GET", Self.round)
            #expect(before.object["phase"] as? String == "not_open")
            #expect(before.object["commitment"] == nil)
            #expect(try await enter(client, alpha, "2027-01-12", ["am"], token: alphaToken).errorCode == "lottery_entry_not_open")

            // The entries open: the timer publishes the commitment.
            try await move(server, to: "2026-12-01T00:00:00+09:00", timers: timers)
            let opened = try await client.send("GET", Self.round)
            #expect(opened.object["phase"] as? String == "entry")
            let commitment = try #require(opened.object["commitment"] as? String)
            #expect(commitment.count == 64)
            #expect(opened.object["seed"] == nil)

            // Entries: members for themselves, staff for registrations.
            try await move(server, to: "2026-12-03T10:00:00+09:00", timers: timers)
            var entries: [Int] = []
            for (registration, date, divisions, token) in [
                (alpha, "2027-01-12", ["am"], alphaToken), (alpha, "2027-01-12", ["pm"], alphaToken),
                (alpha, "2027-01-19", ["am", "pm"], alphaToken), (beta, "2027-01-12", ["am"], betaToken),
                (beta, "2027-01-13", ["night"], betaToken), (gamma, "2027-01-12", ["am"], staff),
                (delta, "2027-01-12", ["pm"], staff), (delta, "2027-01-14", ["am"], staff), (delta, "2027-01-15", ["am"], staff),
                (delta, "2027-01-16", ["am"], staff),
            ] {
                let response = try await enter(client, registration, date, divisions, token: token)
                #expect(response.status == 201, "\(response.text)")
                entries.append(try #require(response.object["id"] as? Int))
            }
            #expect(try await enter(client, delta, "2027-01-20", ["am"], token: staff).errorCode == "lottery_entry_limit_reached")
            #expect(try await enter(client, beta, "2027-01-12", ["am"], token: alphaToken).errorCode == "registration_not_found")
            let withdrawn = try await client.send("POST", "/lottery-entries/\(entries[9])/withdraw", token: staff)
            #expect(withdrawn.object["state"] as? String == "withdrawn")
            #expect(try await client.send("GET", Self.round + "/ballot").errorCode == "lottery_ballot_not_published")

            // The entries close: the ballot is published without the seed.
            try await move(server, to: "2026-12-10T00:00:00+09:00", timers: timers)
            let closedBallot = try await client.send("GET", Self.round + "/ballot")
            #expect(closedBallot.status == 200)
            #expect(closedBallot.object["seed"] is NSNull || closedBallot.object["seed"] == nil)
            #expect((closedBallot.object["entries"] as? [Any])?.count == 9)
            #expect(try await client.send("POST", "/lottery-entries/\(entries[8])/withdraw", token: staff).errorCode
                    == "lottery_entry_closed")
            #expect(try await client.send("GET", Self.round + "/result").errorCode == "lottery_not_drawn")

            // Before the draw, first-come booking of the gyms waits for the round.
            let early = try await client.send("POST", "/bookings", body: bookingBody("2027-01-21", facility: "gym", registration: delta),
                                              token: staff)
            #expect(early.errorCode == "lottery_pending")

            // The draw: the timer reveals the seed and books the winners.
            try await move(server, to: "2026-12-10T10:00:00+09:00", timers: timers)
            let drawn = try await client.send("GET", Self.round)
            #expect(drawn.object["phase"] as? String == "drawn")
            let seed = try #require(drawn.object["seed"] as? String)
            #expect(SHA256.hexDigest(seed) == commitment)
            let ballot = try await client.send("GET", Self.round + "/ballot")
            #expect(ballot.object["seed"] as? String == seed)
            let result = try await client.send("GET", Self.round + "/result")
            #expect(result.status == 200)

            // Anyone replays the published ballot to the same result.
            try FileManager.default.createDirectory(atPath: Self.record, withIntermediateDirectories: true)
            try Data(ballot.body).write(to: URL(fileURLWithPath: Self.record + "/ballot.json"))
            try Data(result.body).write(to: URL(fileURLWithPath: Self.record + "/service-result.json"))
            let script = TestServer.repository + "/bench/replay-lottery.py"
            let replay = try ScriptRun.run("python3", [script, Self.record + "/ballot.json"])
            #expect(replay.status == 0, "\(replay.errors)")
            try replay.output.write(toFile: Self.record + "/replay-result.json", atomically: true, encoding: .utf8)
            #expect(try json(replay.output) == json(result.text))
            let table = try ScriptRun.run("python3", [script, Self.record + "/ballot.json", "--format", "text"])
            try table.output.write(toFile: Self.record + "/replay.txt", atomically: true, encoding: .utf8)
            #expect(table.status == 0)

            // Each registration sees its results; every winner holds a provisional booking.
            let order = try #require(result.object["order"] as? [[String: Any]])
            let outcome = Dictionary(uniqueKeysWithValues: order.map { ($0["entry"] as? String ?? "", $0["outcome"] as? String ?? "") })
            let mine = try await client.send("GET", "/me/lottery-entries", token: alphaToken).array
            #expect(mine.count == 3)
            #expect(mine.allSatisfy { ($0["state"] as? String) == outcome[$0["entry"] as? String ?? ""] })
            let all = try await client.send("GET", "/lottery-entries?round=halls-general&month=2027-01", token: staff).array
            let winners = all.filter { $0["state"] as? String == "won" }
            #expect(winners.count == (result.object["winners"] as? [[String: Any]])
                .map { Set($0.compactMap { $0["entry"] as? String }).count })
            var bookings: [[String: Any]] = []
            for winner in winners {
                let booking = try await client.send("GET", "/bookings/\(try #require(winner["booking"] as? Int))", token: staff)
                #expect(booking.object["state"] as? String == "provisional")
                #expect(booking.object["source"] as? String == "lottery")
                #expect(booking.object["payment_deadline"] as? String == "2026-12-24T23:59:59+09:00")
                bookings.append(booking.object)
            }
            let summary = try #require(drawn.object["summary"] as? [[String: Any]])
            #expect(summary.first { $0["date"] as? String == "2027-01-12" && $0["division"] as? String == "am" }?["entries"] as? Int == 3)
            for published in [drawn, ballot, result] {
                #expect(!published.text.contains("\"general user\"") && !published.text.contains("\"registration\""),
                        "the published round names no registration")
            }

            // First come opens at 12-15 09:00 for the slots nobody won.
            try await move(server, to: "2026-12-15T08:59:59+09:00", timers: timers)
            let stillHeld = try await client.send("POST", "/bookings", body: bookingBody("2027-01-21", facility: "gym", registration: delta),
                                                  token: staff)
            #expect(stillHeld.errorCode == "lottery_pending")
            try await move(server, to: "2026-12-15T09:00:00+09:00", timers: timers)
            let firstCome = try await client.send("POST", "/bookings", body: bookingBody("2027-01-21", facility: "gym", registration: delta),
                                                  token: staff)
            #expect(firstCome.status == 201, "\(firstCome.text)")

            // The first winner pays; the others do not, and lapse at their deadline.
            let paid = try #require(bookings.first?["id"] as? Int)
            #expect(try await client.send("POST", "/bookings/\(paid)/payment", token: staff).status == 200)
            try await move(server, to: "2026-12-25T00:00:00+09:00", timers: timers)
            for booking in bookings.dropFirst() {
                let id = try #require(booking["id"] as? Int)
                #expect(try await client.send("GET", "/bookings/\(id)", token: staff).object["state"] as? String == "lapsed")
            }
            #expect(try await client.send("GET", "/bookings/\(paid)", token: staff).object["state"] as? String == "paid")
            if let lapsed = bookings.dropFirst().first, let date = lapsed["first_date"] as? String,
               let divisions = lapsed["divisions"] as? [String] {
                let rebooked = try await client.send("POST", "/bookings", body: bookingBody(date, divisions, facility: "gym",
                                                                                          registration: gamma), token: staff)
                #expect(rebooked.status == 201, "the lapsed slot returns to the open pool: \(rebooked.text)")
            }
        }
    }
}
