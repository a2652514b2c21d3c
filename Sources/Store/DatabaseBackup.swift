import CSQLite
import Foundation

/// What a backup wrote: where, how large, the rows of every table, and that
/// the copy passed `PRAGMA integrity_check`.
public struct BackupSummary: Sendable, Hashable {
    /// Rows of one table in the copy.
    public struct TableRows: Sendable, Hashable {
        public let table: String
        public let rows: Int
    }

    public let path: String
    public let bytes: Int
    public let pages: Int
    public let tables: [TableRows]

    /// The rows of `table`, nil when the copy has no such table.
    public func rows(of table: String) -> Int? { tables.first { $0.table == table }?.rows }
}

/// Consistent copies of a live database, taken with SQLite's online backup
/// API (<https://sqlite.org/backup.html>) while other connections, in this
/// process or another, go on reading and writing.
public enum DatabaseBackup {
    /// How long the copy waits for a lock before giving up.
    static let busyTimeoutMilliseconds: Int32 = 10_000

    /// Copies the database at `source` to `destination`.
    ///
    /// The whole copy is one `sqlite3_backup_step(-1)`, so it reads in one
    /// read transaction: the copy is the database as of one commit, and a
    /// commit made meanwhile is in it entirely or not at all. The copy is
    /// written beside the destination as `<destination>.partial`, switched to
    /// a rollback journal (one self-contained file, nothing to carry beside
    /// it), checked with `PRAGMA integrity_check` and `foreign_key_check`,
    /// fsynced, and only then renamed into place; a failed backup leaves no
    /// file behind and never replaces a good one.
    /// - Throws: `StoreError` (code `.integrity` when the copy fails its check).
    public static func copy(from source: String, to destination: String) throws -> BackupSummary {
        let partial = destination + ".partial"
        removeFiles(partial)
        do {
            let pages = try write(from: source, to: partial)
            try DatabaseFiles.fsync(partial)
            try DatabaseFiles.rename(partial, to: destination)
            let summary = BackupSummary(path: destination, bytes: DatabaseFiles.size(destination),
                                        pages: pages.pages, tables: pages.tables)
            return summary
        } catch {
            removeFiles(partial)
            throw error
        }
    }

    private static func write(from source: String, to partial: String) throws -> (pages: Int, tables: [BackupSummary.TableRows]) {
        let from = try Database(path: source, flags: SQLITE_OPEN_READONLY)
        defer { from.close() }
        sqlite3_busy_timeout(from.handle, busyTimeoutMilliseconds)
        let to = try Database(path: partial, flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        defer { to.close() }
        sqlite3_busy_timeout(to.handle, busyTimeoutMilliseconds)
        guard let backup = sqlite3_backup_init(to.handle, "main", from.handle, "main") else {
            throw to.lastError(sql: nil)
        }
        let step = sqlite3_backup_step(backup, -1)
        let finish = sqlite3_backup_finish(backup)
        guard step == SQLITE_DONE, finish == SQLITE_OK else {
            let code = step == SQLITE_DONE ? finish : step
            let error = StoreError(resultCode: code, message: "backup of \(source) failed: \(String(cString: sqlite3_errstr(code)))")
            throw error
        }
        let mode = try to.queryOne("PRAGMA journal_mode = DELETE").flatMap { try $0.get(0) as String? }
        guard mode?.lowercased() == "delete" else {
            throw StoreError(code: .configuration, resultCode: SQLITE_ERROR,
                             message: "the copy's journal_mode is \(mode ?? "unknown"), not delete")
        }
        let report = to.integrityReport(.full)
        guard report.isOK else {
            throw StoreError(code: .integrity, resultCode: SQLITE_CORRUPT,
                             message: "the copy failed PRAGMA integrity_check: "
                                + report.problems.map { ($0.table.map { "table \($0): " } ?? "") + $0.message }.joined(separator: "; "))
        }
        let pages: Int = try to.queryOne("PRAGMA page_count")?.get(0) ?? 0
        return (pages, try tableRows(to))
    }

    /// The rows of every table of the database, by table name.
    static func tableRows(_ database: Database) throws -> [BackupSummary.TableRows] {
        let names: [String] = try database.query("""
            SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name
            """).map { try $0.get(0) }
        return try names.map { name in
            let quoted = "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            return BackupSummary.TableRows(table: name, rows: try database.queryOne("SELECT count(*) FROM \(quoted)")?.get(0) ?? 0)
        }
    }

    private static func removeFiles(_ path: String) {
        for suffix in ["", "-journal", "-wal", "-shm"] { unlink(path + suffix) }
    }
}

extension DatabasePool {
    /// Copies this pool's database to `destination` while it serves (see
    /// `DatabaseBackup.copy`), on a thread of its own so that neither the
    /// cooperative pool nor the writer waits for it.
    public func backup(to destination: String) async throws -> BackupSummary {
        let source = configuration.path
        return try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(with: Result { try DatabaseBackup.copy(from: source, to: destination) })
            }
            thread.name = "store-backup"
            thread.start()
        }
    }
}
