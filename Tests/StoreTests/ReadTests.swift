import TestEvents
import Testing
@testable import Store

/// `read`: committed snapshots on a small pool of read-only connections.
@Suite struct ReadTests {
    @Test func readersSeeCommittedWrites() async throws {
        try await withPool { pool in
            _ = try await pool.write { try insertItem("committed", into: $0) }
            #expect(try await count("items", in: pool) == 1)
        }
    }

    @Test func readersDoNotSeeAWriteBeforeItCommits() async throws {
        try await withPool { pool in
            let gate = Gate()
            async let write = pool.write { database in
                let id = try insertItem("pending", into: database)
                gate.enter()
                return id
            }
            await gate.waitForArrival()
            #expect(try await count("items", in: pool) == 0)
            gate.open()
            _ = try await write
            #expect(try await count("items", in: pool) == 1)
        }
    }

    @Test func readSeesOneSnapshotThroughout() async throws {
        try await withPool { pool in
            let gate = Gate()
            let counts = onOwnThread { try await pool.read { database in
                let before: Int = try database.queryOne("SELECT count(*) FROM items")!.get(0)
                gate.enter()
                let after: Int = try database.queryOne("SELECT count(*) FROM items")!.get(0)
                return [before, after]
            } }
            await gate.waitForArrival()
            _ = try await pool.write { try insertItem("meanwhile", into: $0) }
            gate.open()
            #expect(try await counts.value == [0, 0])
        }
    }

    @Test func exhaustedReadPoolSuspendsCallersUntilAReaderIsFree() async throws {
        try await withPool(configure: { $0.readerCount = 1 }) { pool in
            let gate = Gate()
            let first = onOwnThread { try await pool.read { database in
                gate.enter()
                return try database.queryOne("SELECT 1")!.get(0) as Int
            } }
            await gate.waitForArrival()
            let second = Task { try await pool.read { try $0.queryOne("SELECT 2")!.get(0) as Int } }
            try await waitUntil("the second read waits") { pool.waitingReadCount == 1 }
            gate.open()
            #expect(try await first.value == 1)
            #expect(try await second.value == 2)
            #expect(pool.waitingReadCount == 0)
        }
    }

    @Test func readErrorIsPassedThroughUnchanged() async throws {
        try await withPool { pool in
            await #expect(throws: Refusal(reason: "not found")) {
                try await pool.read { _ in throw Refusal(reason: "not found") }
            }
            let remaining = try await count("items", in: pool)
            #expect(remaining == 0)
        }
    }
}
