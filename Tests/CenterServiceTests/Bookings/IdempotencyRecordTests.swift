import CalendarValues
import CenterDomain
import Store
import Testing
@testable import CenterService

/// An `Idempotency-Key` records the use case's typed outcome, never an HTTP
/// answer; records written before outcomes were typed are still replayed.
struct IdempotencyRecordTests {
    let f: BookingFixture

    init() async throws { f = try await BookingFixture(synchronousFull: false) }

    func request(_ registration: Int64) -> BookingRequest {
        BookingRequest(facility: "meeting-room-1", date: date("2026-12-10"), divisions: [.am], registration: registration)
    }

    @Test func aRecordNamesItsUseCaseAndHoldsTheValueNotAStatus() async throws {
        let registration = try await f.register(.general)
        let key = try IdempotencyKey(key: "typed-1", requestHash: [7])
        let first = try await f.service.bookings.book(request(registration), by: f.staff, idempotency: key)
        let (kind, body): (Int64, [UInt8]) = try await f.read { db in
            let row = try db.queryOne("SELECT status, body FROM idempotency_keys WHERE key = 'typed-1'")!
            return (try row.get("status"), try row.get("body"))
        }
        #expect(kind == IdempotencyStore.Kind.value.rawValue)
        #expect(body == Array("booking.create\n".utf8) + first.json)
    }

    @Test func theBookingsAuditLineRecordAndAnswerAreOneEncoding() async throws {
        let registration = try await f.register(.general)
        let key = try IdempotencyKey(key: "once-1", requestHash: [11])
        let booked = try await f.service.bookings.book(request(registration), by: f.staff, idempotency: key)
        let after: String = try await f.read { db in
            try db.queryOne("SELECT after FROM audit_log WHERE action = 'booking.create'")!.get("after")
        }
        #expect(Array(after.utf8) == booked.json)
        let read = try await f.service.bookings.booking(id: try #require(booked.value).id, for: f.staff)
        #expect(read == booked.value)
    }

    @Test func aRecordOfAnotherUseCaseIsNotReplayedAsThisOne() async throws {
        let registration = try await f.register(.general)
        let key = try IdempotencyKey(key: "typed-2", requestHash: [8])
        let booking = try #require(try await f.service.bookings.book(request(registration), by: f.staff, idempotency: key).value)
        let code = await f.refusal { _ = try await f.service.bookings.pay(booking: booking.id, by: f.staff, idempotency: key) }
        #expect(code == "idempotency_key_reused")
    }

    @Test func aResponseRecordedBeforeOutcomesWereTypedIsStillReplayed() async throws {
        let registration = try await f.register(.general)
        let key = try IdempotencyKey(key: "legacy-1", requestHash: [9])
        let old = Array(#"{"id":41}"#.utf8), actor = f.staff.auditLabel
        _ = try await f.service.pool.write { db in
            try db.run("INSERT INTO idempotency_keys (actor, key, request_hash, status, body, created_at) VALUES (?, ?, ?, 201, ?, 0)",
                       [.text(actor), .text("legacy-1"), .blob([9]), .blob(old)])
        }
        let again = try await f.service.bookings.book(request(registration), by: f.staff, idempotency: key)
        #expect(again.replayed)
        #expect(again.json == old)
    }

    @Test func aRefusalRecordedBeforeOutcomesWereTypedIsStillRefused() async throws {
        let registration = try await f.register(.general)
        let key = try IdempotencyKey(key: "legacy-2", requestHash: [10])
        let old = Array(#"{"code":"slot_taken","details":{"date":"2026-12-10"},"kind":"conflict","message":"taken"}"#.utf8)
        let actor = f.staff.auditLabel
        _ = try await f.service.pool.write { db in
            try db.run("INSERT INTO idempotency_keys (actor, key, request_hash, status, body, created_at) VALUES (?, ?, ?, 0, ?, 0)",
                       [.text(actor), .text("legacy-2"), .blob([10]), .blob(old)])
        }
        let code = await f.refusal { _ = try await f.service.bookings.book(request(registration), by: f.staff, idempotency: key) }
        #expect(code == "slot_taken")
    }
}
