import Foundation
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
/// and removes the directory.
func withPool<T>(
    migrations: [Migration] = testMigrations,
    configure: (inout StoreConfiguration) -> Void = { _ in },
    _ body: (DatabasePool) async throws -> T
) async throws -> T {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    var configuration = StoreConfiguration(path: directory.databasePath)
    configure(&configuration)
    let pool = try DatabasePool(configuration: configuration, migrations: migrations)
    defer { pool.close() }
    return try await body(pool)
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

/// Polls `condition` every millisecond until it holds, failing after 5 s.
func waitUntil(_ what: Comment, _ condition: () -> Bool) async throws {
    let deadline = ContinuousClock.now + .seconds(5)
    while !condition() {
        guard ContinuousClock.now < deadline else {
            Issue.record("timed out waiting until \(what)")
            throw CancellationError()
        }
        try await Task.sleep(for: .milliseconds(1))
    }
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
