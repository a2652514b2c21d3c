import Foundation
import Synchronization

/// The single writer: a dedicated thread that owns the read-write connection
/// and commits queued writes in groups (docs/SERVER.md 2.3).
///
/// A dedicated `Thread` rather than a task, so that the fsync of `COMMIT`
/// never occupies a thread of the cooperative pool or an event loop.
///
/// Loop: wait for at least one write; take up to `maxBatchSize` queued writes
/// (no fixed wait, so a lone write commits at once); `BEGIN IMMEDIATE`; run
/// each write in arrival order inside its own savepoint, rolling back to it
/// when the work throws so that the write alone fails; `COMMIT`, the one
/// fsync; only then resume every caller. When `COMMIT` fails the batch is
/// rolled back and every write in it fails with the `COMMIT` error, except
/// those already refused, which keep their own error.
///
/// A write that runs while the transaction holds nothing yet (the first of
/// a batch, or one after writes that all failed) needs no savepoint: undoing
/// it is rolling the whole transaction back and beginning again. SQLite
/// copies every page a write changes into the savepoint's journal (about
/// 15 pages of 4 KiB for a booking), so a lone write, the usual case when
/// the writer keeps up, is spared that copy. A write that failed having run
/// no statement that writes has nothing to undo.
///
/// `@unchecked Sendable`: `queue`, `isClosing`, `isFinished` and `thread` are guarded
/// by `condition`; `database` (and its WAL hook's trigger) is used only by the writer thread once
/// `start()` has been called; `statistics` is a `Mutex`.
final class Writer: @unchecked Sendable {
    private let condition = NSCondition()
    private var queue: [any PendingWrite] = []
    private var isClosing = false
    private var isFinished = false
    private var thread: Thread?
    private let database: Database
    private let maxBatchSize: Int
    private let faultInjection: StoreFaultInjection?
    /// The WAL hook installed on `database`, kept as long as the connection.
    private let checkpointTrigger: CheckpointTrigger?
    let statistics = Mutex(WriterStatistics())

    init(database: Database, maxBatchSize: Int, faultInjection: StoreFaultInjection? = nil,
         checkpointTrigger: CheckpointTrigger? = nil) {
        self.database = database
        self.maxBatchSize = maxBatchSize
        self.faultInjection = faultInjection
        self.checkpointTrigger = checkpointTrigger
    }

    /// Starts the writer thread. Call once.
    func start() {
        let thread = Thread { [self] in
            // Named from inside: on Linux a name set before `start()` is not
            // applied to the thread, which shows in `top -H` and crash logs.
            Thread.current.name = "store-writer"
            run()
        }
        condition.lock()
        self.thread = thread
        condition.unlock()
        thread.start()
    }

    /// Queues a write behind those already queued.
    /// - Throws: `StoreError.Code.closed` once `close()` has begun.
    func enqueue(_ write: any PendingWrite) throws {
        condition.lock()
        defer { condition.unlock() }
        guard !isClosing else { throw StoreError.closedPool }
        queue.append(write)
        condition.signal()
    }

    /// How many writes wait in the queue (not counting a batch being run).
    var queuedCount: Int {
        condition.lock()
        defer { condition.unlock() }
        return queue.count
    }

    /// Refuses new writes, lets the thread commit every queued one, run
    /// `PRAGMA optimize` and close the connection, and returns when it has.
    /// Called on the writer thread itself (from a write closure), it cannot
    /// wait for itself: it only refuses new writes, and the thread finishes
    /// the queue and closes after the current batch.
    func close() {
        condition.lock()
        defer { condition.unlock() }
        isClosing = true
        condition.broadcast()
        if let thread, Thread.current === thread { return }
        while !isFinished { condition.wait() }
    }

    private func run() {
        while let batch = nextBatch() {
            commit(batch)
        }
        try? database.execute("PRAGMA optimize")
        database.close()
        condition.lock()
        isFinished = true
        // The thread's block holds this writer: drop the thread to break the cycle.
        thread = nil
        condition.broadcast()
        condition.unlock()
    }

