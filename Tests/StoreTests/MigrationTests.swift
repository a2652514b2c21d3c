import Testing
@testable import Store

/// Ordered, recorded, each-in-its-own-transaction migrations.
@Suite struct MigrationTests {
    private let first = Migration(version: 1, name: "create a", sql: "CREATE TABLE a (x INTEGER)")
    private let second = Migration(version: 2, name: "create b", sql: "CREATE TABLE b (y INTEGER)")

    private func open(_ directory: TemporaryDirectory, _ migrations: [Migration]) throws -> DatabasePool {
        try DatabasePool(configuration: StoreConfiguration(path: directory.databasePath), migrations: migrations)
    }

    private func recorded(_ pool: DatabasePool) async throws -> [String] {
        try await pool.read { database in
            try database.query("SELECT version, name, applied_at FROM schema_migrations ORDER BY version").map { row in
                let appliedAt: String = try row.get("applied_at")
                #expect(!appliedAt.isEmpty)
                return "\(try row.get("version") as Int) \(try row.get("name") as String)"
            }
        }
    }

    @Test func migrationsAreAppliedAndRecordedInOrder() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let pool = try open(directory, [first, second])
        defer { pool.close() }
        #expect(try await recorded(pool) == ["1 create a", "2 create b"])
        #expect(try await count("b", in: pool) == 0)
    }

    @Test func appliedMigrationsAreSkippedOnReopen() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try open(directory, [first]).close()
        let pool = try open(directory, [first, second])
        defer { pool.close() }
        #expect(try await recorded(pool) == ["1 create a", "2 create b"])
    }

    @Test func aGapInVersionsIsRejected() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let third = Migration(version: 3, name: "create c", sql: "CREATE TABLE c (z)")
        let error = try #require(throws: StoreError.self) { try open(directory, [first, third]) }
        #expect(error.code == .migration)
    }

    @Test func migrationsOutOfOrderAreRejected() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let error = try #require(throws: StoreError.self) { try open(directory, [second, first]) }
        #expect(error.code == .migration)
    }

    @Test func aRecordedMigrationUnderAnotherNameIsRejected() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try open(directory, [first]).close()
        let renamed = Migration(version: 1, name: "create a renamed", sql: first.sql)
        let error = try #require(throws: StoreError.self) { try open(directory, [renamed]) }
        #expect(error.code == .migration)
    }

    @Test func aRecordedMigrationThisBuildDoesNotKnowIsRejected() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try open(directory, [first, second]).close()
        let error = try #require(throws: StoreError.self) { try open(directory, [first]) }
        #expect(error.code == .migration)
    }

    @Test func aFailingMigrationLeavesNothingOfItselfApplied() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let failing = Migration(version: 2, name: "half done", sql: """
            CREATE TABLE b (y INTEGER);
            INSERT INTO missing_table VALUES (1);
            """)
        #expect(throws: StoreError.self) { try open(directory, [first, failing]) }
        let pool = try open(directory, [first])
        defer { pool.close() }
        #expect(try await recorded(pool) == ["1 create a"])
        let tables = try await pool.read { try $0.query("SELECT name FROM sqlite_schema WHERE name = 'b'").count }
        #expect(tables == 0)
    }
}
