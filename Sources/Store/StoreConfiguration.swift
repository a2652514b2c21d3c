/// How a `DatabasePool` opens and runs its database.
///
/// Every field has a documented default; only `path` is required.
public struct StoreConfiguration: Sendable {
    /// `PRAGMA synchronous` for the connections (docs/SERVER.md 2.2).
    public enum Synchronous: String, Sendable, Hashable {
        /// Every `COMMIT` fsyncs the WAL: a commit survives power loss.
        case full = "FULL"
        /// The WAL is fsynced only at checkpoints: the last commits can be
        /// lost on power loss (not on a process crash).
        case normal = "NORMAL"

        /// The value `PRAGMA synchronous` reports for this setting.
        public var pragmaValue: Int { self == .full ? 2 : 1 }
    }

    /// Path of the database file. Its parent directory is created when
    /// missing.
    public var path: String
    /// Durability of each commit. Default `.full`.
    public var synchronous: Synchronous
    /// Number of read-only connections in the read pool. Default 2.
    public var readerCount: Int
    /// How long a connection waits on a lock held by another connection
    /// before failing with `SQLITE_BUSY`. Default 5000 ms.
    public var busyTimeoutMilliseconds: Int32
    /// Most writes the writer groups into one transaction (one fsync).
    /// Default 64.
    public var maxBatchSize: Int
    /// Failures to meet on purpose (tests and simulations). Default nil: none.
    public var faultInjection: StoreFaultInjection?
    /// WAL frames after a commit past which a `PASSIVE` checkpoint is asked
    /// of the checkpoint thread, off the writer (`CheckpointTrigger`).
    /// Default 1,000, SQLite's own automatic checkpoint.
    public var backgroundCheckpointFrames: Int32
    /// WAL frames after a commit past which the writer checkpoints itself,
    /// so that the WAL restarts under a load that never pauses. Default 4,000
    /// (16 MiB of 4 KiB frames).
    public var writerCheckpointFrames: Int32

    /// A configuration for the database at `path` with every default.
    public init(path: String) {
        self.path = path
        self.synchronous = .full
        self.readerCount = 2
        self.busyTimeoutMilliseconds = 5000
        self.maxBatchSize = 64
        self.faultInjection = nil
        self.backgroundCheckpointFrames = 1000
        self.writerCheckpointFrames = 4000
    }
}
