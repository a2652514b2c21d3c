import Foundation
import TestEvents
import Testing
@testable import Store

/// A fresh directory under the system temporary directory, removed by `remove()`.
struct TemporaryDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "store-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    var databasePath: String { path + "/db/center.sqlite" }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// The schema most tests use.
let testMigrations = [
    Migration(version: 1, name: "items", sql: """
        CREATE TABLE items (id INTEGER PRIMARY KEY, label TEXT NOT NULL UNIQUE, amount INTEGER NOT NULL DEFAULT 0) STRICT;
        """),
    Migration(version: 2, name: "deferred parents", sql: """
        CREATE TABLE parents (id INTEGER PRIMARY KEY);
        CREATE TABLE children (
            id INTEGER PRIMARY KEY,
            parent_id INTEGER NOT NULL REFERENCES parents(id) DEFERRABLE INITIALLY DEFERRED
        );
        """),
]

/// Opens a pool on a temporary directory, runs `body`, then closes the pool
/// and removes the directory. Opening (migrations, fsyncs) and closing block,
/// so they run off the cooperative pool (`blocking`).
func withPool<T>(
    migrations: [Migration] = testMigrations,
    configure: (inout StoreConfiguration) -> Void = { _ in },
    _ body: (DatabasePool) async throws -> T
) async throws -> T {
    let directory = try TemporaryDirectory()
    var configuration = StoreConfiguration(path: directory.databasePath)
    configure(&configuration)
    let pool: DatabasePool
    do {
        pool = try await blocking { [configuration] in try DatabasePool(configuration: configuration, migrations: migrations) }
    } catch {
        directory.remove()
        throw error
    }
    let close = { @Sendable in
        pool.close()
        directory.remove()
    }
    do {
        let result = try await body(pool)
        await blocking(close)
        return result
    } catch {
        await blocking(close)
        throw error
    }
}

/// Counts the rows of `table` on a reader.
func count(_ table: String, in pool: DatabasePool) async throws -> Int {
    try await pool.read { try $0.queryOne("SELECT count(*) FROM \(table)")!.get(0) }
}

/// Inserts an item labelled `label` and returns its id.
@Sendable func insertItem(_ label: String, into database: Database) throws -> Int64 {
    try database.run("INSERT INTO items (label) VALUES (?)", [.text(label)])
    return database.lastInsertRowID
}

/// Holds the writer inside a first write, queues `writes` behind it one
/// at a time (so the batch holds them in the order given, and their row
/// ids follow it), and lets it go once all are queued, so that they form
/// one batch. Returns each write's outcome in order; `afterAnswer` runs
/// in each caller once it has its answer.
func batch<T: Sendable>(
    _ pool: DatabasePool,
    _ writes: [@Sendable (Database) throws -> T],
    then afterAnswer: @escaping @Sendable (Int, Result<T, any Error>) async -> Void = { _, _ in }
) async throws -> [Result<T, any Error>] {
    let gate = Gate()
    async let blocker: Void = pool.write { _ in gate.enter() }
    await gate.waitForArrival()
    var tasks: [Task<Result<T, any Error>, Never>] = []
    for (index, work) in writes.enumerated() {
        tasks.append(Task { () -> Result<T, any Error> in
            let result: Result<T, any Error>
            do { result = .success(try await pool.write(work)) } catch { result = .failure(error) }
            await afterAnswer(index, result)
            return result
        })
        try await waitUntil("write \(index) is queued") { pool.queuedWriteCount == index + 1 }
    }
    gate.open()
    try await blocker
    var results: [Result<T, any Error>] = []
    for task in tasks { results.append(await task.value) }
    return results
}

/// Holds the writer (or a reader) inside its closure until `open()`.
///
/// `enter()` runs on the blocked thread: it announces arrival through
/// `arrived` and blocks on a semaphore, which is fine on the writer's own
/// thread and brief on a reader's.
final class Gate: Sendable {
    private let semaphore = DispatchSemaphore(value: 0)
    let arrived: AsyncStream<Void>
    private let arrival: AsyncStream<Void>.Continuation

    init() {
        (arrived, arrival) = AsyncStream.makeStream()
    }

    func enter() {
        arrival.yield()
        semaphore.wait()
    }

    func waitForArrival() async {
        var iterator = arrived.makeAsyncIterator()
        _ = await iterator.next()
    }

    func open() {
        semaphore.signal()
    }
}

/// A domain error of the kind the service throws from write closures.
struct Refusal: Error, Equatable {
    let reason: String
}

/// Runs every job it is given on a new thread of its own, so that a test can
/// block inside a `read` closure without holding a thread of the (two-wide,
/// on our machines) cooperative pool.
final class ThreadPerJobExecutor: TaskExecutor, @unchecked Sendable {
    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        Thread { job.runSynchronously(on: executor) }.start()
    }
}

/// Starts `operation` in a task whose work runs off the cooperative pool.
func onOwnThread<T: Sendable>(_ operation: @escaping @Sendable () async throws -> T) -> Task<T, any Error> {
    Task(executorPreference: ThreadPerJobExecutor()) { try await operation() }
}