    /// Blocks until a write is queued; `nil` once closing with nothing left.
    private func nextBatch() -> [any PendingWrite]? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty && !isClosing { condition.wait() }
        guard !queue.isEmpty else { return nil }
        let count = min(maxBatchSize, queue.count)
        let batch = Array(queue.prefix(count))
        queue.removeFirst(count)
        return batch
    }

    /// Puts writes back at the head of the queue, ahead of later arrivals.
    private func requeueAtFront(_ writes: ArraySlice<any PendingWrite>) {
        guard !writes.isEmpty else { return }
        condition.lock()
        queue.insert(contentsOf: writes, at: 0)
        condition.unlock()
    }

    private func commit(_ batch: [any PendingWrite]) {
        let clock = ContinuousClock()
        let start = clock.now
        do {
            try database.executeControl("BEGIN IMMEDIATE")
        } catch {
            fail(batch, with: error)
            return
        }
        var refused = 0
        var holdsNothing = true
        for (index, write) in batch.enumerated() {
            if run(write, alone: holdsNothing) { holdsNothing = false } else { refused += 1 }
            if database.isAutocommit {
                // SQLite rolled the whole transaction back (an I/O error, a
                // full disk): the writes so far are lost, the rest get a
                // fresh transaction.
                let lost = StoreError(code: .sqlite, resultCode: 1,
                                      message: "SQLite rolled back the batch transaction after an error")
                requeueAtFront(batch[(index + 1)...])
                fail(Array(batch[...index]), with: lost)
                return
            }
        }
        let commitStart = clock.now
        do {
            if let injected = faultInjection?.takeCommitFailure() { throw injected }
            try database.executeControl("COMMIT")
        } catch {
            if !database.isAutocommit { try? database.execute("ROLLBACK") }
            fail(batch, with: error)
            return
        }
        let end = clock.now
        let pages = database.pageCacheCounters
        statistics.withLock {
            $0.pagesWritten = pages.written
            $0.cacheHits = pages.hits
            $0.cacheMisses = pages.misses
            $0.batchesCommitted += 1
            $0.itemsCommitted += batch.count - refused
            $0.itemsRefused += refused
            $0.lastCommitLatency = end - commitStart
            $0.totalCommitLatency += end - commitStart
            $0.lastBatchLatency = end - start
            $0.batchSizeHistogram[batch.count, default: 0] += 1
        }
        for write in batch { write.finish(batchError: nil) }
    }

    /// Runs one write; returns whether it succeeded. `alone`: the
    /// transaction holds no other write's changes, so the write runs
    /// without a savepoint and is undone by restarting the transaction;
    /// otherwise it runs between `SAVEPOINT` and `RELEASE` and is undone by
    /// rolling back to the savepoint, so that its neighbours are untouched.
    /// A write whose task was cancelled before its turn is not run.
    private func run(_ write: any PendingWrite, alone: Bool) -> Bool {
        guard !write.isCancelled else {
            write.refuse(CancellationError())
            return false
        }
        if !alone {
            do {
                try database.executeControl(Self.savepoint)
            } catch {
                write.refuse(error)
                return false
            }
        }
        database.beginWrite(undo: alone ? .restartTransaction : .rollbackToSavepoint)
        database.forbidsTransactionControl = true
        database.writeOrigin = write.origin
        let succeeded = write.perform(database)
        database.writeOrigin = nil
        database.forbidsTransactionControl = false
        let changed = database.endWrite()
        if alone {
            if !succeeded, changed, !database.isAutocommit {
                try? database.restartTransaction()
            }
            return succeeded
        }
        if succeeded {
            do {
                try database.executeControl(Self.release)
                return true
            } catch {
                write.refuse(error)
            }
        }
        if !database.isAutocommit {
            // RELEASE only after a successful ROLLBACK TO, as the script did;
            // a write that changed nothing has nothing to roll back.
            if !changed || (try? database.executeControl(Self.rollback)) != nil {
                try? database.executeControl(Self.release)
            }
        }
        return false
    }

    private static let savepoint = "SAVEPOINT \(Database.batchItemSavepoint)"
    private static let release = "RELEASE \(Database.batchItemSavepoint)"
    private static let rollback = "ROLLBACK TO \(Database.batchItemSavepoint)"

    private func fail(_ batch: [any PendingWrite], with error: any Error) {
        statistics.withLock {
            $0.batchesFailed += 1
            $0.itemsFailed += batch.count
            $0.batchSizeHistogram[batch.count, default: 0] += 1
        }
        for write in batch { write.finish(batchError: error) }
    }
}
