import CSQLite
import Foundation
import Synchronization

/// Where the WAL's checkpoints run under load: off the single writer's
/// thread (docs/SERVER.md 2.2).
///
/// SQLite's automatic checkpoint runs inside the `COMMIT` that takes the WAL
/// past 1,000 frames, on the connection that committed: the writer. Under
/// the book-and-cancel mix the WAL passed 1,000 frames every seven batches
/// or so, and the writer itself copied those pages into the database file,
/// reading each frame back from the WAL: per committed write, 1.0–1.7 page
/// writes to the database file and as many reads of the WAL beside its ~4
/// frames (bench/BENCHMARKS.md, "The single writer's bytes"). This hook
/// replaces SQLite's on the writer's connection (`sqlite3_wal_hook`; the
/// automatic checkpoint is itself such a hook, so the two exclude each
/// other):
///
/// - past `backgroundFrames` it asks for a `PASSIVE` checkpoint on a
///   connection of its own, run by a thread of its own (`store-checkpoint`),
///   at most one asked for at a time, and the commit returns at once. A
///   thread rather than a task: the checkpoint holds its thread through the
///   database file's `fsync`, which must not take a thread of the
///   cooperative pool, where requests are served, nor an event loop;
/// - past `writerFrames` the writer checkpoints itself, `PASSIVE` as
///   SQLite's hook does, so that the WAL still restarts under a load that
///   never pauses (a checkpoint running beside writes never catches up with
///   them, and SQLite only restarts the WAL from the start when every frame
///   has been copied): it copies only the frames the background ones have
///   not, and the next write starts the WAL again from its beginning.
///
/// Two checkpoints never run at once: the one-second timer's (on the
/// pool's checkpointer connection) or the writer's finds the other's lock
/// and returns at once, copying nothing. `close()` finishes a checkpoint
/// under way and closes the connection, so that nothing writes the
/// database file once `DatabasePool.close()` has returned.
///
/// `@unchecked Sendable`: `pending`, `isClosing`, `isStarted` and
/// `isFinished` are guarded by `condition`; `database` is used only by the
/// checkpoint thread once `start()` has been called; the counters are atomics.
final class CheckpointTrigger: @unchecked Sendable {
    let backgroundFrames: Int32
    let writerFrames: Int32
    private let database: Database
    private let condition = NSCondition()
    private var pending = false
    private var isClosing = false
    private var isStarted = false
    private var isFinished = false
    private let writerCheckpoints = Atomic<Int>(0)
    private let backgroundCheckpoints = Atomic<Int>(0)

    /// `database`: a read-write connection of its own (not the writer's),
    /// owned by the trigger from now on.
    init(backgroundFrames: Int32, writerFrames: Int32, database: Database) {
        self.backgroundFrames = backgroundFrames
        self.writerFrames = writerFrames
        self.database = database
    }

    /// Checkpoints run so far by the writer itself and in the background.
    var counts: (writer: Int, background: Int) {
        (writerCheckpoints.load(ordering: .relaxed), backgroundCheckpoints.load(ordering: .relaxed))
    }

    /// Installs the hook on `database` (the writer's connection), whose
    /// lifetime this trigger must outlive.
    func install(on database: Database) {
        _ = sqlite3_wal_hook(database.handle, { context, connection, _, frames in
            guard let context, let connection else { return SQLITE_OK }
            Unmanaged<CheckpointTrigger>.fromOpaque(context).takeUnretainedValue().committed(frames: frames, on: connection)
            return SQLITE_OK
        }, Unmanaged.passUnretained(self).toOpaque())
    }

    /// Starts the checkpoint thread. Call once.
    func start() {
        condition.lock()
        isStarted = true
        condition.unlock()
        Thread { [self] in
            Thread.current.name = "store-checkpoint"
            run()
        }.start()
    }

    /// Lets a checkpoint under way finish, closes the connection and stops
    /// the thread; returns when it has. Later commits ask for nothing.
    func close() {
        condition.lock()
        defer { condition.unlock() }
        isClosing = true
        condition.broadcast()
        guard isStarted else {
            if !isFinished { database.close() }
            isFinished = true
            return
        }
        while !isFinished { condition.wait() }
    }

    /// Called by SQLite on the writer's thread after each commit, with the
    /// frames now in the WAL.
    private func committed(frames: Int32, on connection: OpaquePointer) {
        if frames >= writerFrames {
            // SQLITE_BUSY while another checkpoint runs: the next commit tries again.
            if sqlite3_wal_checkpoint_v2(connection, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil) == SQLITE_OK {
                writerCheckpoints.add(1, ordering: .relaxed)
            }
        } else if frames >= backgroundFrames {
            condition.lock()
            if !pending && !isClosing {
                pending = true
                condition.signal()
            }
            condition.unlock()
        }
    }

    private func run() {
        condition.lock()
        while true {
            while !pending && !isClosing { condition.wait() }
            guard pending else { break }
            condition.unlock()
            _ = try? database.execute("PRAGMA wal_checkpoint(PASSIVE)")
            backgroundCheckpoints.add(1, ordering: .relaxed)
            condition.lock()
            pending = false
        }
        database.close()
        isFinished = true
        condition.broadcast()
        condition.unlock()
    }
}
