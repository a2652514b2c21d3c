import CalendarValues
import CenterDomain
import Foundation
import Store
import TestEvents
import Testing
@testable import CenterService

/// Migration 12: the bookings' value checks as `OR` chains (no temporary
/// b-tree per insert), no feed-id index, the feed id's default in the column
/// rather than a trigger; an existing database keeps every row, the checks
/// refuse what they refused, and the queries keep their indexes.
struct WriterCostMigrationTests {
    @Test func anExistingDatabaseKeepsItsBookingsAndGetsTheNewChecks() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("migration-12-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/center.sqlite"
        let before = Array(Schema.migrations.prefix { $0.version < Schema.writerCost.version })
        let old = try await blocking { try DatabasePool(configuration: StoreConfiguration(path: path), migrations: before) }
        try await old.write { db in
            try db.execute("""
                INSERT INTO registrations (id, category, name, contact, in_ward, evidence, valid_from, valid_until, status,
                    created_at, created_by, updated_at, updated_by)
                VALUES (1, 'general', 'A', '', 1, '{}', '2026-01-01', '2027-12-31', 'active', 0, 't', 0, 't');
                INSERT INTO bookings (id, registration_id, category, facility_id, first_date, last_date, divisions, purpose,
                    attendees, admission_charged, commercial, out_of_ward, state, fee_total, fee_breakdown, payment_deadline,
                    created_at, created_by, feed_id, source)
                VALUES (7, 1, 'general', 'gym', '2026-12-09', '2026-12-09', 'am', 'p', 1, 0, 0, 0, 'provisional', 6000,
                        '{}', 0, 0, 't', '0123456789abcdef0123456789abcdef', 'series');
                """)
        }
        let store = try await blocking {
            old.close()
            return try CenterStore.open(path: path)
        }
        defer {
            blockingInBackground {
                store.close()
                try? FileManager.default.removeItem(atPath: directory)
            }
        }
        let (kept, table, indexes): ([String], String, [String]) = try await store.pool.read { db in
            let row = try db.queryOne("SELECT category, state, source, feed_id FROM bookings WHERE id = 7")
            let kept = try (0..<4).map { try row?.get($0) as String? ?? "" }
            let table: String = try db.queryOne("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'bookings'")?
                .get(0) ?? ""
            let indexes = try db.query("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'bookings'")
                .map { try $0.get(0) as String }
            return (kept, table, indexes)
        }
        #expect(kept == ["general", "provisional", "series", "0123456789abcdef0123456789abcdef"])
        for rewrite in Schema.bookingRewrites {
            #expect(table.contains(rewrite.new) && !table.contains(rewrite.old))
        }
        #expect(!indexes.contains("bookings_feed_id"))
        let triggers: [String] = try await store.pool.read { db in
            try db.query("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'bookings'").map { try $0.get(0) }
        }
        #expect(triggers == ["bookings_feed_id_kept"])
        #expect(try await store.pool.read { db in try db.queryOne("PRAGMA integrity_check")?.get(0) as String? } == "ok")
    }

    @Test func theBookingChecksStillRefuseAValueOutsideTheirLists() async throws {
        let f = try await BookingFixture(synchronousFull: false)
        let registration = try await f.register(.general)
        for (column, value) in [("category", "ward_office"), ("state", "held"), ("source", "phone")] {
            let values = ["category": "general", "state": "provisional", "source": "request"].merging([column: value]) { $1 }
            await #expect(throws: StoreError.self, "\(column) = \(value)") {
                try await f.service.pool.write { db in
                    try db.run("""
                        INSERT INTO bookings (registration_id, category, facility_id, first_date, last_date, divisions, purpose,
                            attendees, admission_charged, commercial, out_of_ward, state, fee_total, fee_breakdown,
                            payment_deadline, created_at, created_by, source)
                        VALUES (?, ?, 'meeting-room-1', '2026-12-10', '2026-12-10', 'am', 'x', 1, 0, 0, 0, ?, 0, '{}', 0, 0, 't', ?)
                        """, [.integer(registration), .text(values["category"] ?? ""), .text(values["state"] ?? ""),
                              .text(values["source"] ?? "")])
                }
            }
        }
    }

    @Test func aBookingInsertAndACancelBuildNoTemporaryBTree() async throws {
        let f = try await BookingFixture(synchronousFull: false)
        let opcodes: [String] = try await f.service.pool.read { db in
            try [BookingDesk.insertBooking, Bookings.cancelStatement].flatMap { statement in
                try db.query(SQL("EXPLAIN " + statement.text), Array(repeating: .null, count: statement.text.filter { $0 == "?" }.count))
                    .map { try $0.get("opcode") as String }
            }
        }
        #expect(!opcodes.isEmpty)
        #expect(!opcodes.contains("OpenEphemeral"))
    }

    @Test func theQueriesOnBookingsStillSearchAnIndex() async throws {
        let f = try await BookingFixture(synchronousFull: false)
        let queries = [
            "SELECT id FROM bookings WHERE registration_id = 1 AND first_date <= '2026-12-31' AND last_date >= '2026-12-01'",
            "SELECT id FROM bookings WHERE facility_id = 'gym' AND first_date <= '2026-12-31' AND last_date >= '2026-12-01'",
            "SELECT min(payment_deadline) FROM bookings WHERE state = 'provisional'",
            "SELECT min(last_date) FROM bookings WHERE state IN ('paid', 'checked_in')",
            "SELECT id FROM bookings WHERE series_id = 3 ORDER BY first_date, id",
        ]
        for query in queries {
            let plan: [String] = try await f.service.pool.read { db in
                try db.query("EXPLAIN QUERY PLAN " + query).map { try $0.get("detail") as String }
            }
            #expect(plan.contains { $0.contains("USING INDEX") || $0.contains("USING COVERING INDEX") }, "\(query): \(plan)")
        }
    }
}
