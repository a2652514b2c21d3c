import Foundation

/// The database as text, table by table, read in one transaction through
/// the checker's own connection: each row as `entity TAB rowid TAB values`
/// in rowid order, a table as its rows joined by newlines. Two images are
/// compared table by table (a string comparison); only a table that
/// changed is split into rows, to find the entities that changed.
///
/// The entity of a row is what its audit line names (`booking:12`): a
/// booking's units, cancelled days and refunds decided belong to the
/// booking, a penalty to its registration, a reminder to its lease, a
/// reissue to its receipt; a payment (`payment:12/1`) and a payout
/// (`refund_payout:12/1/2`) are lines of the ledger of their own. Tables
/// other branches add are imaged too (so a refusal or a death that changes
/// them is caught) with no entity until their family names one in
/// `entityKeys`.
public struct TableImages: Sendable, Equatable {
    /// Each table's rows as text.
    public let tables: [String: String]
    /// The audit log's last id and the idempotency records' count, which
    /// per-step images track instead of their whole text.
    public let lastAuditID: Int64
    public let idempotencyRecords: Int64

    /// The entity of each table's rows, as SQL over the row.
    public static let entityKeys: [String: String] = [
        "registrations": "'registration:' || id",
        "penalties": "'registration:' || registration_id",
        "bookings": "'booking:' || id",
        "booking_units": "'booking:' || booking_id",
        "booking_cancelled_days": "'booking:' || booking_id",
        "refunds": "'booking:' || booking_id",
        "payments": "'payment:' || booking_id || '/' || number",
        "refund_payouts": """
            'refund_payout:' || (SELECT r.booking_id || '/' || r.number FROM refunds r WHERE r.id = refund_payouts.refund_id)
                || '/' || (SELECT count(*) FROM refund_payouts q WHERE q.refund_id = refund_payouts.refund_id AND q.id <= refund_payouts.id)
            """,
        "receipts": "'receipt:' || fiscal_year || '-' || printf('%06d', sequence)",
        "receipt_reissues": "'receipt:' || fiscal_year || '-' || printf('%06d', sequence)",
        "closures": "'closure:' || id",
        "closure_effects": "'closure:' || closure_id",
        "desk_passes": "'desk_pass:' || id",
        "desk_pass_periods": "'desk_pass:' || pass_id",
        "locker_leases": "'locker_lease:' || id",
        "locker_reminders": "'locker_lease:' || lease_id",
        "locker_waitlist": "'locker_waitlist:' || id",
        "locker_offers": "'locker_offer:' || id",
        "storage_applications": "'storage_application:' || id",
        "storage_allocations": "'storage_allocation:' || id",
        "storage_items": "'storage_item:' || id",
        "storage_movements": "'storage_item:' || item_id",
        "roadmap_items": "'roadmap_item:' || id",
        "lottery_months": "'lottery_round:' || round_id || '/' || use_month",
        "lottery_entries": "'lottery_entry:' || id",
        "waiting_entries": "'waiting_entry:' || id",
        "booking_series": "'booking_series:' || id",
    ]

    /// Columns imaged by whether they are set rather than in full: a drawn
    /// month's ballot and result, long documents written once, at the draw,
    /// with its `drawn_at` (the lottery invariant draws the ballot again to
    /// check the result), which imaged in full after every step would cost
    /// more than all the rest. (SQLite reads the whole of a long text even
    /// for its length.)
    static let abbreviated: [String: Set<String>] = ["lottery_months": ["ballot", "result"]]

    /// Tables whose rows are no state of the center: the schema's own
    /// bookkeeping, and the bay capacities copied from the configuration.
    static let ignored: Set<String> = ["schema_migrations", "storage_bays"]
    /// Tables imaged only in full images (deaths), being large.
    static let large: Set<String> = ["audit_log", "idempotency_keys"]

    /// Every table of the database with the SQL that images it.
    public struct Plan: Sendable {
        let queries: [(table: String, sql: String)]

        public init(_ db: DatabaseReader) throws {
            var queries: [(String, String)] = []
            for row in try db.rows("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name") {
                guard let table = row.first?.text, !TableImages.ignored.contains(table) else { continue }
                let columns = try db.rows("SELECT name FROM pragma_table_info(?) ORDER BY cid", [.text(table)])
                    .compactMap { $0.first?.text }
                let short = TableImages.abbreviated[table] ?? []
                let values = columns.map { column in
                    short.contains(column)
                        ? "(\"\(column)\" IS NOT NULL)"
                        : "quote(\"\(column)\")"
                }.joined(separator: " || ',' || ")
                let entity = TableImages.entityKeys[table] ?? "''"
                let row = "\(entity) || char(9) || rowid || char(9) || \(values)"
                queries.append((table, "SELECT group_concat(r, char(10)) FROM (SELECT \(row) AS r FROM \"\(table)\" ORDER BY rowid)"))
            }
            self.queries = queries
        }
    }

