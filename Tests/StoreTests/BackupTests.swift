import Foundation
import Testing
@testable import Store

/// Online backups (sqlite3_backup) and restores.
@Suite struct BackupTests {
    @Test func backupIsACheckedSelfContainedCopyWithCounts() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try await DamagedFile.itemsDatabase(in: directory, rows: 50)
        let copy = directory.path + "/copy.sqlite"
        let summary = try DatabaseBackup.copy(from: path, to: copy)
        #expect(summary.rows(of: "items") == 50)
        #expect(summary.bytes == summary.pages * 4096)
        #expect(!FileManager.default.fileExists(atPath: copy + ".partial"))
        let database = try Database(path: copy, flags: 1)
        defer { database.close() }
        #expect(try database.queryOne("PRAGMA journal_mode")?.get(0) == "delete", "one file, no -wal to carry")
    }

    @Test func backupWhileWritingHoldsWholeCommitsOnly() async throws {
        // synchronous = NORMAL: what is tested is the copy's consistency, not
        // durability, and 300 fsyncs would only slow the other suites.
        try await withPool(configure: { $0.synchronous = .normal }) { pool in
            let writer = Task {
                for n in 0..<300 {
                    try await pool.write { db in
                        // Two rows per commit: a copy has both or neither.
                        _ = try insertItem("a\(n)", into: db)
                        _ = try insertItem("b\(n)", into: db)
                    }
                }
            }
            var copies: [BackupSummary] = []
            for n in 0..<5 {
                copies.append(try await pool.backup(to: pool.configuration.path + ".backup\(n)"))
            }
            try await writer.value
            for copy in copies {
                #expect((copy.rows(of: "items") ?? -1) % 2 == 0, "\(copy.path) holds whole commits")
            }
        }
    }

    @Test func backupOfDamagedFileFailsAndLeavesNothing() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try await DamagedFile.itemsDatabase(in: directory)
        try DamagedFile.damageRootPage(of: "items", in: path)
        let copy = directory.path + "/copy.sqlite"
        let error = try #require(throws: StoreError.self) { try DatabaseBackup.copy(from: path, to: copy) }
        #expect(error.code == .integrity)
        #expect(error.message.contains("table items"))
        #expect(!FileManager.default.fileExists(atPath: copy))
        #expect(!FileManager.default.fileExists(atPath: copy + ".partial"))
    }

    @Test func restoreSwapsAndKeepsTheOldDatabaseAside() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try await DamagedFile.itemsDatabase(in: directory, rows: 10)
        let backup = directory.path + "/backup.sqlite"
        _ = try DatabaseBackup.copy(from: path, to: backup)
        let pool = try DatabasePool(configuration: StoreConfiguration(path: path), migrations: testMigrations)
        try await pool.write { db in _ = try insertItem("after the backup", into: db) }
        pool.close()
        let summary = try DatabaseRestore.restore(backup, into: path, migrations: testMigrations, stamp: "20261201T0300")
        #expect(summary.restored.rows(of: "items") == 10)
        #expect(summary.setAside == path + ".before-restore-20261201T0300")
        let restored = try DatabasePool(configuration: StoreConfiguration(path: path), migrations: testMigrations)
        #expect(try await count("items", in: restored) == 10)
        restored.close()
        let aside = try Database(path: path + ".before-restore-20261201T0300", flags: 1)
        #expect(try aside.queryOne("SELECT count(*) FROM items")?.get(0) == 11, "the replaced database is kept whole")
        aside.close()
    }

    @Test func restoreRefusesADamagedBackupAndMovesNothing() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try await DamagedFile.itemsDatabase(in: directory, rows: 400)
        let backup = directory.path + "/backup.sqlite"
        _ = try DatabaseBackup.copy(from: path, to: backup)
        try DamagedFile.damageRootPage(of: "items", in: backup)
        let error = try #require(throws: StoreError.self) {
            try DatabaseRestore.restore(backup, into: path, migrations: testMigrations, stamp: "x")
        }
        #expect(error.code == .integrity)
        #expect(try DatabaseIntegrity.check(path: path, depth: .full).isOK)
        #expect(!FileManager.default.fileExists(atPath: path + ".before-restore-x"))
    }

    @Test func restoreRefusesABackupFromANewerSchema() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try await DamagedFile.itemsDatabase(in: directory, rows: 1)
        let backup = directory.path + "/backup.sqlite"
        _ = try DatabaseBackup.copy(from: path, to: backup)
        let error = try #require(throws: StoreError.self) {
            try DatabaseRestore.restore(backup, into: path, migrations: Array(testMigrations.prefix(1)), stamp: "x")
        }
        #expect(error.code == .migration)
    }
}
