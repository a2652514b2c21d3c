/// The answer of `PRAGMA wal_checkpoint`.
public struct WALCheckpoint: Sendable, Hashable {
    /// Whether the checkpoint could not run to completion because another
    /// connection held a lock it needed.
    public let wasBlocked: Bool
    /// Frames in the write-ahead log.
    public let logFrames: Int
    /// Frames of the log copied back into the database file.
    public let checkpointedFrames: Int
}

extension DatabasePool {
    /// Runs `PRAGMA wal_checkpoint(PASSIVE)`: copies what it can from the WAL
    /// into the database file without waiting for readers or the writer.
    ///
    /// Meant for a timer, so that the automatic checkpoint's stall rarely
    /// lands on a write (docs/SERVER.md 2.2). It runs on a read-write
    /// connection of its own, not the writer's: a read-only connection
    /// cannot checkpoint, and the writer's queue should not wait behind it.
    @discardableResult
    public func checkpoint() async throws -> WALCheckpoint {
        try await checkpointConnection.withConnection { database in
            let row = try database.queryOne("PRAGMA wal_checkpoint(PASSIVE)")
            return WALCheckpoint(wasBlocked: try row?.get(0) ?? 0 != 0,
                                 logFrames: try row?.get(1) ?? -1,
                                 checkpointedFrames: try row?.get(2) ?? -1)
        }
    }

    /// Runs `PRAGMA integrity_check` on a reader; returns `"ok"` when the
    /// database is healthy, else SQLite's list of problems, one a line.
    public func integrityCheck() async throws -> String {
        try await read { database in
            try database.query("PRAGMA integrity_check").map { try $0.get(0) as String }.joined(separator: "\n")
        }
    }
}
