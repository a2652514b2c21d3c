import Foundation

/// The store's database: one writer connection on its own thread, with group
/// commit, and a small pool of read-only connections (GRDB's `DatabasePool`
/// shape; docs/SERVER.md 2.2–2.3).
///
/// `write` closures run one after another on the writer thread inside a
/// shared transaction, each in its own savepoint, and are acknowledged only
/// after `COMMIT`. `read` closures run on a read-only connection inside a
/// read transaction, so they see one committed snapshot and never a write in
/// progress.
///
/// The database must be a file: WAL mode, which readers and the writer rely
/// on, is not available to `:memory:` databases.
///
/// ```swift
/// let pool = try DatabasePool(configuration: StoreConfiguration(path: "data/center.sqlite"),
///                             migrations: [Migration(version: 1, name: "bookings", sql: schema)])
/// let id = try await pool.write { db in
///     guard try db.queryOne("SELECT 1 FROM bookings WHERE room = ? AND day = ?", [room, day]) == nil
///     else { throw BookingError.taken }           // rethrown to this caller as is
///     try db.run("INSERT INTO bookings (room, day) VALUES (?, ?)", [room, day])
///     return db.lastInsertRowID
/// }
/// let count: Int = try await pool.read { db in try db.queryOne("SELECT count(*) FROM bookings")?.get(0) ?? 0 }
/// ```
public final class DatabasePool: Sendable {
    /// The configuration the pool was opened with.
    public let configuration: StoreConfiguration
    private let writer: Writer
    private let readers: ConnectionPool
    let checkpointConnection: ConnectionPool
    private let faults = StoreFaultRecorder()
    /// The writer's WAL hook: checkpoints off the writer under load.
    private let checkpointTrigger: CheckpointTrigger

    /// Names the origin of the writes a task queues (for example the id of
    /// the request being served): each `write` captures it when queued and
    /// its closure reads it as `Database.writeOrigin`, on the writer thread
    /// where task-local values are not visible.
    @TaskLocal public static var writeOrigin: String?

    /// Opens (creating if needed) the database, configures every connection,
    /// applies `migrations` on the writer connection, then opens the readers
    /// read-only and starts the writer thread.
    /// - Throws: `StoreError` when the file cannot be opened or configured,
    ///   the configuration is invalid, or a migration fails.
    public init(configuration: StoreConfiguration, migrations: [Migration]) throws {
        guard configuration.readerCount >= 1, configuration.maxBatchSize >= 1 else {
            throw StoreError(code: .configuration, resultCode: 21,
                             message: "readerCount and maxBatchSize must be at least 1")
        }
        let directory = (configuration.path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw StoreError(code: .configuration, resultCode: 14,
                                 message: "cannot create directory \(directory): \(error.localizedDescription)")
            }
        }
        let database = try Database.openWriter(configuration)
        database.faults = faults
        try database.migrate(migrations)
        database.installTransactionGuard()
        let faults = self.faults
        readers = ConnectionPool(try (0..<configuration.readerCount).map { _ in
            let reader = try Database.openReader(configuration)
            reader.faults = faults
            return Connection(reader)
        })
        let checkpointer = try Database.openCheckpointer(configuration)
        checkpointer.faults = faults
        checkpointConnection = ConnectionPool([Connection(checkpointer)])
        self.configuration = configuration
        let triggered = try Database.openCheckpointer(configuration)
        triggered.faults = faults
        checkpointTrigger = CheckpointTrigger(backgroundFrames: configuration.backgroundCheckpointFrames,
                                              writerFrames: configuration.writerCheckpointFrames, database: triggered)
        checkpointTrigger.install(on: database)
        checkpointTrigger.start()
        writer = Writer(database: database, maxBatchSize: configuration.maxBatchSize,
                        faultInjection: configuration.faultInjection, checkpointTrigger: checkpointTrigger)
        writer.start()
    }

    /// Runs `work` in the single writer, inside a transaction shared with the
    /// writes queued alongside it, in a savepoint of its own when the
    /// transaction already holds another write's changes. Acknowledged only
    /// after `COMMIT`. `work` may undo its own changes and go on
    /// (`Database.undoWrite`).
    ///
    /// If `work` throws, its changes are rolled back, the error is rethrown
    /// unchanged, and the other writes of the batch still commit. If the
    /// batch's `COMMIT` fails, nothing of the batch is kept and every write
    /// in it fails with that `StoreError` (a write whose `work` threw keeps
    /// its own error). If the calling task is cancelled before the writer
    /// reaches the write, `work` is not run and the call throws
    /// `CancellationError`; once `work` has started, cancellation has no
    /// effect. `work` must not begin, commit or roll back transactions
    /// (it may use savepoints of its own): such statements fail with
    /// `StoreError.Code.transactionControl`.
    public func write<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T) async throws -> T {
        let cancellation = WriteCancellation()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                do {
                    try writer.enqueue(TypedPendingWrite(work: work, continuation: continuation, cancellation: cancellation,
                                                         origin: Self.writeOrigin))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        } onCancel: {
            cancellation.cancel()
        }
    }

    /// Runs `work` on a read-only connection, inside a read transaction
    /// (one committed snapshot). Suspends while every reader is busy; a
    /// cancelled caller stops waiting and throws `CancellationError`.
    public func read<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await readers.withConnection { database in
            // Prepared once per connection, as the writer's own: compiling
            // both for every read was most of the cost of a token lookup.
            try database.executeControl("BEGIN DEFERRED")
            defer {
                if !database.isAutocommit { try? database.executeControl("COMMIT") }
            }
            return try work(database)
        }
    }

    deinit {
        close()
    }

    /// Commits every queued write, runs `PRAGMA optimize`, and closes every
    /// connection (a reader lent out is closed when its read ends). Later
    /// calls throw `StoreError.Code.closed`. Idempotent.
    ///
    /// Blocks the calling thread until the writer has finished and any WAL
    /// checkpoint a commit asked for has run (`CheckpointTrigger`), except
    /// that, called from inside a write closure, the writer closes after the
    /// current batch and the queued writes.
    public func close() {
        writer.close()
        // A checkpoint the writer's last commits asked for finishes first,
        // so that nothing writes the file once close() has returned.
        checkpointTrigger.close()
        readers.close()
        checkpointConnection.close()
    }

    /// How many writes wait for the writer (not counting the batch it runs).
    var queuedWriteCount: Int {
        writer.queuedCount
    }

    /// How many `read` callers are suspended waiting for a reader.
    var waitingReadCount: Int {
        readers.waitingCount
    }

    /// The first error any connection met that means the file is damaged or
    /// unreadable (`SQLITE_CORRUPT`, `SQLITE_NOTADB`, `SQLITE_IOERR`), nil
    /// while none has been seen.
    public var fault: StoreFault? {
        faults.fault
    }

    /// Counters of the group-committing writer.
    public var statistics: WriterStatistics {
        var statistics = writer.statistics.withLock { $0 }
        (statistics.writerCheckpoints, statistics.backgroundCheckpoints) = checkpointTrigger.counts
        return statistics
    }
}
