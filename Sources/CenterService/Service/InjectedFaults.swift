internal import Store

/// Failures the store beneath a service meets on purpose, for tests and the
/// simulation (docs/TESTING.md): `failNextCommit()` makes the writer's next
/// `COMMIT` fail as a full disk would, so every write of that batch fails
/// (`ServiceFailure.isDatabaseFailure`) and leaves nothing. A store opened
/// without one never fails this way.
public final class InjectedFaults: Sendable {
    let store = StoreFaultInjection()

    public init() {}

    /// Makes the next `count` commits of the store fail.
    public func failNextCommit(_ count: Int = 1) { store.failNextCommits(count) }

    /// How many injected commit failures are still to come.
    public var commitFailuresPending: Int { store.commitFailuresPending }
}
