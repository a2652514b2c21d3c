import CSQLite

extension Database {
    /// Applies the migrations not yet recorded, each in its own transaction,
    /// in version order (one missing below a recorded one included).
    /// - Throws: `StoreError` with code `.migration` when the versions do not
    ///   strictly increase, or the list disagrees with what the database
    ///   recorded; the SQLite error of a failing migration, whose transaction
    ///   is rolled back so that nothing of it remains.
    func migrate(_ migrations: [Migration]) throws {
        try Self.validateOrder(migrations)
        try execute("""
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                applied_at TEXT NOT NULL
            ) STRICT
            """)
        let applied = try query("SELECT version, name FROM schema_migrations ORDER BY version")
        var appliedNames: [Int: String] = [:]
        for row in applied {
            appliedNames[try row.get("version")] = try row.get("name")
        }
        let byVersion = Dictionary(migrations.map { ($0.version, $0) }, uniquingKeysWith: { first, _ in first })
        for (version, name) in appliedNames {
            guard let known = byVersion[version] else {
                throw Self.migrationError("database has migration \(version) '\(name)', which this build does not know")
            }
            guard known.name == name else {
                throw Self.migrationError("database recorded migration \(version) as '\(name)', this build calls it '\(known.name)'")
            }
        }
        for migration in migrations where appliedNames[migration.version] == nil {
            try apply(migration)
        }
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
        var previous = 0
        for migration in migrations {
            guard migration.version > previous else {
                throw migrationError("migration '\(migration.name)' has version \(migration.version) after version \(previous); versions must start at 1 and increase")
            }
            previous = migration.version
        }
    }

    private static func migrationError(_ message: String) -> StoreError {
        StoreError(code: .migration, resultCode: SQLITE_ERROR, message: message)
    }
}
