import CSQLite

extension Database {
    /// Opens the read-write connection the writer owns, creating the file.
    static func openWriter(_ configuration: StoreConfiguration) throws -> Database {
        let database = try Database(path: configuration.path, flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        try database.configure(configuration)
        return database
    }

    /// Opens a read-only connection; the file must already exist in WAL mode.
    static func openReader(_ configuration: StoreConfiguration) throws -> Database {
        let database = try Database(path: configuration.path, flags: SQLITE_OPEN_READONLY)
        try database.configure(configuration)
        return database
    }

    /// Opens a read-write connection that is not the writer, for WAL
    /// checkpoints (a read-only connection cannot checkpoint).
    static func openCheckpointer(_ configuration: StoreConfiguration) throws -> Database {
        let database = try Database(path: configuration.path, flags: SQLITE_OPEN_READWRITE)
        try database.configure(configuration)
        return database
    }

    /// Applies the pragmas of docs/SERVER.md 2.2 to this connection.
    ///
    /// `journal_mode` is checked to have become `wal`, because SQLite reports
    /// a refusal (for example on a file system without shared memory) by
    /// answering with the old mode rather than with an error.
    func configure(_ configuration: StoreConfiguration) throws {
        sqlite3_busy_timeout(handle, configuration.busyTimeoutMilliseconds)
        // Double-quoted strings are identifiers only: a misspelt column in
        // "quotes" is an error instead of silently becoming a string literal.
        var ignored: Int32 = 0
        _ = csqlite_db_config_int(handle, SQLITE_DBCONFIG_DQS_DDL, 0, &ignored)
        _ = csqlite_db_config_int(handle, SQLITE_DBCONFIG_DQS_DML, 0, &ignored)

        let mode = try queryOne("PRAGMA journal_mode = WAL").flatMap { try $0.get(0) as String? }
        guard mode?.lowercased() == "wal" else {
            throw StoreError(code: .configuration, resultCode: SQLITE_ERROR,
                             message: "journal_mode is \(mode ?? "unknown"), not wal", sql: "PRAGMA journal_mode = WAL")
        }
        try execute("""
            PRAGMA synchronous = \(configuration.synchronous.rawValue);
            PRAGMA foreign_keys = ON;
            PRAGMA trusted_schema = OFF;
            PRAGMA temp_store = MEMORY;
            """)
    }
}
