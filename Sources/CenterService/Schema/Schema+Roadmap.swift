internal import Store

extension Schema {
    /// Planners' committed updates to roadmap items. Each row is
    /// the whole item as it now stands; the schedule files stay the baseline.
    static let roadmap =
        Migration(version: 2, name: "roadmap item updates", sql: """
            CREATE TABLE roadmap_items (
                id         TEXT PRIMARY KEY,
                item       TEXT NOT NULL,
                updated_at INTEGER NOT NULL,
                updated_by TEXT NOT NULL
            ) STRICT;
            """)
}
