import CSQLite
import Foundation

/// File operations on a database and the files SQLite keeps beside it
/// (`-wal`, `-shm`, `-journal`), each made durable before it is reported done.
enum DatabaseFiles {
    /// Flushes the file at `path` to disk.
    static func fsync(_ path: String) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw error("cannot open \(path) to flush it") }
        defer { close(fd) }
        guard Glibc.fsync(fd) == 0 else { throw error("cannot flush \(path)") }
    }

    /// Renames `from` to `to` (replacing `to`), then flushes the directory so
    /// the new name survives a power loss.
    static func rename(_ from: String, to: String) throws {
        guard Glibc.rename(from, to) == 0 else { throw error("cannot rename \(from) to \(to)") }
        try fsync(directory(of: to))
    }

    /// The size of the file at `path` in bytes, 0 when it cannot be read.
    static func size(_ path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : 0
    }

    static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    /// The directory holding `path` (`.` for a bare file name).
    static func directory(of path: String) -> String {
        let directory = (path as NSString).deletingLastPathComponent
        return directory.isEmpty ? "." : directory
    }

    private static func error(_ message: String) -> StoreError {
        StoreError(code: .file, resultCode: SQLITE_IOERR, message: message + ": " + String(cString: strerror(errno)))
    }
}

/// What a restore did: the copy now in place, and where the database it
/// replaced was kept.
public struct RestoreSummary: Sendable, Hashable {
    /// The restored database (the copy of the backup, now at the database path).
    public let restored: BackupSummary
    /// Where the replaced database was moved (its `-wal` beside it), nil
    /// when there was none.
    public let setAside: String?
}

/// Puts a backup in place of a database. The caller must make sure no
/// process has the database open (the service's lock file).
public enum DatabaseRestore {
    /// Replaces the database at `path` with a copy of `backup`.
    ///
    /// `backup` is checked first, on a read-only connection: `PRAGMA
    /// integrity_check`, `foreign_key_check`, and its recorded migrations
    /// against `migrations` (a backup made by a newer build is refused).
    /// It is then copied beside the database (`<path>.restoring`, checked
    /// again), the current database and its `-wal` are renamed to
    /// `<path>.before-restore-<stamp>`, and the copy is renamed into place.
    /// Nothing is moved unless the backup passed every check.
    /// - Throws: `StoreError`: `.integrity` or `.migration` when the backup
    ///   is refused, SQLite's error when it cannot be read, `.file` when a
    ///   rename fails.
    public static func restore(_ backup: String, into path: String, migrations: [Migration],
                               stamp: String) throws -> RestoreSummary {
        do {
            let database = try Database(path: backup, flags: SQLITE_OPEN_READONLY)
            defer { database.close() }
            let report = database.integrityReport(.full)
            guard report.isOK else {
                throw StoreError(code: .integrity, resultCode: SQLITE_CORRUPT,
                                 message: "\(backup) failed PRAGMA integrity_check: "
                                    + report.problems.map { ($0.table.map { "table \($0): " } ?? "") + $0.message }.joined(separator: "; "))
            }
            try database.recordedMigrations(agreeWith: migrations)
        }
        let incoming = path + ".restoring"
        let restored = try DatabaseBackup.copy(from: backup, to: incoming)
        var setAside: String?
        if DatabaseFiles.exists(path) {
            let aside = path + ".before-restore-" + stamp
            try DatabaseFiles.rename(path, to: aside)
            if DatabaseFiles.exists(path + "-wal") { try DatabaseFiles.rename(path + "-wal", to: aside + "-wal") }
            unlink(path + "-shm")
            setAside = aside
        }
        try DatabaseFiles.rename(incoming, to: path)
        return RestoreSummary(restored: BackupSummary(path: path, bytes: restored.bytes, pages: restored.pages, tables: restored.tables),
                              setAside: setAside)
    }
}
