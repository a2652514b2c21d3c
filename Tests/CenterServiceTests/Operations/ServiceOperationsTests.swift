import CenterDomain
import Foundation
import ServiceTestSupport
import Store
import TestEvents
import Testing
@testable import CenterService
import CalendarValues

/// What the service does for its operator: timers that fail say so, audit
/// lines name their request, health tells a damaged database, backups are
/// taken on the clock and pruned.
@Suite struct ServiceOperationsTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ops-\(UUID().uuidString)").path
    let clock = ManualClock(now: Instant(japanDate: BookingFixture.today, minuteOfDay: 600))
    let staff = Actor(tokenID: 1, role: .staff, name: "Front desk", registrationID: nil)

    /// A service on this test's database; `synchronous = NORMAL`, as no
    /// test here is about durability and fsyncs slow the other suites. The
    /// store is opened off the cooperative pool (`TestStore`).
    func service(_ log: ServiceLogCollector = ServiceLogCollector(), keep: Int = 14) async throws -> CenterService {
        var settings = BookingFixture.settings
        settings.operations.backup.keep = keep
        let path = directory + "/center.sqlite"
        return CenterService(settings: settings,
                             store: try await TestStore.open(path: path, synchronousFull: false),
                             clock: clock, log: log.log)
    }

    /// Closes the service and removes its folder, off the pool.
    func cleanUp(_ service: CenterService) {
        let directory = directory
        blockingInBackground {
            service.close()
            try? FileManager.default.removeItem(atPath: directory)
        }
    }

    @Test func aFailingTimerLogsAnErrorWithItsCause() async throws {
        let log = ServiceLogCollector()
        let service = try await service(log)
        defer { cleanUp(service) }
        await blocking { service.close() }
        let timers = service.startTimers()
        defer { timers.cancel() }
        let line = try await log.waitFor("the booking timer's failure") { $0.fields["timer"] == "booking.lapse" }
        #expect(line.level == .error)
        #expect(line.message == "timer failed")
        #expect(line.fields["error"] == "store.closed")
        #expect(line.fields["sqlite_code"] == "21")
    }

    @Test func aTimerFailingEveryRoundLogsOnceThenItsRecovery() async throws {
        let log = ServiceLogCollector()
        let service = try await service(log)
        defer { cleanUp(service) }
        struct Broken: Error {}
        for _ in 0..<3 { _ = await service.context.timerRound("test") { () throws -> Int in throw Broken() } }
        #expect(log.all.filter { $0.message == "timer failed" }.count == 1)
        _ = await service.context.timerRound("test") { 1 }
        #expect(log.all.last?.message == "timer recovered")
        _ = await service.context.timerRound("test") { () throws -> Int in throw Broken() }
        #expect(log.all.filter { $0.message == "timer failed" }.count == 2)
    }

    @Test func auditLinesCarryTheRequestID() async throws {
        let service = try await service()
        defer { cleanUp(service) }
        _ = try await CenterService.withRequestID("req-7") {
            try await service.registrations.register(RegistrationInput(category: .general, name: "With id"), by: staff)
        }
        _ = try await service.registrations.register(RegistrationInput(category: .general, name: "Without"), by: staff)
        let entries = try await service.accounts.auditEntries(since: Instant(secondsSinceEpoch: 0), afterID: 0, limit: 10)
        #expect(entries.map(\.requestID) == ["req-7", nil])
    }

    @Test func healthIsOKOnAHealthyDatabase() async throws {
        let service = try await service()
        defer { cleanUp(service) }
        #expect(await service.housekeeping.health() == .ok)
    }

    @Test func healthReportsADamagedPageMetAfterTheStart() async throws {
        let first = try await service()
        for n in 0..<300 {
            _ = try await first.registrations.register(RegistrationInput(category: .general, name: "Registration \(n) " + String(repeating: "x", count: 150)),
                                                   by: staff)
        }
        await blocking { first.close() }
        try await DamagedPage.overwriteRoot(of: "registrations", in: directory + "/center.sqlite")
        let service = try await service()
        defer { cleanUp(service) }
        #expect(await service.housekeeping.health() == .ok, "nothing has read the damaged page yet")
        let failure = await #expect(throws: ServiceError<RegistrationLookupCode>.self) {
            _ = try await service.registrations.registration(id: 5, for: staff)
        }
        #expect(failure?.failure?.isDatabaseFailure == true)
        guard case .error(let fault) = await service.housekeeping.health() else {
            Issue.record("health must report the damage")
            return
        }
        #expect(fault.resultCode & 0xFF == 11)
    }

    @Test func backupIsNamedForItsTimeAndTheOldestBeyondKeepAreDeleted() async throws {
        let service = try await service(keep: 2)
        defer { cleanUp(service) }
        for hour in [1, 2, 3] {
            _ = try await service.housekeeping.takeBackup(now: Instant(japanDate: BookingFixture.today, minuteOfDay: hour * 60))
        }
        let files = BackupFile.list(in: service.housekeeping.backupFolder).map { ($0.path as NSString).lastPathComponent }
        #expect(files == ["center-2026-11-25T020000.sqlite", "center-2026-11-25T030000.sqlite"])
        #expect(service.housekeeping.backupFolder == directory + "/backups")
    }

    @Test func backupStatusGivesTheNewestsAgeByTheServiceClock() async throws {
        let service = try await service()
        defer { cleanUp(service) }
        #expect(service.housekeeping.backupStatus().newest == nil)
        _ = try await service.housekeeping.takeBackup(now: clock.now())
        clock.advance(seconds: 3600)
        let status = service.housekeeping.backupStatus()
        #expect(status.count == 1)
        #expect(status.newestAgeSeconds == 3600)
        #expect((status.newest?.bytes ?? 0) > 0)
    }

    @Test func nextBackupIsTodaysTimeUntilItPassesThenTomorrows() async throws {
        let service = try await service()
        defer { cleanUp(service) }
        let day = BookingFixture.today
        #expect(service.housekeeping.nextBackupTime(after: Instant(japanDate: day, minuteOfDay: 120)) == Instant(japanDate: day, minuteOfDay: 210))
        #expect(service.housekeeping.nextBackupTime(after: Instant(japanDate: day, minuteOfDay: 210)) == Instant(japanDate: day.adding(days: 1), minuteOfDay: 210))
    }

    @Test func nightlyTimerCatchesUpAtStartThenBacksUpAtTheConfiguredTime() async throws {
        let log = ServiceLogCollector()
        let service = try await service(log)
        defer { cleanUp(service) }
        let timers = service.startTimers()
        defer { timers.cancel() }
        _ = try await log.waitFor("the catch-up backup") { $0.message == "backup taken" }
        #expect(BackupFile.list(in: service.housekeeping.backupFolder).count == 1)
        try await clock.waitForSleepers(timers.count)
        clock.set(Instant(japanDate: BookingFixture.today.adding(days: 1), minuteOfDay: 210))
        try await clock.waitForSleepers(timers.count)
        #expect(BackupFile.list(in: service.housekeeping.backupFolder).count == 2)
        #expect(BackupFile.list(in: service.housekeeping.backupFolder).last.map { ($0.path as NSString).lastPathComponent }
                == "center-2026-11-26T033000.sqlite")
    }
}

/// Overwrites a table's root page, as a failing disk would.
enum DamagedPage {
    static func overwriteRoot(of table: String, in path: String) async throws {
        let pool = try await TestStore.open(path: path).pool
        let (root, size): (Int, Int) = try await pool.read { db in
            (try db.queryOne("SELECT rootpage FROM sqlite_schema WHERE name = ?", [.text(table)])?.get(0) ?? 0,
             try db.queryOne("PRAGMA page_size")?.get(0) ?? 4096)
        }
        try await blocking {
            pool.close()
            let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            try handle.seek(toOffset: UInt64((root - 1) * size))
            handle.write(Data(repeating: 0xFF, count: size))
            try handle.synchronize()
        }
    }
}
