import CSQLite
import Synchronization

/// Failures a test or a simulation makes the store meet on purpose, so the
/// code above it is tried against them: the writer fails the next `COMMIT`s
/// as a full disk would (`SQLITE_FULL`), rolling the batch back and failing
/// every write in it with that error, exactly as a real failed `COMMIT`
/// (docs/SERVER.md 2.3). Nothing is injected unless asked; a pool opened
/// without one (`StoreConfiguration.faultInjection` nil) never fails this way.
public final class StoreFaultInjection: Sendable {
    private let pendingCommitFailures = Mutex(0)

    public init() {}

    /// Makes the next `count` batch commits fail.
    public func failNextCommits(_ count: Int = 1) {
        pendingCommitFailures.withLock { $0 += max(0, count) }
    }

    /// How many commit failures are still to come.
    public var commitFailuresPending: Int { pendingCommitFailures.withLock { $0 } }

    /// Takes one pending commit failure: the error the writer's `COMMIT`
    /// then fails with, nil when none is pending.
    func takeCommitFailure() -> StoreError? {
        let take = pendingCommitFailures.withLock { pending -> Bool in
            guard pending > 0 else { return false }
            pending -= 1
            return true
        }
        guard take else { return nil }
        return StoreError(resultCode: SQLITE_FULL, message: "database or disk is full (injected)", sql: "COMMIT")
    }
}
