import CenterDomain
import Roadmap
import Store

/// The center's use cases: runs the domain rules inside store transactions,
/// owns the timers, and authenticates callers. One instance per process.
public final class CenterService: Sendable {
    public let settings: CenterSettings
    public let pool: DatabasePool
    public let clock: any CenterClock
    let roadmapState: RoadmapState
    let bookingTimer = BookingTimer()

    /// A service over an opened database. Call `restoreRoadmapUpdates()`
    /// before serving (`start` does both).
    public init(settings: CenterSettings, pool: DatabasePool, clock: any CenterClock) {
        self.settings = settings
        self.pool = pool
        self.clock = clock
        roadmapState = RoadmapState(schedule: settings.roadmap, policy: settings.calendar.policy)
    }

    /// A service ready to serve: planners' committed roadmap updates applied.
    public static func start(settings: CenterSettings, pool: DatabasePool, clock: any CenterClock) async throws -> CenterService {
        let service = CenterService(settings: settings, pool: pool, clock: clock)
        try await service.restoreRoadmapUpdates()
        return service
    }

    /// Opens (creating and migrating) the database at `path` with durable settings.
    public static func openDatabase(path: String, synchronousFull: Bool = true) throws -> DatabasePool {
        var configuration = StoreConfiguration(path: path)
        configuration.synchronous = synchronousFull ? .full : .normal
        return try DatabasePool(configuration: configuration, migrations: Schema.migrations)
    }

    /// Liveness with a real database round trip.
    public func health() async -> Bool {
        do {
            return try await pool.read { db in try db.queryOne("SELECT 1") != nil }
        } catch {
            return false
        }
    }
}
