import CenterDomain
import CenterService
import Foundation
import Operations
import CalendarValues

/// The integrity check a server runs before it opens its database: `PRAGMA
/// quick_check` and `foreign_key_check`. On a failure it refuses to start,
/// names the damaged tables and says how to restore; the status tells the
/// supervisor not to restart it.
enum DatabaseStartCheck {
    static func verify(databasePath: String, settings: CenterSettings, log: LogWriter) {
        guard FileManager.default.fileExists(atPath: databasePath) else { return }
        let report: IntegrityFindings
        do {
            report = try DatabaseFile.check(path: databasePath, full: false)
        } catch {
            refuse(databasePath, problems: ["cannot be opened: \(error)"], settings: settings, log: log)
        }
        guard !report.isOK else { return }
        refuse(databasePath, problems: DatabaseReport.lines(report), settings: settings, log: log)
    }

    private static func refuse(_ path: String, problems: [String], settings: CenterSettings, log: LogWriter) -> Never {
        log.line("error", "database failed its integrity check; not starting",
                 [("database", path), ("problems", problems.joined(separator: "; "))])
        log.flush()
        let message = "\(path) is damaged: PRAGMA quick_check found problems, so the server will not start.\n"
            + problems.map { "  " + $0 }.joined(separator: "\n") + "\n"
            + DatabaseReport.howToRestore(databasePath: path, settings: settings)
        fail(message, code: WorkerExit.doNotRestart)
    }
}

/// `check-database`, `backup` and `restore`: the operator's tools for the
/// database file (docs/OPERATIONS.md).
enum DatabaseCommands {
    /// `nakano-center check-database`: the full `PRAGMA integrity_check`
    /// and `foreign_key_check`, safe while the service runs.
    static func check(databasePath: String, settings: CenterSettings) -> Never {
        guard FileManager.default.fileExists(atPath: databasePath) else { fail("\(databasePath) does not exist") }
        do {
            let report = try DatabaseFile.check(path: databasePath, full: true)
            if report.isOK {
                print("\(databasePath): PRAGMA integrity_check and foreign_key_check: ok (\(DatabaseReport.size(of: databasePath)))")
                exit(0)
            }
            fail("\(databasePath) is damaged: PRAGMA integrity_check found problems.\n"
                 + DatabaseReport.lines(report).map { "  " + $0 }.joined(separator: "\n") + "\n"
                 + DatabaseReport.howToRestore(databasePath: databasePath, settings: settings))
        } catch {
            fail("\(databasePath) cannot be checked: \(error)")
        }
    }

    /// `nakano-center backup PATH`: a consistent online copy (SQLite's
    /// backup API, one read transaction), safe while the service runs;
    /// checked with `integrity_check`; prints its size and row counts.
    static func backup(databasePath: String, to target: String) -> Never {
        guard FileManager.default.fileExists(atPath: databasePath) else { fail("\(databasePath) does not exist") }
        var isDirectory: ObjCBool = false
        var destination = target
        if FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { fail("\(target) already exists; give a new file name or a folder") }
            destination = target + "/" + BackupFile.name(at: SystemClock().now())
        }
        do {
            let summary = try DatabaseFile.backup(from: databasePath, to: destination)
            print("backup of \(databasePath) written to \(summary.path)")
            print(DatabaseReport.describe(summary))
            exit(0)
        } catch {
            fail("backup failed: \(error)")
        }
    }

    /// `nakano-center restore PATH`: refuses while a server holds the
    /// database's lock; checks the backup (integrity, foreign keys, schema
    /// version); keeps the current database aside; swaps the backup in.
    static func restore(databasePath: String, from backup: String) -> Never {
        guard FileManager.default.fileExists(atPath: backup) else { fail("\(backup) does not exist") }
        let lock: DatabaseLock
        do {
            lock = try DatabaseLock.acquire(database: databasePath)
        } catch {
            fail("\(error): stop the service before restoring (systemctl stop nakano-center, or SIGTERM to that process)")
        }
        defer { lock.release() }
        let stamp = DatabaseReport.stamp(SystemClock().now())
        do {
            let summary = try DatabaseFile.restore(backup, into: databasePath, stamp: stamp)
            print("restored \(backup) into \(databasePath)")
            print(DatabaseReport.describe(summary.restored))
            if let aside = summary.setAside {
                print("the database it replaced is kept as \(aside)")
            }
            print("start the service again; it applies any newer migrations at start")
            lock.release()
            exit(0)
        } catch {
            fail("restore refused: \(error)\nnothing was changed")
        }
    }
}

/// How the database commands word their answers.
enum DatabaseReport {
    static func lines(_ report: IntegrityFindings) -> [String] {
        report.problems.map { ($0.table.map { "table \($0): " } ?? "") + $0.message }
    }

    static func howToRestore(databasePath: String, settings: CenterSettings) -> String {
        let folder = settings.operations.backup.folder(besideDatabase: databasePath)
        let restore = "nakano-center restore BACKUP --database \(databasePath)"
        guard let newest = BackupFile.list(in: folder).last else {
            return "To restore: stop every server of this database, then run `\(restore)` with your newest backup "
                + "(none found in \(folder)). See docs/OPERATIONS.md, \"Restore\"."
        }
        return "To restore the newest backup (\(newest.path)): stop every server of this database, then run\n"
            + "  nakano-center restore \(newest.path) --database \(databasePath)\n"
            + "See docs/OPERATIONS.md, \"Restore\"."
    }

    static func describe(_ summary: BackupReport) -> String {
        let filled = summary.tables.filter { $0.rows > 0 }
        let empty = summary.tables.count - filled.count
        let rows = filled.map { "\($0.table) \($0.rows)" }.joined(separator: ", ")
            + (empty > 0 ? " (\(empty) other table\(empty == 1 ? "" : "s") empty)" : "")
        return "  size: \(megabytes(summary.bytes)) (\(summary.pages) pages)\n"
            + "  check: PRAGMA integrity_check and foreign_key_check ok\n"
            + "  rows: \(rows)"
    }

    static func size(of path: String) -> String {
        megabytes((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0)
    }

    static func megabytes(_ bytes: Int) -> String {
        String(format: "%.1f MB, %d bytes", Double(bytes) / 1_048_576, bytes)
    }

    /// `20261201T101500`, Japan time.
    static func stamp(_ instant: Instant) -> String {
        let second = instant.japanSecondOfDay
        return instant.japanDate.description.replacingOccurrences(of: "-", with: "") + "T"
            + [second / 3600, second / 60 % 60, second % 60].map { $0 < 10 ? "0\($0)" : "\($0)" }.joined()
    }
}
