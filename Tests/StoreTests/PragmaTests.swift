import Testing
@testable import Store

/// docs/SERVER.md 2.2: the pragmas are in effect on the writer and the readers.
@Suite struct PragmaTests {
    private static let pragmas = "SELECT (SELECT journal_mode FROM pragma_journal_mode) AS journal_mode, "
        + "(SELECT synchronous FROM pragma_synchronous) AS synchronous, "
        + "(SELECT foreign_keys FROM pragma_foreign_keys) AS foreign_keys, "
        + "(SELECT trusted_schema FROM pragma_trusted_schema) AS trusted_schema, "
        + "(SELECT temp_store FROM pragma_temp_store) AS temp_store"

    private func check(_ row: Row?, synchronous: Int = 2) throws {
        let row = try #require(row)
        #expect(try row.get("journal_mode") == "wal")
        #expect(try row.get("synchronous") == synchronous)
        #expect(try row.get("foreign_keys") == 1)
        #expect(try row.get("trusted_schema") == 0)
        #expect(try row.get("temp_store") == 2, "temp_store = MEMORY: savepoint journals never spill to a file")
    }

    @Test func writerRunsInWALWithFullSyncForeignKeysAndUntrustedSchema() async throws {
        try await withPool { pool in
            try check(try await pool.write { try $0.queryOne(Self.pragmas) })
        }
    }

    @Test func readersRunInWALWithFullSyncForeignKeysAndUntrustedSchema() async throws {
        try await withPool { pool in
            try check(try await pool.read { try $0.queryOne(Self.pragmas) })
        }
    }

    @Test func synchronousNormalIsAppliedWhenConfigured() async throws {
        try await withPool(configure: { $0.synchronous = .normal }) { pool in
            try check(try await pool.write { try $0.queryOne(Self.pragmas) }, synchronous: 1)
        }
    }

    @Test func readersAreReadOnly() async throws {
        try await withPool { pool in
            let error = try await #require(throws: StoreError.self) {
                try await pool.read { try insertItem("nope", into: $0) }
            }
            #expect(error.primaryResultCode == 8)
        }
    }

    @Test func missingParentDirectoryIsCreated() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let pool = try DatabasePool(configuration: StoreConfiguration(path: directory.path + "/a/b/c/db.sqlite"), migrations: [])
        pool.close()
    }
}
