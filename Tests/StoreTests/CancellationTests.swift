import TestEvents
import Testing
@testable import Store

/// A cancelled caller stops waiting; work already started is unaffected.
@Suite struct CancellationTests {
    @Test func cancelledWriteIsNotRunWhenItsTurnComes() async throws {
        try await withPool { pool in
            let gate = Gate()
            async let blocker: Void = pool.write { _ in gate.enter() }
            await gate.waitForArrival()
            let cancelled = Task { try await pool.write { try insertItem("cancelled", into: $0) } }
            let kept = Task { try await pool.write { try insertItem("kept", into: $0) } }
            try await waitUntil("both writes are queued") { pool.queuedWriteCount == 2 }
            cancelled.cancel()
            gate.open()
            try await blocker
            await #expect(throws: CancellationError.self) { try await cancelled.value }
            _ = try await kept.value
            let labels = try await pool.read { try $0.query("SELECT label FROM items").map { try $0.get("label") as String } }
            #expect(labels == ["kept"])
        }
    }

    @Test func startedWriteCommitsDespiteCancellation() async throws {
        try await withPool { pool async throws in
            let gate = Gate()
            let write = Task {
                try await pool.write { database in
                    gate.enter()
                    return try insertItem("started", into: database)
                }
            }
            await gate.waitForArrival()
            write.cancel()
            gate.open()
            #expect(try await write.value == 1)
            #expect(try await count("items", in: pool) == 1)
        }
    }

    @Test func cancelledReaderStopsWaitingForAConnection() async throws {
        try await withPool(configure: { $0.readerCount = 1 }) { pool in
            let gate = Gate()
            let holder = onOwnThread { try await pool.read { _ in gate.enter() } }
            await gate.waitForArrival()
            let waiting = Task { try await pool.read { try $0.queryOne("SELECT 1")!.get(0) as Int } }
            try await waitUntil("the read waits") { pool.waitingReadCount == 1 }
            waiting.cancel()
            await #expect(throws: CancellationError.self) { try await waiting.value }
            #expect(pool.waitingReadCount == 0)
            gate.open()
            try await holder.value
            #expect(try await pool.read { try $0.queryOne("SELECT 2")!.get(0) as Int } == 2)
        }
    }
}
