import CenterDomain
import Roadmap
import Store

/// The center's use cases: runs the domain rules inside store transactions,
/// owns the timers, and authenticates callers. One instance per process.
public final class CenterService: Sendable {
    public let settings: CenterSettings
    public let pool: DatabasePool
    public let clock: any CenterClock
    let bookingTimer = BookingTimer()

    public init(settings: CenterSettings, pool: DatabasePool, clock: any CenterClock) {
        self.settings = settings
        self.pool = pool
        self.clock = clock
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
