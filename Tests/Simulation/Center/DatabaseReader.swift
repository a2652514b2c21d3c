import CSQLite

/// The checker's own connection to the center's database: plain SQL over
/// the SQLite C API, apart from the store and from every read of the
/// service, so an invariant is judged on the rows themselves and not on
/// the code under test. Read-only, except for the simulator's own tests,
/// which plant violations with `writable`.
public final class DatabaseReader {
    /// One column value as the checker reads it.
    public enum Cell: Equatable, Sendable, CustomStringConvertible {
        case null
        case int(Int64)
        case real(Double)
        case text(String)

        public var int: Int64? { if case .int(let v) = self { return v }; return nil }
        public var text: String? { if case .text(let v) = self { return v }; return nil }

        public var description: String {
            switch self {
            case .null: "NULL"
            case .int(let v): String(v)
            case .real(let v): String(v)
            case .text(let v): v
            }
        }
    }

    /// A statement the checker could not run, with SQLite's message.
    public struct Failure: Error, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    private let handle: OpaquePointer
    public let path: String
    /// Prepared statements by their SQL: the checker runs the same few
    /// dozen after every step.
    private var prepared: [String: OpaquePointer] = [:]

    public init(path: String, writable: Bool = false) throws {
        var connection: OpaquePointer?
        let flags = (writable ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY) | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &connection, flags, nil)
        guard code == SQLITE_OK, let connection else {
            sqlite3_close_v2(connection)
            throw Failure(message: "cannot open \(path): SQLite \(code)")
        }
        handle = connection
        self.path = path
        sqlite3_busy_timeout(handle, 5000)
    }

    deinit {
        for statement in prepared.values { sqlite3_finalize(statement) }
        sqlite3_close_v2(handle)
    }

    private func statement(_ sql: String) throws -> OpaquePointer {
        if let statement = prepared[sql] { return statement }
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw Failure(message: "\(String(cString: sqlite3_errmsg(handle))) in \(sql)")
        }
        prepared[sql] = statement
        return statement
    }

    /// Every row of `sql`, with `arguments` bound to its `?` in order.
    public func rows(_ sql: String, _ arguments: [Cell] = []) throws -> [[Cell]] {
        let statement = try statement(sql)
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        for (offset, argument) in arguments.enumerated() {
            let index = Int32(offset + 1)
            switch argument {
            case .null: sqlite3_bind_null(statement, index)
            case .int(let v): sqlite3_bind_int64(statement, index, v)
            case .real(let v): sqlite3_bind_double(statement, index, v)
            case .text(let v): sqlite3_bind_text(statement, index, v, -1, csqlite_transient())
            }
        }
        var result: [[Cell]] = []
        let columns = sqlite3_column_count(statement)
        while true {
            let step = sqlite3_step(statement)
            if step == SQLITE_DONE { break }
            guard step == SQLITE_ROW else {
                throw Failure(message: "\(String(cString: sqlite3_errmsg(handle))) in \(sql)")
            }
            var row: [Cell] = []
            row.reserveCapacity(Int(columns))
            for column in 0..<columns {
                switch sqlite3_column_type(statement, column) {
                case SQLITE_INTEGER: row.append(.int(sqlite3_column_int64(statement, column)))
                case SQLITE_FLOAT: row.append(.real(sqlite3_column_double(statement, column)))
                case SQLITE_NULL: row.append(.null)
                default:
                    if let text = sqlite3_column_text(statement, column) {
                        row.append(.text(String(cString: text)))
                    } else {
                        row.append(.text(""))
                    }
                }
            }
            result.append(row)
        }
        return result
    }

    /// Runs a statement that returns no rows (the simulator's own tests plant
    /// violations with it on a `writable` connection).
    public func run(_ sql: String, _ arguments: [Cell] = []) throws {
        _ = try rows(sql, arguments)
    }

    /// The first column of the first row as an integer (0 when none).
    public func int(_ sql: String, _ arguments: [Cell] = []) throws -> Int64 {
        try rows(sql, arguments).first?.first?.int ?? 0
    }

    /// The first column of the first row as text (nil when none or NULL).
    public func text(_ sql: String, _ arguments: [Cell] = []) throws -> String? {
        try rows(sql, arguments).first?.first?.text
    }

    /// Runs `work` inside one read transaction, so every query sees one
    /// committed state of the database.
    public func snapshot<T>(_ work: () throws -> T) throws -> T {
        try run("BEGIN")
        defer { try? run("COMMIT") }
        return try work()
    }
}
