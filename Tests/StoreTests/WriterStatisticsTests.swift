import Testing
@testable import Store

/// The writer's counters, as metrics will read them.
@Suite struct WriterStatisticsTests {
    @Test func cumulativeBatchSizesCountEveryBatchAtOrBelowEachBound() {
        var statistics = WriterStatistics()
        statistics.batchSizeHistogram = [1: 5, 3: 2, 64: 1]
        let buckets = statistics.cumulativeBatchSizes(upperBounds: [64, 1, 4])
        #expect(buckets.map(\.upperBound) == [1, 4, 64])
        #expect(buckets.map(\.count) == [5, 7, 8])
    }

    @Test func refusedWritesAreCountedApartFromCommittedOnes() async throws {
        try await withPool { pool in
            _ = try await pool.write { try insertItem("a", into: $0) }
            _ = try? await pool.write { _ in throw Refusal(reason: "no") }
            let statistics = pool.statistics
            #expect(statistics.itemsCommitted == 1)
            #expect(statistics.itemsRefused == 1)
            #expect(statistics.batchesCommitted == 2)
            #expect(statistics.totalCommitLatency >= statistics.lastCommitLatency)
        }
    }

    @Test func theWritersPageCacheCountsThePagesEachCommitWrites() async throws {
        try await withPool { pool in
            _ = try await pool.write { try insertItem("a", into: $0) }
            let first = pool.statistics
            #expect(first.pagesWritten >= 1)
            #expect(first.cacheHits >= 1)
            _ = try await pool.write { db in
                for n in 0..<200 { _ = try insertItem(String(repeating: "x", count: 200) + String(n), into: db) }
            }
            let second = pool.statistics
            // 200 rows of ~200 bytes fill several 4 KiB pages, each written once by the commit.
            #expect(second.pagesWritten - first.pagesWritten >= 8)
            _ = try? await pool.write { _ in throw Refusal(reason: "no") }
            #expect(pool.statistics.pagesWritten == second.pagesWritten)
        }
    }
}
