import CalendarValues
import CenterDomain
import Synchronization

/// A clock that moves only when told: tests advance it, and every sleeper
/// whose deadline has come is resumed at once.
public final class ManualClock: CenterClock {
    private struct Sleeper {
        let deadline: Instant
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var now: Instant
        var sleepers: [Int: Sleeper] = [:]
        var nextID = 0
    }

    private let state: Mutex<State>

    public init(now: Instant) { state = Mutex(State(now: now)) }

    public func now() -> Instant { state.withLock { $0.now } }

    /// Moves the clock to `instant` and wakes the sleepers that are due.
    public func set(_ instant: Instant) {
        let due: [CheckedContinuation<Void, any Error>] = state.withLock { s in
            s.now = instant
            let ready = s.sleepers.filter { $0.value.deadline <= instant }
            for id in ready.keys { s.sleepers[id] = nil }
            return ready.values.map(\.continuation)
        }
        for continuation in due { continuation.resume() }
    }

    public func advance(seconds: Int64) { set(now().adding(seconds: seconds)) }

    /// How many tasks are waiting on this clock (tests wait for a timer to park).
    public var sleeperCount: Int { state.withLock { $0.sleepers.count } }

    public func sleep(until deadline: Instant) async throws {
        let id: Int? = state.withLock { s in
            guard deadline > s.now else { return nil }
            s.nextID += 1
            return s.nextID
        }
        guard let id else { return }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let resumeNow: Bool = state.withLock { s in
                    if Task.isCancelled || deadline <= s.now { return true }
                    s.sleepers[id] = Sleeper(deadline: deadline, continuation: continuation)
                    return false
                }
                if resumeNow { continuation.resume() }
            }
            try Task.checkCancellation()
        } onCancel: {
            let sleeper = state.withLock { $0.sleepers.removeValue(forKey: id) }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }
}
