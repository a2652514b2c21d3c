/// One numbered step of the schema.
///
/// Migrations are applied in order of `version`, which must run 1, 2, 3, …
/// without a gap. Each runs in its own `BEGIN IMMEDIATE` transaction and is
/// recorded in `schema_migrations(version, name, applied_at)`; one already
/// recorded is skipped. A recorded migration whose name differs from the
/// list, or a recorded version the list does not know, is an error: the
/// database and the code disagree about the schema.
public struct Migration: Sendable {
    /// Position of the migration, starting at 1.
    public let version: Int
    /// A short name, recorded with the version and checked on every open.
    public let name: String
    /// The SQL script (one or more statements, no arguments).
    public let sql: String

    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }
}
