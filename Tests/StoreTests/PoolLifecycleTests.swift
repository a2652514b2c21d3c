import Foundation
import TestEvents
import Testing
@testable import Store

/// Closing, checkpoints and the integrity check.
@Suite struct PoolLifecycleTests {
    @Test func closeRejectsLaterWritesAndReads() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let pool = try DatabasePool(configuration: StoreConfiguration(path: directory.databasePath), migrations: testMigrations)
        pool.close()
        let writeError = try await #require(throws: StoreError.self) { try await pool.write { _ in 1 } }
        #expect(writeError.code == .closed)
        let readError = try await #require(throws: StoreError.self) { try await pool.read { _ in 1 } }
        #expect(readError.code == .closed)
        await #expect(throws: StoreError.self) { try await pool.checkpoint() }
    }

    @Test func closeIsIdempotent() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let pool = try DatabasePool(configuration: StoreConfiguration(path: directory.databasePath), migrations: [])
        pool.close()
        pool.close()
    }

    @Test func closeCommitsWritesAlreadyQueued() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let configuration = StoreConfiguration(path: directory.databasePath)
        let pool = try DatabasePool(configuration: configuration, migrations: testMigrations)
        let gate = Gate()
        async let blocker: Void = pool.write { _ in gate.enter() }
        await gate.waitForArrival()
        let writes = (0..<3).map { n in Task { try await pool.write { try insertItem("queued \(n)", into: $0) } } }
        try await waitUntil("every write is queued") { pool.queuedWriteCount == 3 }
        let closed = Thread { pool.close() }
        closed.start()
        gate.open()
        try await blocker
        for write in writes { _ = try await write.value }
        try await waitUntil("the pool is closed") { pool.statistics.itemsCommitted == 4 && closed.isFinished }
        let reopened = try DatabasePool(configuration: configuration, migrations: testMigrations)
        defer { reopened.close() }
        #expect(try await count("items", in: reopened) == 3)
    }

    @Test func integrityCheckReportsOk() async throws {
        try await withPool { pool in
            _ = try await pool.write { try insertItem("a", into: $0) }
            #expect(try await pool.integrityCheck() == "ok")
        }
    }

    @Test func passiveCheckpointCopiesTheLogBack() async throws {
        try await withPool { pool in
            _ = try await pool.write { try insertItem("a", into: $0) }
            let result = try await pool.checkpoint()
            #expect(!result.wasBlocked)
            #expect(result.logFrames > 0)
            #expect(result.checkpointedFrames == result.logFrames)
        }
    }

    @Test func invalidConfigurationIsRejected() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var configuration = StoreConfiguration(path: directory.databasePath)
        configuration.readerCount = 0
        let error = try #require(throws: StoreError.self) { try DatabasePool(configuration: configuration, migrations: []) }
        #expect(error.code == .configuration)
    }
}

extension PoolLifecycleTests {
    @Test func closeFromInsideAWriteCommitsThatWriteAndRefusesLaterOnes() async throws {
        try await withPool { pool in
            let id = try await pool.write { database in
                pool.close()
                return try insertItem("last", into: database)
            }
            #expect(id == 1)
            let error = try await #require(throws: StoreError.self) { try await pool.write { _ in 1 } }
            #expect(error.code == .closed)
        }
    }
}

extension PoolLifecycleTests {
    /// Smuggles a connection out of its closure, which callers must never do.
    private final class Escaped: @unchecked Sendable {
        var database: Database?
    }

    @Test func connectionThatEscapedItsClosureIsRefusedAfterClose() async throws {
        let escaped = Escaped()
        try await withPool { pool in
            try await pool.read { escaped.database = $0 }
        }
        let error = try #require(throws: StoreError.self) { try escaped.database?.query("SELECT 1") }
        #expect(error.code == .closed)
    }
}