    /// The image of every table but the large ones.
    public static func take(_ db: DatabaseReader, plan: Plan, full: Bool = false) throws -> TableImages {
        try db.snapshot {
            var tables: [String: String] = [:]
            for (table, sql) in plan.queries where full || !large.contains(table) {
                tables[table] = try db.text(sql) ?? ""
            }
            return TableImages(tables: tables, lastAuditID: try db.int("SELECT coalesce(max(id), 0) FROM audit_log"),
                               idempotencyRecords: try db.int("SELECT count(*) FROM idempotency_keys"))
        }
    }

    /// The images of a database as they were last taken, so that they are
    /// taken again only after something committed (SQLite's
    /// `data_version`, which changes when another connection commits): a
    /// step that wrote nothing, a timer round that did nothing, cost no
    /// image. One for the step images and one for the full ones.
    public final class Cache {
        private var taken: [Bool: (life: Int, version: Int64, images: TableImages)] = [:]

        public init() {}

        /// The images of `center`'s database now, the large tables too when `full`.
        public func images(_ center: SimulatedCenter, plan: Plan, full: Bool) throws -> (images: TableImages, taken: Bool) {
            let version = try center.reader.int("PRAGMA data_version")
            if let last = taken[full], last.life == center.deaths, last.version == version { return (last.images, false) }
            let images = try TableImages.take(center.reader, plan: plan, full: full)
            taken[full] = (center.deaths, version, images)
            return (images, true)
        }
    }

    /// The tables whose text differs between `self` and `other`.
    public func changedTables(to other: TableImages) -> [String] {
        Set(tables.keys).union(other.tables.keys).sorted().filter { tables[$0] != other.tables[$0] }
    }

    /// The entities whose rows differ between `self` and `other` (added,
    /// changed or removed), as `kind:id`, in tables that name an entity.
    public func changedEntities(to other: TableImages) -> Set<String> {
        var changed: Set<String> = []
        for table in changedTables(to: other) where Self.entityKeys[table] != nil {
            let (before, after) = Self.differingLines(tables[table] ?? "", other.tables[table] ?? "")
            let old = Self.rows(before), new = Self.rows(after)
            for (rowid, line) in new where old[rowid] != line { changed.insert(Self.entity(of: line)) }
            for (rowid, line) in old where new[rowid] == nil { changed.insert(Self.entity(of: line)) }
        }
        return changed
    }

    /// The lines of `a` and of `b` between their longest common run of
    /// whole lines at the start and at the end: the rows that may differ.
    /// The common runs are found by binary search with `memcmp`, so a large
    /// table with a row or two changed is not split whole.
    static func differingLines(_ a: String, _ b: String) -> (String, String) {
        let x = Array(a.utf8), y = Array(b.utf8)
        let newline = UInt8(ascii: "\n")
        return x.withUnsafeBufferPointer { x in
            y.withUnsafeBufferPointer { y in
                func equal(_ from: Int, _ count: Int, fromEnd: Bool) -> Bool {
                    guard count > 0, let xb = x.baseAddress, let yb = y.baseAddress else { return true }
                    let xs = fromEnd ? xb + (x.count - count) : xb + from, ys = fromEnd ? yb + (y.count - count) : yb + from
                    return memcmp(xs, ys, count) == 0
                }
                let shorter = min(x.count, y.count)
                var low = 0, high = shorter
                while low < high {
                    let middle = (low + high + 1) / 2
                    if equal(0, middle, fromEnd: false) { low = middle } else { high = middle - 1 }
                }
                var prefix = low
                while prefix > 0, x[prefix - 1] != newline { prefix -= 1 }
                low = 0
                high = shorter - prefix
                while low < high {
                    let middle = (low + high + 1) / 2
                    if equal(0, middle, fromEnd: true) { low = middle } else { high = middle - 1 }
                }
                var suffix = low
                while suffix > 0, x[x.count - suffix] != newline { suffix -= 1 }
                let xs = String(decoding: UnsafeBufferPointer(rebasing: x[prefix..<(x.count - suffix)]), as: UTF8.self)
                let ys = String(decoding: UnsafeBufferPointer(rebasing: y[prefix..<(y.count - suffix)]), as: UTF8.self)
                return (xs, ys)
            }
        }
    }

    private static func rows(_ text: String) -> [Substring: Substring] {
        var rows: [Substring: Substring] = [:]
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            if fields.count >= 2 { rows[fields[1]] = line }
        }
        return rows
    }

    private static func entity(of line: Substring) -> String {
        String(line.prefix { $0 != "\t" })
    }
}
