/// Counters of the group-committing writer, for metrics.
///
/// A snapshot: `DatabasePool.statistics` copies it under a lock.
public struct WriterStatistics: Sendable, Hashable {
    /// Transactions that committed.
    public var batchesCommitted = 0
    /// Writes acknowledged as committed.
    public var itemsCommitted = 0
    /// Writes whose closure threw; their savepoint was rolled back and their
    /// neighbours committed without them.
    public var itemsRefused = 0
    /// Transactions whose `BEGIN` or `COMMIT` failed; every write in them failed.
    public var batchesFailed = 0
    /// Writes that failed because their batch's `BEGIN` or `COMMIT` failed.
    public var itemsFailed = 0
    /// Duration of the most recent `COMMIT` statement (the fsync).
    public var lastCommitLatency: Duration = .zero
    /// Sum of the durations of every `COMMIT` statement.
    public var totalCommitLatency: Duration = .zero
    /// Duration of the most recent batch, from `BEGIN IMMEDIATE` to the end
    /// of `COMMIT`.
    public var lastBatchLatency: Duration = .zero
    /// Number of batches by how many writes they held (committed or failed).
    public var batchSizeHistogram: [Int: Int] = [:]
    /// The writer connection's page cache since it opened
    /// (`sqlite3_db_status`, read after each batch): pages it wrote (the WAL
    /// frames of its commits, and pages spilled before a commit), pages found
    /// in the cache, and pages it had to read from the file.
    public var pagesWritten = 0
    public var cacheHits = 0
    public var cacheMisses = 0
    /// WAL checkpoints the writer ran itself, inside a `COMMIT`, and those
    /// the checkpoint thread ran because a commit asked for one
    /// (`CheckpointTrigger`; the timer's are not counted).
    public var writerCheckpoints = 0
    public var backgroundCheckpoints = 0

    public init() {}

    /// The batch-size histogram as cumulative counts at the given upper
    /// bounds, the shape of a Prometheus histogram's `_bucket{le=…}` series.
    public func cumulativeBatchSizes(upperBounds: [Int]) -> [(upperBound: Int, count: Int)] {
        upperBounds.sorted().map { bound in
            (bound, batchSizeHistogram.reduce(0) { $0 + ($1.key <= bound ? $1.value : 0) })
        }
    }
}
