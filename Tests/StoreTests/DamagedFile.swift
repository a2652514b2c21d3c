import Foundation
@testable import Store

/// A database file with one page deliberately overwritten, as a failing disk
/// or a stray write would leave it.
enum DamagedFile {
    /// Fills `rows` items with labels long enough to span many pages, closes
    /// the pool (its last connection checkpoints the WAL into the file), and
    /// returns the path.
    static func itemsDatabase(in directory: TemporaryDirectory, rows: Int = 400) async throws -> String {
        let pool = try DatabasePool(configuration: StoreConfiguration(path: directory.databasePath), migrations: testMigrations)
        try await pool.write { db in
            for n in 0..<rows { try db.run("INSERT INTO items (label, amount) VALUES (?, ?)", [.text("item \(n) " + String(repeating: "x", count: 200)), .integer(Int64(n))]) }
        }
        pool.close()
        return directory.databasePath
    }

    /// Overwrites the root page of `table` with 0xFF bytes.
    static func damageRootPage(of table: String, in path: String) throws {
        let (root, pageSize): (Int, Int) = try {
            let database = try Database(path: path, flags: 1)
            defer { database.close() }
            let root: Int = try database.queryOne("SELECT rootpage FROM sqlite_schema WHERE name = ?", [.text(table)])?.get(0) ?? 0
            let size: Int = try database.queryOne("PRAGMA page_size")?.get(0) ?? 4096
            return (root, size)
        }()
        precondition(root > 1, "table \(table) has a root page")
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.seek(toOffset: UInt64((root - 1) * pageSize))
        handle.write(Data(repeating: 0xFF, count: pageSize))
        try handle.synchronize()
    }
}
