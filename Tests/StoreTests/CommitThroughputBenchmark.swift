import Foundation
import Testing
@testable import Store

/// Commits per second with one writer and with many concurrent writers.
///
/// Not a rule of the store, so it runs only when `STORE_BENCH` is set
/// (`bench/store-commit.sh`). The database goes under `STORE_BENCH_DIR`, so
/// that the figures measure a real disk's fsync rather than a tmpfs.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["STORE_BENCH"] != nil), .serialized)
struct CommitThroughputBenchmark {
    private static let totalWrites = 4000

    @Test(arguments: [StoreConfiguration.Synchronous.full, .normal], [1, 4, 16, 64, 256])
    func commitsPerSecond(synchronous: StoreConfiguration.Synchronous, writers: Int) async throws {
        let base = ProcessInfo.processInfo.environment["STORE_BENCH_DIR"] ?? NSTemporaryDirectory()
        let directory = base + "/store-bench-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var configuration = StoreConfiguration(path: directory + "/bench.sqlite")
        configuration.synchronous = synchronous
        let pool = try DatabasePool(configuration: configuration, migrations: testMigrations)
        defer { pool.close() }

        let perWriter = Self.totalWrites / writers
        let clock = ContinuousClock()
        let elapsed = try await clock.measure {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 0..<writers {
                    group.addTask {
                        for n in 0..<perWriter {
                            _ = try await pool.write { try insertItem("w\(writer)-\(n)", into: $0) }
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        let statistics = pool.statistics
        let writes = perWriter * writers
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let meanCommit = statistics.totalCommitLatency / statistics.batchesCommitted
        let meanCommitMicroseconds = Double(meanCommit.components.attoseconds) / 1e12 + Double(meanCommit.components.seconds) * 1e6
        print(String(format: "store-commit synchronous=%@ writers=%d writes=%d seconds=%.3f writes/s=%.0f commits=%d mean-batch=%.1f mean-commit-us=%.0f",
                     synchronous.rawValue, writers, writes, seconds, Double(writes) / seconds, statistics.batchesCommitted,
                     Double(statistics.itemsCommitted) / Double(statistics.batchesCommitted), meanCommitMicroseconds))
        #expect(statistics.itemsCommitted == writes)
    }
}
