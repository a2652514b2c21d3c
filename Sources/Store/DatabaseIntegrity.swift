import CSQLite

/// What SQLite's checks found wrong with a database file: damaged b-tree
/// pages (`PRAGMA quick_check` / `integrity_check`) and rows whose foreign
/// key names a missing parent (`PRAGMA foreign_key_check`), each attributed
/// to the table it concerns where SQLite's answer allows.
public struct IntegrityReport: Sendable, Hashable {
    /// One thing found wrong.
    public struct Problem: Sendable, Hashable {
        /// The table (an index's problem is its table's), or nil when SQLite
        /// names none (a free-list page, the schema itself).
        public let table: String?
        /// SQLite's own words, a few lines at most.
        public let message: String
    }

    /// How thorough a check is.
    public enum Depth: String, Sendable {
        /// `PRAGMA quick_check`: every page and cell, not index contents; fast
        /// enough for every start.
        case quick = "quick_check"
        /// `PRAGMA integrity_check`: also that every index matches its table.
        case full = "integrity_check"
    }

    public let depth: Depth
    public let problems: [Problem]

    public var isOK: Bool { problems.isEmpty }

    /// The tables named by a problem, in order, each once.
    public var tables: [String] {
        problems.compactMap(\.table).reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
    }
}

extension Database {
    /// Most lines of SQLite's answer kept per table.
    static let integrityLinesPerTable = 5

    /// Checks this connection's database at `depth`, then its foreign keys.
    /// A check that SQLite cannot even run (the schema is unreadable) is
    /// itself reported as a problem, not thrown.
    public func integrityReport(_ depth: IntegrityReport.Depth) -> IntegrityReport {
        var problems: [IntegrityReport.Problem] = []
        do {
            let lines = try checkLines(depth, table: nil)
            if lines != ["ok"] {
                problems = attribute(depth, otherwise: Self.summarize(lines))
            }
        } catch {
            // A page damaged badly enough stops the check itself with
            // SQLITE_CORRUPT; the tables are still checked one by one.
            problems = attribute(depth, otherwise: Self.describe(error))
        }
        do {
            problems += try foreignKeyProblems()
        } catch {
            problems.append(.init(table: nil, message: "PRAGMA foreign_key_check failed: \(Self.describe(error))"))
        }
        return IntegrityReport(depth: depth, problems: problems)
    }

    /// Attributes the problems of the whole-file check to tables by checking
    /// each table on its own (`PRAGMA quick_check(table)` covers the table
    /// and its indexes). When no table accounts for them (a free-list page,
    /// say), the whole-file answer is kept, unattributed.
    private func attribute(_ depth: IntegrityReport.Depth, otherwise whole: String) -> [IntegrityReport.Problem] {
        var problems: [IntegrityReport.Problem] = []
        let tables = (try? query("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
            .compactMap { try? $0.get(0) as String }) ?? []
        for table in tables {
            do {
                let tableLines = try checkLines(depth, table: table)
                if tableLines != ["ok"] { problems.append(.init(table: table, message: Self.summarize(tableLines))) }
            } catch {
                problems.append(.init(table: table, message: Self.describe(error)))
            }
        }
        return problems.isEmpty ? [.init(table: nil, message: whole)] : problems
    }

    private func checkLines(_ depth: IntegrityReport.Depth, table: String?) throws -> [String] {
        let argument = table.map { "('" + $0.replacingOccurrences(of: "'", with: "''") + "')" } ?? ""
        // Through a statement of its own: the pragma's text varies with the
        // table, so it must not fill the statement cache.
        var lines: [String] = []
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, "PRAGMA \(depth.rawValue)\(argument)", -1, &statement, nil) == SQLITE_OK,
              let statement else {
            throw lastError(sql: "PRAGMA \(depth.rawValue)")
        }
        defer { sqlite3_finalize(statement) }
        while true {
            let code = sqlite3_step(statement)
            if code == SQLITE_DONE { return lines }
            guard code == SQLITE_ROW else { throw lastError(sql: "PRAGMA \(depth.rawValue)") }
            if let text = sqlite3_column_text(statement, 0) { lines.append(String(cString: text)) }
        }
    }

    private func foreignKeyProblems() throws -> [IntegrityReport.Problem] {
        var byTable: [(table: String, parent: String, rows: Int)] = []
        for row in try query("PRAGMA foreign_key_check") {
            let table: String = try row.get(0)
            let parent: String = try row.get(2)
            if let index = byTable.firstIndex(where: { $0.table == table && $0.parent == parent }) {
                byTable[index].rows += 1
            } else {
                byTable.append((table, parent, 1))
            }
        }
        return byTable.map { entry in
            .init(table: entry.table,
                  message: "\(entry.rows) row\(entry.rows == 1 ? "" : "s") of \(entry.table) refer\(entry.rows == 1 ? "s" : "") to a missing row of \(entry.parent) (PRAGMA foreign_key_check)")
        }
    }

    private static func summarize(_ lines: [String]) -> String {
        let kept = lines.prefix(integrityLinesPerTable).joined(separator: "; ")
        return lines.count > integrityLinesPerTable ? kept + "; … and \(lines.count - integrityLinesPerTable) more" : kept
    }

    private static func describe(_ error: any Error) -> String {
        if let error = error as? StoreError { return "\(error.message) (SQLite error \(error.resultCode))" }
        return "\(error)"
    }
}

/// Checks a database file on a read-only connection of its own.
public enum DatabaseIntegrity {
    /// Opens `path` read-only and checks it at `depth` (see
    /// `Database.integrityReport`).
    /// - Throws: `StoreError` when the file cannot be opened at all.
    public static func check(path: String, depth: IntegrityReport.Depth) throws -> IntegrityReport {
        let database = try Database(path: path, flags: SQLITE_OPEN_READONLY)
        defer { database.close() }
        return database.integrityReport(depth)
    }
}
