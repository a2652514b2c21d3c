import Foundation
import Testing
@testable import Store

/// `write`: one transaction per write, errors passed through unchanged.
@Suite struct WriteTests {
    @Test func throwingWorkLeavesNoRows() async throws {
        try await withPool { pool in
            await #expect(throws: Refusal(reason: "overlap")) {
                try await pool.write { database in
                    _ = try insertItem("first", into: database)
                    _ = try insertItem("second", into: database)
                    throw Refusal(reason: "overlap")
                }
            }
            let remaining = try await count("items", in: pool)
            #expect(remaining == 0)
        }
    }

    @Test func undoWriteLetsALoneWriteBeginAgain() async throws {
        try await withPool { pool in
            try await pool.write { database in
                _ = try insertItem("undone", into: database)
                try database.undoWrite()
                _ = try insertItem("kept", into: database)
            }
            let labels = try await pool.read { try $0.query("SELECT label FROM items").map { try $0.get("label") as String } }
            #expect(labels == ["kept"])
        }
    }

    @Test func writeReturnsTheWorksResult() async throws {
        try await withPool { pool in
            let id = try await pool.write { try insertItem("a", into: $0) }
            #expect(id == 1)
        }
    }

    @Test func constraintViolationIsAStoreErrorForThatWriteOnly() async throws {
        try await withPool { pool in
            _ = try await pool.write { try insertItem("a", into: $0) }
            let error = try await #require(throws: StoreError.self) {
                try await pool.write { try insertItem("a", into: $0) }
            }
            #expect(error.isConstraintViolation)
            #expect(try await count("items", in: pool) == 1)
        }
    }

    @Test func workMayNotCommitTheSharedTransaction() async throws {
        try await withPool { pool in
            let error = try await #require(throws: StoreError.self) {
                try await pool.write { database in
                    _ = try insertItem("a", into: database)
                    try database.execute("COMMIT")
                }
            }
            #expect(error.code == .transactionControl)
            #expect(try await count("items", in: pool) == 0)
        }
    }

    @Test func workMayNotRollBackTheWritersSavepoint() async throws {
        try await withPool { pool in
            let error = try await #require(throws: StoreError.self) {
                try await pool.write { try $0.run("ROLLBACK TO store_batch_item") }
            }
            #expect(error.code == .transactionControl)
        }
    }

    @Test func workMayUseSavepointsOfItsOwn() async throws {
        try await withPool { pool in
            try await pool.write { database in
                try database.execute("SAVEPOINT mine")
                _ = try insertItem("kept", into: database)
                try database.execute("RELEASE mine")
                try database.execute("SAVEPOINT undone")
                _ = try insertItem("undone", into: database)
                try database.execute("ROLLBACK TO undone; RELEASE undone")
            }
            #expect(try await count("items", in: pool) == 1)
        }
    }

    @Test func loneWriteCommitsInABatchOfOne() async throws {
        try await withPool { pool in
            _ = try await pool.write { try insertItem("alone", into: $0) }
            let statistics = pool.statistics
            #expect(statistics.batchSizeHistogram == [1: 1])
            #expect(statistics.batchesCommitted == 1)
            #expect(statistics.itemsCommitted == 1)
            #expect(statistics.lastCommitLatency > .zero)
        }
    }
}

extension WriteTests {
    /// Judged by thread id: `Thread.current.name` on Linux can report the
    /// OS name the thread inherited from its creator instead of the one set.
    @Test func writesRunOnTheDedicatedWriterThread() async throws {
        try await withPool { pool in
            var writers = Set<UInt>()
            for _ in 0..<5 { writers.insert(UInt(try await pool.write { _ in pthread_self() })) }
            let caller = UInt(pthread_self())
            #expect(writers.count == 1)
            #expect(!writers.contains(caller))
        }
    }
}
