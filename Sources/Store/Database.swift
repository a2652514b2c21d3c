import CSQLite

/// One SQLite connection.
///
/// A `Database` is not `Sendable`: it is opened with `SQLITE_OPEN_NOMUTEX`
/// and used by exactly one thread at a time. Callers only ever see it inside
/// the closures of `DatabasePool.write` and `DatabasePool.read`, and must not
/// let it escape them.
///
/// `run`, `query` and `queryOne` take one statement with `?` arguments and
/// keep its prepared form in a cache keyed by the SQL text; `execute` runs a
/// script of several statements without arguments and caches nothing.
public final class Database {
    let handle: OpaquePointer
    private var statements: [SQL: Statement] = [:]
    /// The writer's own transaction statements, apart from `statements` so
    /// that a write closure cannot reach them through `run`.
    private var controlStatements: [String: OpaquePointer] = [:]
    private var isClosed = false

    /// How many statements this connection has compiled for `run`, `query`
    /// and `queryOne`; a cache hit does not count.
    private(set) var preparedStatementCount = 0

    /// Most statements kept in the cache. The store's SQL is a fixed set of
    /// texts, so the limit is only reached when values are interpolated into
    /// SQL instead of bound; the cache is then emptied rather than left to
    /// grow without bound.
    var statementCacheCapacity = 256

    /// How many prepared statements the cache holds.
    var cachedStatementCount: Int { statements.count }

    /// While set, the authorizer refuses statements that would end or replace
    /// the writer's transaction (see `Database+TransactionGuard.swift`).
    var forbidsTransactionControl = false

    /// How many statements that may write (`sqlite3_stmt_readonly` false,
    /// and every script) this connection has run: a write that leaves it
    /// unchanged has changed nothing.
    var writeStatementCount = 0

    /// The write running on the writer's connection: how it is undone, and
    /// `writeStatementCount` when it began or was last undone.
    var runningWrite: (undo: WriteUndo, mark: Int)?

    /// Where errors that mean a damaged file are reported (the pool's).
    var faults: StoreFaultRecorder?

    /// Who queued the write now running on this connection, as the caller
    /// named it with `DatabasePool.$writeOrigin` (for example a request
    /// id), so a write closure can record it (the audit log does); nil
    /// outside writes and for writes queued without one.
    public internal(set) var writeOrigin: String?

    /// Opens the connection at `path` with `flags` (`SQLITE_OPEN_NOMUTEX` is
    /// always added).
    init(path: String, flags: Int32) throws {
        _ = Self.processSettings
        var connection: OpaquePointer?
        let code = sqlite3_open_v2(path, &connection, flags | SQLITE_OPEN_NOMUTEX, nil)
        guard code == SQLITE_OK, let connection else {
            let message = connection.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_close_v2(connection)
            throw StoreError(resultCode: code, message: "cannot open database: \(message)")
        }
        handle = connection
        sqlite3_extended_result_codes(handle, 1)
    }

    deinit {
        close()
    }

    /// The page cache's counters since the connection opened
    /// (`SQLITE_DBSTATUS_CACHE_WRITE`, `_HIT`, `_MISS`): pages written to
    /// the file (in WAL mode, the frames of each commit), found in the
    /// cache, and read from the file.
    var pageCacheCounters: (written: Int, hits: Int, misses: Int) {
        func counter(_ operation: Int32) -> Int {
            var current: Int32 = 0, highwater: Int32 = 0
            sqlite3_db_status(handle, operation, &current, &highwater, 0)
            return Int(current)
        }
        return (counter(SQLITE_DBSTATUS_CACHE_WRITE), counter(SQLITE_DBSTATUS_CACHE_HIT), counter(SQLITE_DBSTATUS_CACHE_MISS))
    }

    /// SQLite's process-wide settings, made once before the first
    /// connection opens (`sqlite3_config` is refused once SQLite is
    /// initialised): no memory statistics. With them on, every allocation
    /// and free inside SQLite takes a global mutex to update counters that
    /// nothing here reads (`sqlite3_memory_used`); the writer and the
    /// readers all paid it, on every statement.
    private static let processSettings: Void = {
        _ = csqlite_config_int(SQLITE_CONFIG_MEMSTATUS, 0)
    }()

