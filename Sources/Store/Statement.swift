import CSQLite
import Glibc

/// A prepared statement owned by one `Database`.
///
/// Every execution binds the arguments, steps to completion, then resets the
/// statement and clears its bindings, so a cached statement never holds a
/// read transaction open or keeps a previous caller's values alive.
final class Statement {
    let handle: OpaquePointer
    let sql: String
    unowned let database: Database

    /// Whether the statement never writes (`sqlite3_stmt_readonly`).
    let isReadOnly: Bool

    init(handle: OpaquePointer, sql: String, database: Database) {
        self.handle = handle
        self.sql = sql
        self.database = database
        isReadOnly = sqlite3_stmt_readonly(handle) != 0
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// Binds `arguments`, steps through every row, and hands each to `body`.
    /// The statement is reset and its bindings cleared on every exit path.
    func execute(_ arguments: [SQLValue], row body: (Statement) throws -> Void) throws {
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }
        try bind(arguments)
        if !isReadOnly { database.writeStatementCount += 1 }
        while true {
            let code = sqlite3_step(handle)
            switch code {
            case SQLITE_ROW:
                try body(self)
            case SQLITE_DONE:
                return
            default:
                throw database.lastError(sql: sql)
            }
        }
    }

    /// The column names of the result set.
    var columnNames: [String] {
        (0..<sqlite3_column_count(handle)).map { String(cString: sqlite3_column_name(handle, $0)) }
    }

    private var resultColumns: (names: [String], lookup: ColumnLookup)?
    /// SQLite's count of this statement's re-preparations when
    /// `resultColumns` was last checked.
    private var checkedAtReprepare: Int32 = -1

    /// The column names and their name-to-index lookup, built once per
    /// prepared statement rather than on every execution: the lookup's
    /// dictionaries were a visible cost of every query on the booking path.
    /// Checked again, and rebuilt if its shape changed, only after SQLite
    /// re-prepared the statement (a schema change).
    var columns: (names: [String], lookup: ColumnLookup) {
        let reprepared = sqlite3_stmt_status(handle, SQLITE_STMTSTATUS_REPREPARE, 0)
        if let resultColumns, reprepared == checkedAtReprepare { return resultColumns }
        checkedAtReprepare = reprepared
        let count = Int(sqlite3_column_count(handle))
        if let resultColumns, resultColumns.names.count == count,
           resultColumns.names.indices.allSatisfy({ Self.sameName(resultColumns.names[$0], sqlite3_column_name(handle, Int32($0))) }) {
            return resultColumns
        }
        let names = columnNames
        let built = (names: names, lookup: ColumnLookup(columns: names))
        resultColumns = built
        return built
    }

    private static func sameName(_ name: String, _ current: UnsafePointer<CChar>?) -> Bool {
        guard let current else { return false }
        var name = name
        return name.withUTF8 { buffer in
            guard strlen(current) == buffer.count else { return false }
            guard let base = buffer.baseAddress else { return true }
            return memcmp(base, current, buffer.count) == 0
        }
    }

    /// The value of column `index` of the current row.
    func value(at index: Int32) -> SQLValue {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER:
            return .integer(sqlite3_column_int64(handle, index))
        case SQLITE_FLOAT:
            return .real(sqlite3_column_double(handle, index))
        case SQLITE_TEXT:
            let count = Int(sqlite3_column_bytes(handle, index))
            guard count > 0, let bytes = sqlite3_column_text(handle, index) else { return .text("") }
            return .text(String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(handle, index))
            guard count > 0, let bytes = sqlite3_column_blob(handle, index) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: bytes, count: count)))
        default:
            return .null
        }
    }

    private func bind(_ arguments: [SQLValue]) throws {
        let expected = Int(sqlite3_bind_parameter_count(handle))
        guard expected == arguments.count else {
            throw StoreError(resultCode: SQLITE_RANGE,
                             message: "statement takes \(expected) arguments, \(arguments.count) given", sql: sql)
        }
        for (offset, argument) in arguments.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch argument {
            case .null:
                code = sqlite3_bind_null(handle, index)
            case .integer(let value):
                code = sqlite3_bind_int64(handle, index, value)
            case .real(let value):
                code = sqlite3_bind_double(handle, index, value)
            case .text(let value):
                // Bound with an explicit length, so embedded NULs survive.
                code = bindText(value, at: index)
            case .blob(let value):
                // A NULL pointer would bind SQL NULL, so an empty blob is a zeroblob.
                code = value.isEmpty
                    ? sqlite3_bind_zeroblob(handle, index, 0)
                    : value.withUnsafeBytes { sqlite3_bind_blob(handle, index, $0.baseAddress, Int32($0.count), csqlite_transient()) }
            }
            guard code == SQLITE_OK else { throw database.lastError(sql: sql) }
        }
    }

    private func bindText(_ value: String, at index: Int32) -> Int32 {
        // A NULL pointer would bind SQL NULL, so the empty string is bound explicitly.
        guard !value.isEmpty else {
            return sqlite3_bind_text(handle, index, "", 0, csqlite_transient())
        }
        var text = value
        return text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                sqlite3_bind_text(handle, index, $0.baseAddress, Int32($0.count), csqlite_transient())
            }
        }
    }
}
