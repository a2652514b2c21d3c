internal import Store

/// The center's database, opened and migrated: what a `CenterService` runs
/// over. Opaque outside this module: only the area services read and write
/// it, through the store's single writer and its readers.
public final class CenterStore: Sendable {
    let pool: DatabasePool

    init(pool: DatabasePool) { self.pool = pool }

    /// Opens (creating and migrating) the database at `path`; `synchronousFull`
    /// makes every COMMIT durable across a power cut (`synchronous = FULL`).
    /// `faults` injects store failures on purpose (tests and the simulation only).
    public static func open(path: String, synchronousFull: Bool = true, faults: InjectedFaults? = nil) throws -> CenterStore {
        var configuration = StoreConfiguration(path: path)
        configuration.synchronous = synchronousFull ? .full : .normal
        configuration.faultInjection = faults?.store
        return CenterStore(pool: try DatabasePool(configuration: configuration, migrations: Schema.migrations))
    }

    /// The database file's path.
    public var path: String { pool.configuration.path }

    /// Commits the queued writes and closes every connection. Idempotent.
    public func close() { pool.close() }
}

extension CenterService {
    /// Whether `error` is a failure of the database beneath the service (a
    /// closed store, a damaged file, a full disk), not of the request.
    public static func isDatabaseFailure(_ error: any Error) -> Bool { error is StoreError }
}