    /// Finalizes every cached statement and closes the connection. Idempotent.
    func close() {
        guard !isClosed else { return }
        isClosed = true
        statements.removeAll()
        for statement in controlStatements.values { sqlite3_finalize(statement) }
        controlStatements.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Runs a script of zero or more statements that take no arguments
    /// (migrations, pragmas, `BEGIN`/`COMMIT`). Nothing is cached.
    /// - Throws: `StoreError` carrying the statement that failed.
    public func execute(_ sql: String) throws {
        try checkUsable(sql: sql)
        writeStatementCount += 1
        try sql.withCString { start in
            var next: UnsafePointer<CChar>? = start
            while let current = next, current.pointee != 0 {
                var statement: OpaquePointer?
                var tail: UnsafePointer<CChar>?
                guard sqlite3_prepare_v2(handle, current, -1, &statement, &tail) == SQLITE_OK else {
                    throw lastError(sql: sql)
                }
                next = tail
                guard let statement else { continue }
                defer { sqlite3_finalize(statement) }
                var code = sqlite3_step(statement)
                while code == SQLITE_ROW { code = sqlite3_step(statement) }
                guard code == SQLITE_DONE else {
                    throw lastError(sql: String(cString: sqlite3_sql(statement)))
                }
            }
        }
    }

    /// Runs one of the writer's or a reader's transaction statements
    /// (`BEGIN IMMEDIATE`, `BEGIN DEFERRED`, `SAVEPOINT`, `RELEASE`,
    /// `ROLLBACK TO`, `COMMIT`), prepared once and kept: compiling two or
    /// three of them for every write of a batch, and two for every read, was
    /// a measurable share of the time. They are kept out of the statement
    /// cache, so a write closure's `run("RELEASE …")` is still compiled, and
    /// refused, by the transaction guard.
    func executeControl(_ sql: String) throws {
        try checkUsable(sql: sql)
        let statement: OpaquePointer
        if let prepared = controlStatements[sql] {
            statement = prepared
        } else {
            var prepared: OpaquePointer?
            guard sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &prepared, nil) == SQLITE_OK,
                  let prepared else {
                throw lastError(sql: sql)
            }
            controlStatements[sql] = prepared
            statement = prepared
        }
        defer { sqlite3_reset(statement) }
        var code = sqlite3_step(statement)
        while code == SQLITE_ROW { code = sqlite3_step(statement) }
        guard code == SQLITE_DONE else { throw lastError(sql: sql) }
    }

    /// Runs one statement and returns how many rows it inserted, updated or
    /// deleted (`sqlite3_changes`). Rows a statement returns (`RETURNING`)
    /// are stepped through and dropped; use `query` to read them.
    @discardableResult
    public func run(_ sql: String, _ arguments: [SQLValue] = []) throws -> Int {
        try run(SQL(sql), arguments)
    }

    /// `run` of a statement declared once (`SQL`).
    @discardableResult
    public func run(_ sql: SQL, _ arguments: [SQLValue] = []) throws -> Int {
        let statement = try cachedStatement(sql)
        try statement.execute(arguments) { _ in }
        return Int(sqlite3_changes(handle))
    }

    /// Runs one statement and returns every row it produces.
    public func query(_ sql: String, _ arguments: [SQLValue] = []) throws -> [Row] {
        try query(SQL(sql), arguments)
    }

    /// `query` of a statement declared once (`SQL`).
    public func query(_ sql: SQL, _ arguments: [SQLValue] = []) throws -> [Row] {
        let statement = try cachedStatement(sql)
        var rows: [Row] = []
        let (columns, lookup) = statement.columns
        try statement.execute(arguments) { statement in
            let values = (0..<Int32(columns.count)).map { statement.value(at: $0) }
            rows.append(Row(columns: columns, values: values, lookup: lookup))
        }
        return rows
    }

