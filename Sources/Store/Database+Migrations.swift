import CSQLite

extension Database {
    /// Applies the migrations not yet recorded, each in its own transaction.
    /// - Throws: `StoreError` with code `.migration` when the list is out of
    ///   order, has a gap, or disagrees with what the database recorded; the
    ///   SQLite error of a failing migration, whose transaction is rolled
    ///   back so that nothing of it remains.
    func migrate(_ migrations: [Migration]) throws {
        try Self.validateOrder(migrations)
        try execute("""
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                applied_at TEXT NOT NULL
            ) STRICT
            """)
        let appliedNames = try recordedMigrations(agreeWith: migrations)
        guard migrations.contains(where: { appliedNames[$0.version] == nil }) else { return }
        // A migration may change a CHECK in place (`PRAGMA writable_schema`,
        // SQLite's documented way), which a build of SQLite that starts in
        // defensive mode refuses: off while migrating, as it was afterwards.
        var defensive: Int32 = 0
        _ = csqlite_db_config_int(handle, SQLITE_DBCONFIG_DEFENSIVE, -1, &defensive)
        var ignored: Int32 = 0
        _ = csqlite_db_config_int(handle, SQLITE_DBCONFIG_DEFENSIVE, 0, &ignored)
        defer { _ = csqlite_db_config_int(handle, SQLITE_DBCONFIG_DEFENSIVE, defensive, &ignored) }
        for migration in migrations where appliedNames[migration.version] == nil {
            try apply(migration)
        }
    }

    /// The migrations the database recorded, by version, after checking that
    /// each is one of `migrations` under the same name.
    /// - Throws: `StoreError` with code `.migration` when the database has a
    ///   migration this list does not know or names one differently; the
    ///   SQLite error when `schema_migrations` cannot be read (a file that is
    ///   not this store's has none).
    @discardableResult
    public func recordedMigrations(agreeWith migrations: [Migration]) throws -> [Int: String] {
        var appliedNames: [Int: String] = [:]
        for row in try query("SELECT version, name FROM schema_migrations ORDER BY version") {
            appliedNames[try row.get("version")] = try row.get("name")
        }
        for (version, name) in appliedNames {
            guard migrations.indices.contains(version - 1) else {
                throw Self.migrationError("database has migration \(version) '\(name)', which this build does not know")
            }
            let known = migrations[version - 1]
            guard known.name == name else {
                throw Self.migrationError("database recorded migration \(version) as '\(name)', this build calls it '\(known.name)'")
            }
        }
        return appliedNames
    }

    private func apply(_ migration: Migration) throws {
        try execute("BEGIN IMMEDIATE")
        do {
            try execute(migration.sql)
            try run("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
                    [.integer(Int64(migration.version)), .text(migration.name)])
            try execute("COMMIT")
        } catch {
            if !isAutocommit { try? execute("ROLLBACK") }
            throw error
        }
    }

    private static func validateOrder(_ migrations: [Migration]) throws {
        for (offset, migration) in migrations.enumerated() where migration.version != offset + 1 {
            throw migrationError("migration '\(migration.name)' has version \(migration.version) at position \(offset + 1); versions must run 1, 2, 3, … in order without a gap")
        }
    }

    private static func migrationError(_ message: String) -> StoreError {
        StoreError(code: .migration, resultCode: SQLITE_ERROR, message: message)
    }
}
