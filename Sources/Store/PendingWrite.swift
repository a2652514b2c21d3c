import Synchronization

/// Set when the task that queued a write is cancelled.
final class WriteCancellation: Sendable {
    private let flag = Atomic(false)

    var isCancelled: Bool { flag.load(ordering: .acquiring) }

    func cancel() {
        flag.store(true, ordering: .releasing)
    }
}

/// A write waiting in the writer's queue, with the caller's continuation.
///
/// The writer thread calls `perform` inside the batch transaction and, once
/// the batch's fate is known, `finish` exactly once.
protocol PendingWrite: AnyObject, Sendable {
    /// Whether the caller's task was cancelled; checked before the work runs.
    var isCancelled: Bool { get }
    /// The caller's `DatabasePool.writeOrigin` when it queued the write.
    var origin: String? { get }
    /// Runs the work on the writer's connection; returns whether it succeeded.
    func perform(_ database: Database) -> Bool
    /// Marks the write as failed with `error` although its work may have
    /// succeeded (its savepoint could not be set or released).
    func refuse(_ error: any Error)
    /// Resumes the caller: with the work's own error if it failed, else with
    /// `batchError` when the batch did not commit, else with its result.
    func finish(batchError: (any Error)?)
}

/// A `PendingWrite` whose work returns `T`.
///
/// `@unchecked Sendable`: `outcome` is written by `perform` and `refuse` and
/// read by `finish`, all on the writer thread, one after the other.
final class TypedPendingWrite<T: Sendable>: PendingWrite, @unchecked Sendable {
    private let work: @Sendable (Database) throws -> T
    private let continuation: CheckedContinuation<T, any Error>
    private let cancellation: WriteCancellation
    private var outcome: Result<T, any Error>?
    let origin: String?

    init(work: @escaping @Sendable (Database) throws -> T,
         continuation: CheckedContinuation<T, any Error>,
         cancellation: WriteCancellation, origin: String? = nil) {
        self.work = work
        self.continuation = continuation
        self.cancellation = cancellation
        self.origin = origin
    }

    var isCancelled: Bool { cancellation.isCancelled }

    func perform(_ database: Database) -> Bool {
        do {
            outcome = .success(try work(database))
            return true
        } catch {
            outcome = .failure(error)
            return false
        }
    }

    func refuse(_ error: any Error) {
        outcome = .failure(error)
    }

    func finish(batchError: (any Error)?) {
        switch (outcome, batchError) {
        case (.failure(let error), _):
            continuation.resume(throwing: error)
        case (_, let batchError?):
            continuation.resume(throwing: batchError)
        case (.success(let value), nil):
            continuation.resume(returning: value)
        case (nil, nil):
            continuation.resume(throwing: StoreError(code: .closed, resultCode: 21, message: "the write was never run"))
        }
    }
}
