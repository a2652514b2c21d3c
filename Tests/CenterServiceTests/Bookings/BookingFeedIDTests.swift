import CenterDomain
import Store
import Testing
@testable import CenterService

/// The public feed id of a booking (migration 7): random, unique, given to
/// every booking however it is inserted, and never changed.
struct BookingFeedIDTests {
    let f: BookingFixture

    init() async throws { f = try await BookingFixture() }

    @Test func everyBookingGetsItsOwnRandomFeedID() async throws {
        let registration = try await f.register(.general)
        let first = try await f.book("2026-12-10", registration: registration)
        let second = try await f.book("2026-12-12", registration: registration)
        #expect(first.feedID.count == 32 && first.feedID.allSatisfy(\.isHexDigit))
        #expect(first.feedID != second.feedID)
    }

    @Test func aBookingInsertedWithoutAFeedIDGetsOneFromTheSchema() async throws {
        let registration = try await f.register(.general)
        let feedID: String? = try await f.service.pool.write { db in
            try db.run("""
                INSERT INTO bookings (registration_id, category, facility_id, first_date, last_date, divisions, purpose,
                    attendees, admission_charged, commercial, out_of_ward, state, fee_total, fee_breakdown,
                    payment_deadline, created_at, created_by)
                VALUES (?, 'general', 'meeting-room-1', '2026-12-10', '2026-12-10', 'am', 'x', 1, 0, 0, 0, 'provisional', 0, '{}', 0, 0, 'test')
                """, [.integer(registration)])
            return try db.queryOne("SELECT feed_id FROM bookings WHERE id = ?", [.integer(db.lastInsertRowID)])?.get("feed_id")
        }
        #expect(feedID?.count == 32)
    }

    @Test func aFeedIDNeverChanges() async throws {
        let registration = try await f.register(.general)
        let booking = try await f.book("2026-12-10", registration: registration)
        await #expect(throws: StoreError.self) {
            try await f.service.pool.write { db in
                try db.run("UPDATE bookings SET feed_id = 'guessable' WHERE id = ?", [.integer(booking.id)])
            }
        }
        #expect(try await f.service.bookings.booking(id: booking.id, for: f.staff).feedID == booking.feedID)
    }
}
