/// A failure of the SQLite store: a stable code, the SQLite result code, the
/// SQL that failed (never the bound values), and a message.
///
/// `resultCode` is SQLite's *extended* result code (for example 2067,
/// `SQLITE_CONSTRAINT_UNIQUE`); `primaryResultCode` strips it to the primary
/// code (19, `SQLITE_CONSTRAINT`). Failures that do not come from SQLite
/// itself (a missing column, a closed pool, a bad migration list) carry the
/// closest SQLite code and their own `code`.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    /// Stable, machine-readable kinds of store failure.
    public enum Code: String, Sendable, Hashable {
        /// SQLite refused a statement or an operation.
        case sqlite = "store.sqlite"
        /// A row has no column of the requested name or index.
        case columnNotFound = "store.column_not_found"
        /// A column's value does not fit the requested Swift type.
        case typeMismatch = "store.type_mismatch"
        /// The pool was closed before or while the call was made.
        case closed = "store.closed"
        /// The migration list is out of order, has a gap, or disagrees with
        /// the migrations recorded in the database.
        case migration = "store.migration"
        /// The database could not be configured as required (for example
        /// `journal_mode` did not become `wal`).
        case configuration = "store.configuration"
        /// A write closure tried to end or replace the writer's transaction.
        case transactionControl = "store.transaction_control"
        /// A database file failed `PRAGMA integrity_check` or
        /// `foreign_key_check` (a backup's copy, a file to restore).
        case integrity = "store.integrity"
        /// A file operation around the database failed (rename, fsync).
        case file = "store.file"
    }

    public let code: Code
    public let resultCode: Int32
    public let message: String
    public let sql: String?
    /// For a constraint violation, the constraint, named as the schema names
    /// it (the UNIQUE index, the CHECK, the trigger); nil otherwise.
    public let constraint: ConstraintViolation?

    public init(resultCode: Int32, message: String, sql: String? = nil, constraint: ConstraintViolation? = nil) {
        self.init(code: .sqlite, resultCode: resultCode, message: message, sql: sql, constraint: constraint)
    }

    public init(code: Code, resultCode: Int32, message: String, sql: String? = nil, constraint: ConstraintViolation? = nil) {
        self.code = code
        self.resultCode = resultCode
        self.message = message
        self.sql = sql
        self.constraint = constraint
    }

    /// The primary SQLite result code (the low byte of `resultCode`).
    public var primaryResultCode: Int32 { resultCode & 0xFF }

    /// Whether SQLite refused the statement because of a constraint
    /// (`UNIQUE`, `CHECK`, `NOT NULL`, `FOREIGN KEY`, …).
    public var isConstraintViolation: Bool { code == .sqlite && primaryResultCode == 19 }

    /// Whether the error means the database file is damaged or unreadable
    /// (`SQLITE_CORRUPT`, `SQLITE_NOTADB`, `SQLITE_IOERR`), not that a
    /// statement was refused.
    public var isFault: Bool { code == .sqlite && StoreFault.isFault(resultCode: resultCode) }

    /// The name of the primary result code (`SQLITE_CORRUPT`), for logs.
    public var resultCodeName: String { StoreError.name(ofResultCode: primaryResultCode) }

    /// The name of a primary SQLite result code, `SQLITE_<n>` for one not listed.
    public static func name(ofResultCode code: Int32) -> String {
        let names: [Int32: String] = [
            0: "SQLITE_OK", 1: "SQLITE_ERROR", 2: "SQLITE_INTERNAL", 3: "SQLITE_PERM", 4: "SQLITE_ABORT",
            5: "SQLITE_BUSY", 6: "SQLITE_LOCKED", 7: "SQLITE_NOMEM", 8: "SQLITE_READONLY", 9: "SQLITE_INTERRUPT",
            10: "SQLITE_IOERR", 11: "SQLITE_CORRUPT", 12: "SQLITE_NOTFOUND", 13: "SQLITE_FULL", 14: "SQLITE_CANTOPEN",
            15: "SQLITE_PROTOCOL", 17: "SQLITE_SCHEMA", 18: "SQLITE_TOOBIG", 19: "SQLITE_CONSTRAINT",
            20: "SQLITE_MISMATCH", 21: "SQLITE_MISUSE", 23: "SQLITE_AUTH", 25: "SQLITE_RANGE", 26: "SQLITE_NOTADB",
        ]
        return names[code & 0xFF] ?? "SQLITE_\(code & 0xFF)"
    }

    public var description: String {
        "\(code.rawValue) (SQLite error \(resultCode)): \(message)" + (sql.map { " in \"\($0)\"" } ?? "")
    }
}

extension StoreError {
    /// The error of any call made on a closed `DatabasePool`.
    static let closedPool = StoreError(code: .closed, resultCode: 21, message: "the database pool is closed")
}
