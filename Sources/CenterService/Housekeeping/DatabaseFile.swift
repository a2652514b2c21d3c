internal import Store

/// The operator's tools for the database file (docs/OPERATIONS.md): the
/// integrity check, an online backup and a restore, for the command line,
/// with or without a server running on the file.
public enum DatabaseFile {
    /// `PRAGMA quick_check` (fast enough for every start) or
    /// `integrity_check` (also every index against its table), then
    /// `foreign_key_check`.
    public static func check(path: String, full: Bool) throws -> IntegrityFindings {
        IntegrityFindings(try DatabaseIntegrity.check(path: path, depth: full ? .full : .quick))
    }

    /// A consistent copy of the live database at `path` (SQLite's backup API,
    /// one read transaction), checked with `integrity_check`.
    public static func backup(from path: String, to destination: String) throws -> BackupReport {
        BackupReport(try DatabaseBackup.copy(from: path, to: destination))
    }

    /// Puts `backup` in place of the database at `path` once it passes every
    /// check (integrity, foreign keys, a schema this build knows); the
    /// replaced database is kept as `<path>.before-restore-<stamp>`. The
    /// caller holds the database's lock, so no server has it open.
    public static func restore(_ backup: String, into path: String, stamp: String) throws -> RestoreReport {
        let summary = try DatabaseRestore.restore(backup, into: path, migrations: Schema.migrations, stamp: stamp)
        return RestoreReport(restored: BackupReport(summary.restored), setAside: summary.setAside)
    }
}

/// What an integrity check found wrong, each problem with its table where
/// SQLite names one; empty when the file is sound.
public struct IntegrityFindings: Sendable, Hashable {
    /// One thing found wrong: SQLite's words, and the table it concerns.
    public struct Problem: Sendable, Hashable {
        public let table: String?
        public let message: String
    }

    public let problems: [Problem]

    public var isOK: Bool { problems.isEmpty }

    init(_ report: IntegrityReport) {
        problems = report.problems.map { Problem(table: $0.table, message: $0.message) }
    }
}

/// What a backup wrote: where, how large, and the rows of every table of
/// the copy, which passed `PRAGMA integrity_check`.
public struct BackupReport: Sendable, Hashable {
    /// The rows of one table.
    public struct TableRows: Sendable, Hashable {
        public let table: String
        public let rows: Int
    }

    public let path: String
    public let bytes: Int
    public let pages: Int
    public let tables: [TableRows]

    init(_ summary: BackupSummary) {
        path = summary.path
        bytes = summary.bytes
        pages = summary.pages
        tables = summary.tables.map { TableRows(table: $0.table, rows: $0.rows) }
    }
}

/// What a restore did: the copy now in place, and where the database it
/// replaced was kept (nil when there was none).
public struct RestoreReport: Sendable, Hashable {
    public let restored: BackupReport
    public let setAside: String?
}
