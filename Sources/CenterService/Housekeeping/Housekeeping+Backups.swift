import CenterDomain
import Foundation
internal import Store
import CalendarValues

extension Housekeeping {
    /// The folder the daily backups go to (Config `operations.backup.folder`,
    /// relative to the database's folder).
    public var backupFolder: String {
        settings.operations.backup.folder(besideDatabase: pool.configuration.path)
    }

    /// Takes today's backup: an online copy of the live database into the
    /// backup folder, checked with `PRAGMA integrity_check`
    /// (`DatabasePool.backup`), then deletes the oldest backups beyond
    /// `operations.backup.keep`. The nightly timer calls it.
    @discardableResult
    public func takeBackup(now: Instant) async throws -> BackupReport {
        let folder = backupFolder
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let summary = try await pool.backup(to: folder + "/" + BackupFile.name(at: now))
            let stale = BackupFile.list(in: folder).dropLast(settings.operations.backup.keep)
            for file in stale { try? FileManager.default.removeItem(atPath: file.path) }
            context.log.info("backup taken", [("file", summary.path), ("bytes", String(summary.bytes)),
                                      ("bookings", String(summary.rows(of: "bookings") ?? 0)),
                                      ("registrations", String(summary.rows(of: "registrations") ?? 0)),
                                      ("deleted_old", String(stale.count))])
            return BackupReport(summary)
        } catch {
            context.backupFailures.add(1, ordering: .relaxed)
            throw error
        }
    }

    /// The backups in the folder and the age of the newest, for `/metrics`.
    public func backupStatus() -> BackupStatus {
        let files = BackupFile.list(in: backupFolder)
        let newest = files.last
        return BackupStatus(count: files.count, newest: newest,
                            newestAgeSeconds: newest.map { clock.now().secondsSinceEpoch - $0.takenAt.secondsSinceEpoch },
                            failures: context.backupFailures.load(ordering: .relaxed))
    }

    /// When the daily backup is next due after `now`: today's backup time
    /// if it has not passed, else tomorrow's.
    func nextBackupTime(after now: Instant) -> Instant {
        let time = settings.operations.backup.time
        let today = time.on(now.japanDate)
        return today > now ? today : time.on(now.japanDate.adding(days: 1))
    }

    /// The nightly housekeeping, on the injected clock: at the configured
    /// time each day, the backup, then the personal-data retention. At start
    /// it catches up: a backup when the newest is more than a day old (or
    /// there is none), and the retention run.
    func runNightlyTimer() async {
        let now = clock.now()
        let registrations = Registrations(context: context)
        let newest = BackupFile.list(in: backupFolder).last?.takenAt
        if newest.map({ now.secondsSinceEpoch - $0.secondsSinceEpoch > 86_400 }) ?? true {
            _ = await context.timerRound("backup") { try await takeBackup(now: now) }
        }
        _ = await context.timerRound("personal_data.retention") { try await registrations.erasePersonalDataDue(now: now) }
        while !Task.isCancelled {
            let next = nextBackupTime(after: clock.now())
            do {
                try await clock.sleep(until: next)
            } catch {
                return
            }
            _ = await context.timerRound("backup") { try await takeBackup(now: next) }
            _ = await context.timerRound("personal_data.retention") { try await registrations.erasePersonalDataDue(now: clock.now()) }
        }
    }
}
