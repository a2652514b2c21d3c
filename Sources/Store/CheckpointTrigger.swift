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
/// - past `backgroundFrames` it asks for a `PASSIVE` checkpoint on the
///   checkpointer's own connection, on another thread (`requestBackground`,
///   at most one asked for at a time), and the commit returns at once;
/// - past `writerFrames` the writer checkpoints itself, `PASSIVE` as
///   SQLite's hook does, so that the WAL still restarts under a load that
///   never pauses (a checkpoint running beside writes never catches up with
///   them, and SQLite only restarts the WAL from the start when every frame
///   has been copied): it copies only the frames the background ones have
///   not, and the next write starts the WAL again from its beginning.
///
/// `DatabasePool.close()` waits for a background checkpoint under way
/// (`waitForBackground()`), so that nothing writes the database file once
/// it has returned.
///
/// `@unchecked Sendable`: its fields are constants, atomics, and
/// `backgroundPending`, guarded by `condition`.
final class CheckpointTrigger: @unchecked Sendable {
    let backgroundFrames: Int32
    let writerFrames: Int32
    private let requestBackground: @Sendable (CheckpointTrigger) -> Void
    private let condition = NSCondition()
    private var backgroundPending = false
    private let writerCheckpoints = Atomic<Int>(0)
    private let backgroundCheckpoints = Atomic<Int>(0)

    /// `requestBackground` starts a checkpoint off the writer's thread and
    /// calls `backgroundFinished()` when it has run.
    init(backgroundFrames: Int32, writerFrames: Int32, requestBackground: @escaping @Sendable (CheckpointTrigger) -> Void) {
        self.backgroundFrames = backgroundFrames
        self.writerFrames = writerFrames
        self.requestBackground = requestBackground
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

    /// Called by SQLite on the writer's thread after each commit, with the
    /// frames now in the WAL.
    private func committed(frames: Int32, on connection: OpaquePointer) {
        if frames >= writerFrames {
            // SQLITE_BUSY while a background checkpoint runs: the next commit tries again.
            if sqlite3_wal_checkpoint_v2(connection, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil) == SQLITE_OK {
                writerCheckpoints.add(1, ordering: .relaxed)
            }
        } else if frames >= backgroundFrames {
            condition.lock()
            let asks = !backgroundPending
            backgroundPending = true
            condition.unlock()
            if asks { requestBackground(self) }
        }
    }

    /// The background checkpoint asked for has run: the next commit past
    /// `backgroundFrames` may ask for another.
    func backgroundFinished() {
        backgroundCheckpoints.add(1, ordering: .relaxed)
        condition.lock()
        backgroundPending = false
        condition.broadcast()
        condition.unlock()
    }

    /// Blocks until no background checkpoint is asked for or under way.
    func waitForBackground() {
        condition.lock()
        while backgroundPending { condition.wait() }
        condition.unlock()
    }
}
