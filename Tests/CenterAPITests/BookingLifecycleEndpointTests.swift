import Testing
@testable import CenterAPI

/// The booking lifecycle through the real server: 201 provisional with fee
/// and deadline, payment, check-in, cancellation with refund, lapse by the
/// service's own timer, closures, and Idempotency-Key replays.
@Suite(.serialized) struct BookingLifecycleEndpointTests {
    @Test func bookingIsCreatedProvisionalWithFeeAndDeadline() async throws {
        try await withTestServer { server in
            let registration = try await server.register("general")
            let response = try await server.client().send("POST", "/bookings", body: bookingBody("2026-12-10", ["am", "pm"], registration: registration),
                                                           token: server.adminToken)
            #expect(response.status == 201)
            #expect(response.object["state"] as? String == "provisional")
            #expect(response.object["fee_total"] as? Int == 3500)
            #expect(response.object["payment_deadline"] as? String == "2026-12-03T23:59:59+09:00")
            let fee = response.object["fee"] as? [String: Any]
            #expect((fee?["per_day"] as? [String: Any])?["total"] as? Int == 3500)
        }
    }

    @Test func paymentCheckInAndTheirOrder() async throws {
        try await withTestServer { server in
            let client = server.client()
            let registration = try await server.register("general")
            let id = try #require(try await client.send("POST", "/bookings", body: bookingBody("2026-12-10", registration: registration),
                                                         token: server.adminToken).object["id"] as? Int)
            let early = try await client.send("POST", "/bookings/\(id)/check-in", token: server.adminToken)
            #expect(early.status == 409)
            #expect(early.errorCode == "invalid_transition")
            let paid = try await client.send("POST", "/bookings/\(id)/payment", token: server.adminToken)
            #expect(paid.status == 200)
            #expect(paid.object["state"] as? String == "paid")
            server.setClock("2026-12-10", minute: 540)
            let checkedIn = try await client.send("POST", "/bookings/\(id)/check-in", token: server.adminToken)
            #expect(checkedIn.object["state"] as? String == "checked_in")
        }
    }

    @Test func cancelReturnsTheRefund() async throws {
        try await withTestServer { server in
            let client = server.client()
            let registration = try await server.register("general")
            let id = try #require(try await client.send("POST", "/bookings", body: bookingBody("2026-12-10", registration: registration),
                                                         token: server.adminToken).object["id"] as? Int)
            _ = try await client.send("POST", "/bookings/\(id)/payment", token: server.adminToken)
            server.setClock("2026-12-06")
            let cancelled = try await client.send("POST", "/bookings/\(id)/cancel", body: #"{"reason":"ill"}"#, token: server.adminToken)
            #expect(cancelled.status == 200)
            #expect(cancelled.object["state"] as? String == "cancelled_by_user")
            let refund = cancelled.object["refund"] as? [String: Any]
            #expect(refund?["percent"] as? Int == 50)
            #expect(refund?["amount"] as? Int == 750)
        }
    }

    @Test func theTimerLapsesAnUnpaidHoldAtItsDeadline() async throws {
        try await withTestServer { server in
            let timers = server.service.startTimers()
            let client = server.client()
            let registration = try await server.register("general")
            let id = try #require(try await client.send("POST", "/bookings", body: bookingBody("2026-12-10", registration: registration),
                                                         token: server.adminToken).object["id"] as? Int)
            server.setClock("2026-12-04", minute: 1)
            try await server.clock.waitForSleepers(timers.count)
            let state = try await client.send("GET", "/bookings/\(id)", token: server.adminToken).object["state"] as? String ?? ""
            #expect(state == "lapsed")
            timers.cancel()
        }
    }

    @Test func aClosureCancelsAndListsTheBookingsItHits() async throws {
        try await withTestServer { server in
            let client = server.client()
            let registration = try await server.register("general")
            let id = try #require(try await client.send("POST", "/bookings", body: bookingBody("2026-12-10", registration: registration),
                                                         token: server.adminToken).object["id"] as? Int)
            _ = try await client.send("POST", "/bookings/\(id)/payment", token: server.adminToken)
            let closure = try await client.send("POST", "/closures", body: #"{"date":"2026-12-10","reason_en":"Power outage","reason_ja":"停電"}"#,
                                                token: server.adminToken)
            #expect(closure.status == 201)
            let cancelled = closure.object["cancelled"] as? [[String: Any]]
            #expect(cancelled?.map { $0["id"] as? Int } == [id])
            #expect((cancelled?.first?["refund"] as? [String: Any])?["percent"] as? Int == 100)
            let availability = try await client.send("GET", "/availability?facility=meeting-room-1&from=2026-12-10&to=2026-12-10")
            #expect(availability.array.first?["open"] as? Bool == false)
        }
    }

    @Test func theSameIdempotencyKeyReplaysAndAnotherBodyIs422() async throws {
        try await withTestServer { server in
            let client = server.client()
            let registration = try await server.register("general")
            let body = bookingBody("2026-12-10", registration: registration)
            let first = try await client.send("POST", "/bookings", body: body, token: server.adminToken, headers: ["Idempotency-Key": "k-1"])
            let again = try await client.send("POST", "/bookings", body: body, token: server.adminToken, headers: ["Idempotency-Key": "k-1"])
            #expect(first.status == 201)
            #expect(again.status == 201)
            #expect(again.body == first.body)
            #expect(again.headers["idempotent-replayed"] == "true")
            let other = try await client.send("POST", "/bookings", body: bookingBody("2026-12-11", registration: registration),
                                              token: server.adminToken, headers: ["Idempotency-Key": "k-1"])
            #expect(other.status == 422)
            #expect(other.errorCode == "idempotency_key_reused")
            let taken = try await client.send("POST", "/bookings", body: body, token: server.adminToken, headers: ["Idempotency-Key": "k-2"])
            let takenAgain = try await client.send("POST", "/bookings", body: body, token: server.adminToken, headers: ["Idempotency-Key": "k-2"])
            #expect(taken.status == 409)
            #expect(takenAgain.body == taken.body)
            let list = try await client.send("GET", "/bookings?registration=\(registration)", token: server.adminToken)
            #expect(list.array.count == 1)
        }
    }
}
