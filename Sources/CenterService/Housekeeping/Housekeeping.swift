import CalendarValues
import CenterDomain
internal import Store

/// The service's own upkeep: health, the WAL checkpoints, the nightly
/// backup and the store's figures for `/metrics`.
public struct Housekeeping: AreaService {
    let context: ServiceContext

    /// The database as `/health` reports it.
    public enum DatabaseHealth: Sendable, Equatable {
        /// A round trip succeeded and no query has met a damaged file.
        case ok
        /// A query failed with `SQLITE_CORRUPT`, `SQLITE_NOTADB` or
        /// `SQLITE_IOERR` since the start: the file or its disk is damaged,
        /// and stays reported so until the service is restarted (after a
        /// restore, see docs/OPERATIONS.md).
        case error(DatabaseFault)
        /// The round trip failed for another reason (closed, busy).
        case unavailable
    }

    /// Liveness with a real database round trip, and whether any query since
    /// the start has met a damaged file.
    public func health() async -> DatabaseHealth {
        if let fault = pool.fault { return .error(DatabaseFault(fault)) }
        do {
            _ = try await pool.read { db in try db.queryOne("SELECT 1") }
        } catch {
            return pool.fault.map { .error(DatabaseFault($0)) } ?? .unavailable
        }
        return pool.fault.map { .error(DatabaseFault($0)) } ?? .ok
    }

    /// Whether a query has met a damaged or unreadable file since the start.
    public var databaseDamaged: Bool { pool.fault != nil }

    /// The single writer's counters, for `/metrics`.
    public var writer: WriterFigures { WriterFigures(pool.statistics) }

    /// How often the WAL is checkpointed off the request path (docs/SERVER.md 2.2).
    /// Every second: under an opening-day load the WAL passed SQLite's
    /// 1,000-page automatic checkpoint long before 30 s, and that checkpoint
    /// (copy plus fsync of the database file) ran inside the writer's COMMIT.
    /// A PASSIVE checkpoint of an idle WAL costs next to nothing.
    static let checkpointIntervalSeconds: Int64 = 1

    func runCheckpoints() async {
        while !Task.isCancelled {
            do {
                try await clock.sleep(until: clock.now().adding(seconds: Self.checkpointIntervalSeconds))
            } catch {
                return
            }
            _ = await context.timerRound("checkpoint") { try await pool.checkpoint() }
        }
    }
}

/// A damaged or unreadable database file as a query met it: SQLite's
/// extended result code (11 `SQLITE_CORRUPT`, 26 `SQLITE_NOTADB`, 10
/// `SQLITE_IOERR`) and its message.
public struct DatabaseFault: Sendable, Hashable {
    public let resultCode: Int32
    public let message: String

    init(_ fault: StoreFault) {
        resultCode = fault.resultCode
        message = fault.message
    }
}

/// The counters of the store's group-committing writer, as `/metrics` shows them.
public struct WriterFigures: Sendable, Hashable {
    /// Transactions that committed.
    public let batchesCommitted: Int
    /// Writes acknowledged as committed.
    public let itemsCommitted: Int
    /// Writes refused by a rule, rolled back alone while their batch committed.
    public let itemsRefused: Int
    /// Writes that failed with their batch.
    public let itemsFailed: Int
    /// The most recent `COMMIT` (the fsync) and the sum of them all.
    public let lastCommitLatency: Duration
    public let totalCommitLatency: Duration
    /// Batches by how many writes they held.
    public let batchSizeHistogram: [Int: Int]
    /// The writer connection's pages written (WAL frames), found in its
    /// cache, and read from the file, since it opened.
    public let pagesWritten: Int
    public let cacheHits: Int
    public let cacheMisses: Int
    /// WAL checkpoints run by the writer inside a `COMMIT`, and those a
    /// commit asked of the checkpointer's connection.
    public let writerCheckpoints: Int
    public let backgroundCheckpoints: Int

    init(_ statistics: WriterStatistics) {
        batchesCommitted = statistics.batchesCommitted
        itemsCommitted = statistics.itemsCommitted
        itemsRefused = statistics.itemsRefused
        itemsFailed = statistics.itemsFailed
        lastCommitLatency = statistics.lastCommitLatency
        totalCommitLatency = statistics.totalCommitLatency
        batchSizeHistogram = statistics.batchSizeHistogram
        pagesWritten = statistics.pagesWritten
        cacheHits = statistics.cacheHits
        cacheMisses = statistics.cacheMisses
        writerCheckpoints = statistics.writerCheckpoints
        backgroundCheckpoints = statistics.backgroundCheckpoints
    }

    /// The batch sizes as cumulative counts at `upperBounds` (a Prometheus histogram's buckets).
    public func cumulativeBatchSizes(upperBounds: [Int]) -> [(upperBound: Int, count: Int)] {
        upperBounds.sorted().map { bound in
            (bound, batchSizeHistogram.reduce(0) { $0 + ($1.key <= bound ? $1.value : 0) })
        }
    }
}
