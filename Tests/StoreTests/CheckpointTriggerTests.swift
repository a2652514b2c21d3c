import Testing
import TestEvents
@testable import Store

/// Where the WAL's checkpoints run: a commit past the background threshold
/// asks the checkpointer's connection for one, off the writer; past the
/// writer's threshold the writer runs one itself, so the WAL restarts.
@Suite struct CheckpointTriggerTests {
    /// Writes `count` batches of 20 rows of ~300 bytes: a few WAL frames each.
    private func fill(_ pool: DatabasePool, batches count: Int, from first: Int = 0) async throws {
        for batch in first..<(first + count) {
            _ = try await pool.write { db in
                for row in 0..<20 { _ = try insertItem(String(repeating: "x", count: 300) + "\(batch)-\(row)", into: db) }
            }
        }
    }

    /// Frames in the WAL now, as a checkpoint that copies nothing reports them.
    private func walFrames(_ pool: DatabasePool) async throws -> Int {
        try await pool.checkpointConnection.withConnection { db in
            try db.queryOne("PRAGMA wal_checkpoint(PASSIVE)")?.get(1) ?? -1
        }
    }

    @Test func aCommitPastTheBackgroundThresholdAsksTheCheckpointerNotTheWriter() async throws {
        try await withPool(configure: { $0.backgroundCheckpointFrames = 10; $0.writerCheckpointFrames = 1_000_000 }) { pool in
            try await fill(pool, batches: 10)
            try await waitUntil("a background checkpoint has run") { pool.statistics.backgroundCheckpoints >= 1 }
            #expect(pool.statistics.writerCheckpoints == 0)
        }
    }

    @Test func belowTheBackgroundThresholdNoCommitAsksForACheckpoint() async throws {
        try await withPool(configure: { $0.backgroundCheckpointFrames = 1_000_000; $0.writerCheckpointFrames = 1_000_000 }) { pool in
            try await fill(pool, batches: 10)
            #expect(pool.statistics.backgroundCheckpoints == 0)
            #expect(pool.statistics.writerCheckpoints == 0)
            #expect(try await walFrames(pool) >= 10)
        }
    }

    @Test func pastTheWritersThresholdTheWriterCheckpointsAndTheWALRestarts() async throws {
        try await withPool(configure: { $0.backgroundCheckpointFrames = 1_000_000; $0.writerCheckpointFrames = 20 }) { pool in
            try await fill(pool, batches: 40)
            #expect(pool.statistics.writerCheckpoints >= 1)
            // Without the writer's checkpoints the WAL would hold every frame of the 40 batches.
            let frames = try await walFrames(pool)
            #expect(frames < 60)
            #expect(try await pool.read { try $0.queryOne("SELECT count(*) FROM items")?.get(0) as Int? } == 800)
        }
    }
}
