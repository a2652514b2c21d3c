import Testing
@testable import Store

/// docs/SERVER.md 2.3: queued writes share one transaction, each undone
/// alone when it fails (in its own savepoint once the transaction holds
/// another's changes), acknowledged only after `COMMIT`.
@Suite struct GroupCommitTests {
    @Test func manyConcurrentWritesAllCommitWithTheirOwnResults() async throws {
        try await withPool { pool in
            let results = try await withThrowingTaskGroup(of: (String, String).self) { group in
                for n in 0..<500 {
                    group.addTask {
                        let label = "item \(n)"
                        let stored = try await pool.write { database in
                            let id = try insertItem(label, into: database)
                            return try database.queryOne("SELECT label FROM items WHERE id = ?", [.integer(id)])!.get("label") as String
                        }
                        return (label, stored)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(results.count == 500)
            #expect(results.allSatisfy { $0.0 == $0.1 })
            #expect(try await count("items", in: pool) == 500)
            let statistics = pool.statistics
            #expect(statistics.itemsCommitted == 500)
            #expect(statistics.batchSizeHistogram.reduce(0) { $0 + $1.key * $1.value } == 500)
        }
    }

    @Test func queuedWritesCommitTogetherInOneBatch() async throws {
        try await withPool { pool in
            let results = try await batch(pool, (0..<5).map { n in { try insertItem("queued \(n)", into: $0) } })
            #expect(results.allSatisfy { (try? $0.get()) != nil })
            #expect(pool.statistics.batchSizeHistogram[5] == 1)
        }
    }

    @Test func refusedItemInBatchDoesNotUndoItsNeighbours() async throws {
        try await withPool { pool in
            let results = try await batch(pool, [
                { @Sendable in try insertItem("before", into: $0) },
                { @Sendable database in
                    _ = try insertItem("refused", into: database)
                    throw Refusal(reason: "quota exceeded")
                },
                { @Sendable in try insertItem("after", into: $0) },
            ])
            #expect(pool.statistics.batchSizeHistogram[3] == 1)
            #expect((try? results[0].get()) != nil)
            #expect(throws: Refusal(reason: "quota exceeded")) { try results[1].get() }
            #expect((try? results[2].get()) != nil)
            let labels = try await pool.read { try $0.query("SELECT label FROM items ORDER BY id").map { try $0.get("label") as String } }
            #expect(labels == ["before", "after"])
            #expect(pool.statistics.itemsRefused == 1)
        }
    }

    @Test func firstItemThatFailsAfterWritingDoesNotUndoTheItemsAfterIt() async throws {
        try await withPool { pool in
            let results = try await batch(pool, [
                { @Sendable database in
                    _ = try insertItem("refused", into: database)
                    throw Refusal(reason: "quota exceeded")
                },
                { @Sendable in try insertItem("after", into: $0) },
                { @Sendable in try insertItem("last", into: $0) },
            ])
            #expect(pool.statistics.batchSizeHistogram[3] == 1)
            #expect(throws: Refusal(reason: "quota exceeded")) { try results[0].get() }
            let labels = try await pool.read { try $0.query("SELECT label FROM items ORDER BY id").map { try $0.get("label") as String } }
            #expect(labels == ["after", "last"])
        }
    }

    @Test func undoWriteUndoesOnlyTheRunningWriteAndLetsItGoOn() async throws {
        try await withPool { pool in
            let results = try await batch(pool, [
                { @Sendable in try insertItem("first", into: $0) },
                { @Sendable database in
                    _ = try insertItem("undone", into: database)
                    try database.undoWrite()
                    return try insertItem("recorded", into: database)
                },
            ])
            #expect(results.allSatisfy { (try? $0.get()) != nil })
            let labels = try await pool.read { try $0.query("SELECT label FROM items ORDER BY id").map { try $0.get("label") as String } }
            #expect(labels == ["first", "recorded"])
        }
    }

    @Test func laterItemSeesEarlierItemsRowsInTheSameBatch() async throws {
        try await withPool { pool in
            let results = try await batch(pool, [
                { @Sendable in try insertItem("first", into: $0) },
                { @Sendable in try $0.queryOne("SELECT count(*) FROM items WHERE label = 'first'")!.get(0) as Int64 },
            ])
            #expect(try results[1].get() == 1)
        }
    }

    @Test func failedCommitFailsEveryItemOfTheBatch() async throws {
        try await withPool { pool in
            let results = try await batch(pool, [
                { @Sendable database in
                    try database.run("INSERT INTO parents (id) VALUES (1)")
                    try database.run("INSERT INTO children (parent_id) VALUES (1)")
                },
                { @Sendable in _ = try $0.run("INSERT INTO children (parent_id) VALUES (99)") },
                { @Sendable in _ = try insertItem("innocent", into: $0) },
            ])
            for result in results {
                let error = try #require(throws: StoreError.self) { try result.get() }
                #expect(error.isConstraintViolation)
            }
            #expect(try await count("parents", in: pool) == 0)
            #expect(try await count("children", in: pool) == 0)
            #expect(try await count("items", in: pool) == 0)
            #expect(pool.statistics.batchesFailed == 1)
        }
    }

    @Test func writerRecoversAfterAFailedCommit() async throws {
        try await withPool { pool in
            await #expect(throws: StoreError.self) {
                try await pool.write { try $0.run("INSERT INTO children (parent_id) VALUES (99)") }
            }
            _ = try await pool.write { try insertItem("next", into: $0) }
            #expect(try await count("items", in: pool) == 1)
        }
    }

    @Test func batchesAreCappedAtMaxBatchSize() async throws {
        try await withPool(configure: { $0.maxBatchSize = 2 }) { pool in
            _ = try await batch(pool, (0..<5).map { n in { try insertItem("capped \(n)", into: $0) } })
            #expect(pool.statistics.batchSizeHistogram.keys.allSatisfy { $0 <= 2 })
            #expect(try await count("items", in: pool) == 5)
        }
    }
}
