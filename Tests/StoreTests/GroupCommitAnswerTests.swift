import Synchronization
import Testing
@testable import Store

/// Group commit keeps per-request results. Beside
/// `GroupCommitTests`: a lone write commits at once in a batch of its own (no
/// fixed wait for company), every caller is answered only once its write is
/// committed and visible to other connections, and a write refused inside a
/// batch whose COMMIT then fails keeps its own refusal.
@Suite struct GroupCommitAnswerTests {
    @Test func loneWritesCommitAtOnceEachInABatchOfItsOwn() async throws {
        try await withPool { pool in
            let before = pool.statistics.batchSizeHistogram[1, default: 0]
            for n in 0..<20 {
                _ = try await pool.write { try insertItem("lone \(n)", into: $0) }
                // Committed when answered: another connection sees it.
                #expect(try await pool.read { try $0.queryOne("SELECT count(*) FROM items")!.get(0) as Int } == n + 1)
            }
            // Nothing else was queued, so none waited for company.
            #expect(pool.statistics.batchSizeHistogram[1, default: 0] - before == 20)
            #expect(pool.statistics.batchesCommitted >= 20)
        }
    }

    @Test func everyCallerOfABatchIsAnsweredAfterItsCommit() async throws {
        try await withPool { pool in
            let seen = AnswerCounter()
            let results = try await batch(pool, (0..<8).map { n in { try insertItem("batched \(n)", into: $0) } }) { index, _ in
                // On a reader connection: only committed rows are visible.
                let visible = (try? await pool.read {
                    try $0.queryOne("SELECT count(*) FROM items WHERE label = ?", [.text("batched \(index)")])!.get(0) as Int
                }) ?? 0
                if visible == 1 { seen.increment() }
            }
            #expect(results.allSatisfy { (try? $0.get()) != nil })
            #expect(pool.statistics.batchSizeHistogram[8] == 1)
            #expect(seen.value == 8)
        }
    }

    @Test func aRefusalInABatchWhoseCommitFailsKeepsItsOwnError() async throws {
        try await withPool { pool in
            let results = try await batch(pool, [
                { @Sendable in _ = try insertItem("lost with the batch", into: $0) },
                { @Sendable database in
                    _ = try insertItem("refused", into: database)
                    throw Refusal(reason: "slot taken")
                },
                // A deferred foreign key: fails at COMMIT, so the whole batch fails.
                { @Sendable in _ = try $0.run("INSERT INTO children (parent_id) VALUES (42)") },
            ])
            let first = try #require(throws: StoreError.self) { try results[0].get() }
            #expect(first.isConstraintViolation)
            #expect(throws: Refusal(reason: "slot taken")) { try results[1].get() }
            let third = try #require(throws: StoreError.self) { try results[2].get() }
            #expect(third.isConstraintViolation)
            #expect(try await count("items", in: pool) == 0)
            #expect(try await count("children", in: pool) == 0)
            #expect(pool.statistics.batchesFailed == 1)
        }
    }

    @Test func refusalsInterleavedWithSuccessesEachGetTheirOwnAnswer() async throws {
        try await withPool { pool in
            // Even items insert; odd items insert then refuse. Each odd
            // refusal must undo only its own row.
            let writes: [@Sendable (Database) throws -> Int64] = (0..<20).map { n in
                { @Sendable database in
                    let id = try insertItem("item \(n)", into: database)
                    if n % 2 == 1 { throw Refusal(reason: "refused \(n)") }
                    return id
                }
            }
            let results = try await batch(pool, writes)
            for (n, result) in results.enumerated() {
                if n % 2 == 1 {
                    #expect(throws: Refusal(reason: "refused \(n)")) { try result.get() }
                } else {
                    #expect((try? result.get()) != nil)
                }
            }
            let labels = try await pool.read { try $0.query("SELECT label FROM items ORDER BY id").map { try $0.get("label") as String } }
            #expect(labels == (0..<20).filter { $0 % 2 == 0 }.map { "item \($0)" })
            #expect(pool.statistics.batchSizeHistogram[20] == 1)
            #expect(pool.statistics.itemsRefused == 10)
        }
    }
}

/// A thread-safe counter for answers observed from several tasks.
final class AnswerCounter: Sendable {
    private let count = Mutex(0)
    func increment() { count.withLock { $0 += 1 } }
    var value: Int { count.withLock { $0 } }
}
