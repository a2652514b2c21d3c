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
    }

    public let code: Code
    public let resultCode: Int32
    public let message: String
    public let sql: String?

    public init(resultCode: Int32, message: String, sql: String? = nil) {
        self.init(code: .sqlite, resultCode: resultCode, message: message, sql: sql)
    }

    public init(code: Code, resultCode: Int32, message: String, sql: String? = nil) {
        self.code = code
        self.resultCode = resultCode
        self.message = message
        self.sql = sql
    }

    /// The primary SQLite result code (the low byte of `resultCode`).
    public var primaryResultCode: Int32 { resultCode & 0xFF }

    /// Whether SQLite refused the statement because of a constraint
    /// (`UNIQUE`, `CHECK`, `NOT NULL`, `FOREIGN KEY`, …).
    public var isConstraintViolation: Bool { code == .sqlite && primaryResultCode == 19 }

    public var description: String {
        "\(code.rawValue) (SQLite error \(resultCode)): \(message)" + (sql.map { " in \"\($0)\"" } ?? "")
    }
}

extension StoreError {
    /// The error of any call made on a closed `DatabasePool`.
    static let closedPool = StoreError(code: .closed, resultCode: 21, message: "the database pool is closed")
}
