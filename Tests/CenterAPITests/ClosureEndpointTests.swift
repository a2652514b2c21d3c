import Testing
@testable import CenterAPI

/// Closures over HTTP: a closure of part of a three-day booking, the
/// holders to call, listing, lifting.
@Suite(.serialized) struct ClosureEndpointTests {
    /// A paid booking of meeting room 1, 午前, 2026-12-08 to 12-10 (¥4,500).
    private func threeDays(_ server: TestServer) async throws -> (registration: Int64, booking: Int) {
        let registration = try await server.register("general")
        let booked = try await server.client().send("POST", "/bookings",
                                                    body: bookingBody("2026-12-08", ["am"], days: 3, registration: registration),
                                                    token: server.adminToken)
        let id = try #require(booked.object["id"] as? Int)
        _ = try await server.client().send("POST", "/bookings/\(id)/payment", token: server.adminToken)
        return (registration, id)
    }

    @Test func closingOneDayOfAThreeDayBookingCancelsThatDayAndListsTheHolder() async throws {
        try await withTestServer { server in
            let (registration, booking) = try await threeDays(server)
            let closure = try await server.client().send(
                "POST", "/closures", body: #"{"date":"2026-12-09","facilities":["meeting-room-1"],"reason_ja":"漏水の修理"}"#,
                token: server.adminToken)
            #expect(closure.status == 201)
            #expect(closure.object["reason_ja"] as? String == "漏水の修理")
            #expect(closure.object["reason_en"] == nil)
            #expect((closure.object["cancelled"] as? [Any])?.isEmpty == true)
            let partly = try #require((closure.object["days_cancelled"] as? [[String: Any]])?.first)
            #expect(partly["days"] as? [String] == ["2026-12-09"])
            #expect(partly["refund"] as? Int == 1500)
            let after = partly["booking"] as? [String: Any]
            #expect(after?["state"] as? String == "paid")
            #expect(after?["fee_total"] as? Int == 3000)
            #expect(after?["cancelled_days"] as? [String] == ["2026-12-09"])
            #expect((after?["refund"] as? [String: Any])?["amount"] as? Int == 1500)
            let holders = closure.object["holders"] as? [[String: Any]] ?? []
            #expect(holders.map { $0["registration"] as? Int } == [Int(registration)])
            #expect(holders.first?["contact"] as? String == "0300000000")
            #expect(holders.first?["bookings"] as? [Int] == [booking])
            let feed = try await server.client().send("GET", "/facilities/meeting-room-1/calendar.ics?from=2026-12-01&to=2026-12-31")
            #expect(feed.text.components(separatedBy: "STATUS:CANCELLED").count - 1 == 1)
            #expect(feed.text.components(separatedBy: "STATUS:CONFIRMED").count - 1 == 2)
        }
    }

    @Test func theHolderMayChooseToCancelTheWholeBooking() async throws {
        try await withTestServer { server in
            let (_, booking) = try await threeDays(server)
            let closure = try await server.client().send(
                "POST", "/closures",
                body: #"{"date":"2026-12-09","facilities":["meeting-room-1"],"reason_en":"Leak","whole_bookings":[\#(booking)]}"#,
                token: server.adminToken)
            let cancelled = try #require((closure.object["cancelled"] as? [[String: Any]])?.first)
            #expect(cancelled["state"] as? String == "cancelled_by_center")
            #expect((cancelled["refund"] as? [String: Any])?["amount"] as? Int == 4500)
        }
    }

    @Test func liftingReopensTheDayAndListsTheBookingsItCancelled() async throws {
        try await withTestServer { server in
            let client = server.client()
            let (registration, booking) = try await threeDays(server)
            let declared = try await client.send("POST", "/closures",
                                                 body: #"{"date":"2026-12-09","facilities":["meeting-room-1"],"reason_ja":"点検"}"#,
                                                 token: server.adminToken)
            let id = try #require(declared.object["id"] as? Int)
            let closed = try await client.send("GET", "/availability?facility=meeting-room-1&from=2026-12-09&to=2026-12-09&category=general")
            #expect(closed.array.first?["open"] as? Bool == false)
            let lifted = try await client.send("POST", "/closures/\(id)/lift", token: server.adminToken)
            #expect(lifted.status == 200)
            #expect(lifted.object["lifted_at"] as? String == "2026-11-25T10:00:00+09:00")
            #expect((lifted.object["days_cancelled"] as? [[String: Any]])?.map { ($0["booking"] as? [String: Any])?["id"] as? Int }
                == [booking])
            #expect((lifted.object["holders"] as? [[String: Any]])?.first?["registration"] as? Int == Int(registration))
            let open = try await client.send("GET", "/availability?facility=meeting-room-1&from=2026-12-09&to=2026-12-09&category=general")
            #expect(open.array.first?["open"] as? Bool == true)
            #expect((open.array.first?["divisions"] as? [[String: Any]])?.first?["status"] as? String == "free")
            let stays = try await client.send("GET", "/bookings/\(booking)", token: server.adminToken)
            #expect(stays.object["cancelled_days"] as? [String] == ["2026-12-09"])
            let again = try await client.send("POST", "/closures/\(id)/lift", token: server.adminToken)
            #expect(again.status == 409)
            #expect(again.errorCode == "closure_already_lifted")
            let listed = try await client.send("GET", "/closures?facility=meeting-room-1&from=2026-12-01&to=2026-12-31",
                                               token: server.adminToken)
            #expect(listed.array.map { $0["id"] as? Int } == [id])
            #expect(try await client.send("GET", "/closures/\(id)", token: server.adminToken).object["lifted_by"] != nil)
            #expect(try await client.send("GET", "/closures/999", token: server.adminToken).errorCode == "closure_not_found")
            #expect(try await client.send("GET", "/closures?facility=ballroom", token: server.adminToken).status == 422)
        }
    }

    @Test func aClosureWithoutAReasonIsRefused() async throws {
        try await withTestServer { server in
            let response = try await server.client().send("POST", "/closures", body: #"{"date":"2026-12-09"}"#, token: server.adminToken)
            #expect(response.status == 422)
            #expect(response.errorCode == "reason_required")
            let old = try await server.client().send("POST", "/closures", body: #"{"date":"2026-12-09","reason":"x"}"#,
                                                     token: server.adminToken)
            #expect(old.errorCode == "unknown_field")
        }
    }
}
