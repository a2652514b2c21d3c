import CenterDomain
import Roadmap
import Store
import Synchronization

/// The center's use cases: runs the domain rules inside store transactions,
/// owns the timers, and authenticates callers. One instance per process.
public final class CenterService: Sendable {
    public let settings: CenterSettings
    public let pool: DatabasePool
    public let clock: any CenterClock
    /// Where failures of timers and requests are reported.
    public let log: ServiceLog
    let roadmapState: RoadmapState
    let bookingTimer = BookingTimer()
    let timerFailures = TimerFailures()
    let backupFailures = Atomic<Int>(0)

    /// A service over an opened database. Call `restoreRoadmapUpdates()`
    /// before serving (`start` does both).
    public init(settings: CenterSettings, pool: DatabasePool, clock: any CenterClock, log: ServiceLog = .discard) {
        self.settings = settings
        self.pool = pool
        self.clock = clock
        self.log = log
        roadmapState = RoadmapState(schedule: settings.roadmap, policy: settings.calendar.policy)
    }

    /// A service ready to serve: planners' committed roadmap updates applied.
    public static func start(settings: CenterSettings, pool: DatabasePool, clock: any CenterClock,
                             log: ServiceLog = .discard) async throws -> CenterService {
        let service = CenterService(settings: settings, pool: pool, clock: clock, log: log)
        try await service.restoreRoadmapUpdates()
        return service
    }

    /// Opens (creating and migrating) the database at `path` with durable settings.
    public static func openDatabase(path: String, synchronousFull: Bool = true) throws -> DatabasePool {
        var configuration = StoreConfiguration(path: path)
        configuration.synchronous = synchronousFull ? .full : .normal
        return try DatabasePool(configuration: configuration, migrations: Schema.migrations)
    }

    /// Runs `work` as the handling of request `id`: every write it queues
    /// carries the id, and the audit lines those writes append record it.
    public static func withRequestID<T: Sendable>(_ id: String, _ work: () async throws -> T) async rethrows -> T {
        try await DatabasePool.$writeOrigin.withValue(id.isEmpty ? nil : id) { try await work() }
    }

    /// The database as `/health` reports it.
    public enum DatabaseHealth: Sendable, Equatable {
        /// A round trip succeeded and no query has met a damaged file.
        case ok
        /// A query failed with `SQLITE_CORRUPT`, `SQLITE_NOTADB` or
        /// `SQLITE_IOERR` since the start: the file or its disk is damaged,
        /// and stays reported so until the service is restarted (after a
        /// restore, see docs/OPERATIONS.md).
        case error(StoreFault)
        /// The round trip failed for another reason (closed, busy).
        case unavailable
    }

    /// Liveness with a real database round trip, and whether any query since
    /// the start has met a damaged file.
    public func health() async -> DatabaseHealth {
        if let fault = pool.fault { return .error(fault) }
        do {
            _ = try await pool.read { db in try db.queryOne("SELECT 1") }
        } catch {
            return pool.fault.map(DatabaseHealth.error) ?? .unavailable
        }
        return pool.fault.map(DatabaseHealth.error) ?? .ok
    }
}