    /// Runs one statement and returns its first row, or `nil` when it
    /// produces none. The statement is still run to completion, so a
    /// `RETURNING` write is never left half done.
    public func queryOne(_ sql: String, _ arguments: [SQLValue] = []) throws -> Row? {
        try query(SQL(sql), arguments).first
    }

    /// `queryOne` of a statement declared once (`SQL`).
    public func queryOne(_ sql: SQL, _ arguments: [SQLValue] = []) throws -> Row? {
        try query(sql, arguments).first
    }

    /// The rowid of the most recent successful `INSERT` on this connection.
    public var lastInsertRowID: Int64 {
        sqlite3_last_insert_rowid(handle)
    }

    /// Whether the connection is outside any explicit transaction.
    var isAutocommit: Bool {
        sqlite3_get_autocommit(handle) != 0
    }

    /// Refuses to run anything on a closed connection (one that escaped its
    /// closure and outlived its pool), and, inside a write closure, once
    /// SQLite has rolled the batch transaction back on its own (after
    /// `SQLITE_FULL`, an I/O error, …): the statement would otherwise run in
    /// autocommit mode and commit by itself, outside the batch whose failure
    /// its caller is told.
    private func checkUsable(sql: String) throws {
        guard !isClosed else { throw StoreError.closedPool }
        guard forbidsTransactionControl, isAutocommit else { return }
        throw StoreError(code: .transactionControl, resultCode: SQLITE_ABORT,
                         message: "SQLite rolled back the writer's transaction after an error", sql: sql)
    }

    /// The error SQLite last reported on this connection, attributed to `sql`.
    func lastError(sql: String?) -> StoreError {
        let code = sqlite3_extended_errcode(handle)
        let message = String(cString: sqlite3_errmsg(handle))
        if forbidsTransactionControl && code & 0xFF == SQLITE_AUTH {
            return StoreError(code: .transactionControl, resultCode: code,
                              message: "a write closure may not begin, commit, roll back or release the writer's transaction",
                              sql: sql)
        }
        let constraint = code & 0xFF == SQLITE_CONSTRAINT ? constraintViolation(code: code, message: message) : nil
        let error = StoreError(resultCode: code, message: message, sql: sql, constraint: constraint)
        faults?.record(error)
        return error
    }

    private func cachedStatement(_ key: SQL) throws -> Statement {
        let sql = key.text
        try checkUsable(sql: sql)
        if let statement = statements[key] { return statement }
        var handle: OpaquePointer?
        var tail: UnsafePointer<CChar>?
        let code = sql.withCString { text in
            let code = sqlite3_prepare_v3(self.handle, text, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &handle, &tail)
            if code == SQLITE_OK, let tail, !Self.isBlank(tail) {
                sqlite3_finalize(handle)
                handle = nil
                return SQLITE_MISUSE
            }
            return code
        }
        if code == SQLITE_MISUSE {
            throw StoreError(resultCode: code, message: "run and query take one statement; use execute for a script", sql: sql)
        }
        guard code == SQLITE_OK else { throw lastError(sql: sql) }
        guard let handle else {
            throw StoreError(resultCode: SQLITE_MISUSE, message: "no statement in SQL text", sql: sql)
        }
        preparedStatementCount += 1
        if statements.count >= statementCacheCapacity { statements.removeAll() }
        let statement = Statement(handle: handle, sql: sql, database: self)
        statements[key] = statement
        return statement
    }

    /// Whether what follows a statement is only whitespace and semicolons.
    private static func isBlank(_ text: UnsafePointer<CChar>) -> Bool {
        var cursor = text
        while cursor.pointee != 0 {
            switch UInt8(bitPattern: cursor.pointee) {
            case 0x20, 0x09, 0x0A, 0x0D, 0x3B: cursor += 1
            default: return false
            }
        }
        return true
    }
}

@available(*, unavailable, message: "A Database belongs to one thread at a time; use it only inside pool closures.")
extension Database: Sendable {}
