internal import Store

extension Schema {
    /// Version 12: what a booking's insert and its cancel cost the single
    /// writer (docs/SERVER.md 2.3), with the same rows and the same rules.
    ///
    /// - The value checks of `bookings` on `category` (6 values), `state`
    ///   (8) and `source` (4) become chains of `=` joined by `OR`. SQLite
    ///   runs an `IN` list of more than two constants by building a
    ///   temporary b-tree of the list on every execution of the statement,
    ///   so every booking insert built three and every state change one.
    ///   The rows allowed are exactly the same, so the table's text is
    ///   rewritten in place (SQLite's documented way to change a CHECK
    ///   without rebuilding the table, `PRAGMA writable_schema`); the
    ///   migration fails, and changes nothing, unless every rewrite (these
    ///   three and the feed id's default below) was found.
    /// - The UNIQUE index on `feed_id` goes: no query looks a booking up by
    ///   its feed id (it is only written into the feeds' event UIDs), and
    ///   the id is 128 random bits, so the index kept a b-tree insert on
    ///   every booking against a collision of about 2⁻⁶⁴ after 2³² bookings.
    /// - An insert that names no feed id gets one from the column's DEFAULT
    ///   (the same 128 bits of `randomblob`, added in place as the checks
    ///   are) instead of from the trigger of migration 7, which SQLite ran as
    ///   a sub-program on every insert to test its WHEN. The trigger that
    ///   keeps a feed id unchanged stays.
    static let writerCost =
        Migration(version: 12, name: "bookings: value checks without temporary tables, feed id by default, no feed-id index", sql: """
            PRAGMA writable_schema = ON;
            UPDATE sqlite_schema SET sql = \(rewrittenTable)
                WHERE type = 'table' AND name = 'bookings';
            PRAGMA writable_schema = RESET;
            CREATE TEMP TABLE migration_12_checks (rewritten INTEGER NOT NULL CHECK (rewritten = 1));
            INSERT INTO migration_12_checks VALUES ((
                SELECT \(bookingRewrites.map { "instr(sql, '\(quoted($0.new))') > 0" }.joined(separator: " AND "))
                FROM sqlite_schema WHERE type = 'table' AND name = 'bookings'));
            DROP TABLE migration_12_checks;
            DROP INDEX bookings_feed_id;
            DROP TRIGGER bookings_feed_id_given;
            """)

    /// Each `IN` list of `bookings` as migrations 3 and 10 wrote it, and the
    /// `OR` chain of the same values that replaces it; the feed id's column
    /// as migration 7 added it, and with its DEFAULT.
    static let bookingRewrites: [(old: String, new: String)] = [
        ("CHECK (category IN\n" + continuation + "('ward', 'economic_group', 'small_business', 'community_group', 'general', 'freelancer'))",
         orChain("category", ["ward", "economic_group", "small_business", "community_group", "general", "freelancer"])),
        ("CHECK (state IN ('provisional', 'paid', 'checked_in', 'done', 'lapsed',\n" + continuation
            + "'cancelled_by_user', 'cancelled_by_center', 'no_show'))",
         orChain("state", ["provisional", "paid", "checked_in", "done", "lapsed", "cancelled_by_user", "cancelled_by_center",
                           "no_show"])),
        ("CHECK (source IN ('request', 'lottery', 'waiting_list', 'series'))",
         orChain("source", ["request", "lottery", "waiting_list", "series"])),
        ("feed_id TEXT,", "feed_id TEXT DEFAULT (lower(hex(randomblob(16)))),"),
    ]

    /// The indentation of a check's second line in migration 3's text.
    private static let continuation = String(repeating: " ", count: 26)

    /// `sql` with every rewrite of `bookingRewrites` applied, as SQL.
    private static var rewrittenTable: String {
        bookingRewrites.reduce("sql") { text, rewrite in
            "replace(\(text), '\(quoted(rewrite.old))', '\(quoted(rewrite.new))')"
        }
    }

    /// `CHECK (column = 'a' OR column = 'b' …)`.
    private static func orChain(_ column: String, _ values: [String]) -> String {
        "CHECK (" + values.map { "\(column) = '\($0)'" }.joined(separator: " OR ") + ")"
    }

    /// `text` inside an SQL string literal.
    private static func quoted(_ text: String) -> String {
        text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''")
    }
}
