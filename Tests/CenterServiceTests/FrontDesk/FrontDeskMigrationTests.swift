import CalendarValues
import CenterDomain
import Foundation
import Store
import Testing
@testable import CenterService

/// The front desk's migration keeps every closure and what it cancelled: a
/// reason typed in Japanese into the old English field becomes Japanese, and
/// the bookings earlier closures cancelled are listed as theirs.
struct FrontDeskMigrationTests {
    @Test func oldClosuresKeepTheirReasonsInTheirLanguageAndTheirCancellations() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("migration-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/center.sqlite"
        let before = Array(Schema.migrations.prefix { $0.name != Schema.frontDesk.name })
        let old = try DatabasePool(configuration: StoreConfiguration(path: path), migrations: before)
        try await old.write { db in
            try db.execute("""
                INSERT INTO registrations (id, category, name, contact, in_ward, evidence, valid_from, valid_until, status,
                    created_at, created_by, updated_at, updated_by)
                VALUES (1, 'general', 'A', '', 1, '{}', '2026-01-01', '2027-12-31', 'active', 0, 't', 0, 't');
                INSERT INTO closures (id, first_date, last_date, facilities, reason, reason_ja, created_at, created_by)
                VALUES (1, '2026-12-09', '2026-12-09', 'gym', '漏水', NULL, 0, 't'),
                       (2, '2026-12-10', '2026-12-10', '', 'Fire drill', '消防訓練', 0, 't'),
                       (3, '2026-12-11', '2026-12-11', '', 'Inspection', NULL, 0, 't');
                INSERT INTO bookings (id, registration_id, category, facility_id, first_date, last_date, divisions, purpose,
                    attendees, admission_charged, commercial, out_of_ward, state, fee_total, fee_breakdown, payment_deadline,
                    created_at, created_by, cancelled_at, cancelled_by, cancel_reason, refund_percent, refund_amount)
                VALUES (1, 1, 'general', 'gym', '2026-12-09', '2026-12-09', 'am', 'p', 1, 0, 0, 0, 'cancelled_by_center', 6000,
                        '{}', 0, 0, 't', 0, 't', 'closure #1: 漏水', 100, 6000);
                """)
        }
        old.close()
        let store = try CenterStore.open(path: path)
        defer { store.close() }
        let rows = try await store.pool.read { db in
            try db.query("SELECT id, reason_ja, reason_en FROM closures ORDER BY id").map {
                (try $0.get("reason_ja") as String?, try $0.get("reason_en") as String?)
            }
        }
        #expect(rows.map(\.0) == ["漏水", "消防訓練", nil])
        #expect(rows.map(\.1) == [nil, "Fire drill", "Inspection"])
        let effects = try await store.pool.read { db in
            try db.query("SELECT closure_id, booking_id, refund FROM closure_effects").map {
                [try $0.get("closure_id") as Int64, try $0.get("booking_id") as Int64, try $0.get("refund") as Int64]
            }
        }
        #expect(effects == [[1, 1, 6000]])
    }
}
