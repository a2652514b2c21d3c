import Testing
@testable import Store

/// docs/SERVER.md 2.4: a commit failure injected on purpose behaves as a real
/// one: the batch is rolled back, every write in it fails with the error,
/// nothing it wrote is kept, and the writer goes on with the next batch.
@Suite struct FaultInjectionTests {
    @Test func anInjectedCommitFailureFailsTheWriteAndKeepsNothing() async throws {
        let faults = StoreFaultInjection()
        try await withPool(configure: { $0.faultInjection = faults }) { pool in
            faults.failNextCommits()
            var failure: StoreError?
            do {
                _ = try await pool.write { try insertItem("lost", into: $0) }
            } catch let error as StoreError {
                failure = error
            }
            #expect(failure?.primaryResultCode == 13)
            #expect(failure?.isFault == false)
            #expect(try await count("items", in: pool) == 0)
            #expect(faults.commitFailuresPending == 0)
            #expect(pool.fault == nil)
        }
    }

    @Test func theWriterCommitsAgainOnceTheInjectedFailuresAreSpent() async throws {
        let faults = StoreFaultInjection()
        try await withPool(configure: { $0.faultInjection = faults }) { pool in
            faults.failNextCommits(2)
            for _ in 0..<2 {
                await #expect(throws: StoreError.self) { try await pool.write { try insertItem("lost", into: $0) } }
            }
            _ = try await pool.write { try insertItem("kept", into: $0) }
            #expect(try await count("items", in: pool) == 1)
            #expect(pool.statistics.batchesFailed == 2)
        }
    }
}
