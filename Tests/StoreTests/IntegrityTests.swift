import Foundation
import Testing
@testable import Store

/// PRAGMA quick_check / integrity_check / foreign_key_check, attributed to
/// tables, and the fault a damaged page leaves on a running pool.
@Suite struct IntegrityTests {
    @Test func healthyFilePassesBothDepths() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try await DamagedFile.itemsDatabase(in: directory)
        #expect(try DatabaseIntegrity.check(path: path, depth: .quick).isOK)
        #expect(try DatabaseIntegrity.check(path: path, depth: .full).isOK)
    }

    @Test func damagedTablePageIsNamedByTheQuickCheck() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try await DamagedFile.itemsDatabase(in: directory)
        try DamagedFile.damageRootPage(of: "items", in: path)
        let report = try DatabaseIntegrity.check(path: path, depth: .quick)
        #expect(!report.isOK)
        #expect(report.tables == ["items"], "only the damaged table is named: \(report.problems)")
    }

    @Test func fullCheckNamesTheDamagedTableToo() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try await DamagedFile.itemsDatabase(in: directory)
        try DamagedFile.damageRootPage(of: "items", in: path)
        #expect(try DatabaseIntegrity.check(path: path, depth: .full).tables == ["items"])
    }

    @Test func missingParentRowsAreReportedByTable() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let pool = try DatabasePool(configuration: StoreConfiguration(path: directory.databasePath), migrations: testMigrations)
        try await pool.write { db in
            try db.run("PRAGMA defer_foreign_keys = ON")
            try db.run("INSERT INTO parents (id) VALUES (1)")
            try db.run("INSERT INTO children (id, parent_id) VALUES (1, 1), (2, 1)")
        }
        // Foreign keys off on a side connection, as a careless manual edit would be.
        let side = try Database(path: directory.databasePath, flags: 2)
        try side.execute("PRAGMA foreign_keys = OFF; DELETE FROM parents WHERE id = 1")
        side.close()
        pool.close()
        let report = try DatabaseIntegrity.check(path: directory.databasePath, depth: .quick)
        #expect(report.tables == ["children"])
        #expect(report.problems.first?.message.contains("2 rows of children refer to a missing row of parents") == true)
    }

    @Test func queryOnDamagedPageFaultsThePool() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try await DamagedFile.itemsDatabase(in: directory)
        try DamagedFile.damageRootPage(of: "items", in: path)
        let pool = try DatabasePool(configuration: StoreConfiguration(path: path), migrations: testMigrations)
        defer { pool.close() }
        #expect(pool.fault == nil, "opening reads only the schema")
        let error = try await #require(throws: StoreError.self) {
            try await pool.read { db in try db.query("SELECT amount FROM items").count }
        }
        #expect(error.isFault)
        #expect(error.resultCodeName == "SQLITE_CORRUPT")
        let fault = try #require(pool.fault)
        #expect(fault.resultCode & 0xFF == 11)
        #expect(fault.message == "database disk image is malformed")
        #expect(fault.sql == "SELECT amount FROM items")
    }

    @Test func refusedStatementIsNoFault() async throws {
        try await withPool { pool in
            _ = try await pool.write { db in try insertItem("one", into: db) }
            await #expect(throws: StoreError.self) { try await pool.write { db in try insertItem("one", into: db) } }
            await #expect(throws: StoreError.self) { try await pool.read { db in try db.query("SELECT nope FROM items") } }
            #expect(pool.fault == nil)
        }
    }

    @Test func writeOriginReachesTheWriteClosure() async throws {
        try await withPool { pool in
            let seen = try await DatabasePool.$writeOrigin.withValue("req-1") {
                try await pool.write { db in db.writeOrigin }
            }
            #expect(seen == "req-1")
            #expect(try await pool.write { db in db.writeOrigin } == nil)
        }
    }
}
