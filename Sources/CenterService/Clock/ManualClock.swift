import CalendarValues
import CenterDomain
import Synchronization

/// A clock that moves only when told: tests advance it, and every sleeper
/// whose deadline has come is resumed at once. A test waits for timers by
/// event, not by sleeping: `waitForSleepers(_:)` returns once the timers
/// are all asleep on the clock again, their due work done.
public final class ManualClock: CenterClock {
    private struct Sleeper {
        let deadline: Instant
        let continuation: CheckedContinuation<Void, any Error>
    }

    /// A task waiting until `count` tasks sleep on the clock.
    private struct Watcher {
        let count: Int
        let continuation: CheckedContinuation<Bool, Never>
    }

    private struct State {
        var now: Instant
        var sleepers: [Int: Sleeper] = [:]
        var watchers: [Int: Watcher] = [:]
        var nextID = 0

        /// Removes the watchers that the sleepers now satisfy.
        mutating func satisfiedWatchers() -> [CheckedContinuation<Bool, Never>] {
            let ready = watchers.filter { $0.value.count <= sleepers.count }
            for id in ready.keys { watchers[id] = nil }
            return ready.values.map(\.continuation)
        }
    }

    /// `waitForSleepers` gave up: fewer tasks than expected sleep on the clock.
    public struct Timeout: Error, CustomStringConvertible {
        public let expected: Int
        public let sleeping: Int
        public var description: String { "\(sleeping) of \(expected) tasks sleep on the manual clock" }
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

    /// Returns once at least `count` tasks sleep on this clock: after
    /// `ServiceTimers.count` timers have parked, every timer has done what
    /// was due at `now()`, since a timer sleeps only once its round is over.
    /// Throws `Timeout` after `timeout` of real time, a bound against a hang
    /// and never a wait that a test relies on.
    public func waitForSleepers(_ count: Int, timeout: Duration = .seconds(60)) async throws {
        let reached = await withTaskGroup(of: Bool.self) { group in
            group.addTask { await self.sleepersReach(count) }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
        guard reached else { throw Timeout(expected: count, sleeping: sleeperCount) }
    }

    /// True once `count` tasks sleep on the clock; false if cancelled first.
    private func sleepersReach(_ count: Int) async -> Bool {
        let id: Int? = state.withLock { s in
            guard s.sleepers.count < count else { return nil }
            s.nextID += 1
            return s.nextID
        }
        guard let id else { return true }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
                let answer: Bool? = state.withLock { s in
                    if s.sleepers.count >= count { return true }
                    if Task.isCancelled { return false }
                    s.watchers[id] = Watcher(count: count, continuation: continuation)
                    return nil
                }
                if let answer { continuation.resume(returning: answer) }
            }
        } onCancel: {
            let watcher = state.withLock { $0.watchers.removeValue(forKey: id) }
            watcher?.continuation.resume(returning: false)
        }
    }

    public func sleep(until deadline: Instant) async throws {
        let id: Int? = state.withLock { s in
            guard deadline > s.now else { return nil }
            s.nextID += 1
            return s.nextID
        }
        guard let id else { return }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let (resumeNow, satisfied) = state.withLock { s -> (Bool, [CheckedContinuation<Bool, Never>]) in
                    if Task.isCancelled || deadline <= s.now { return (true, []) }
                    s.sleepers[id] = Sleeper(deadline: deadline, continuation: continuation)
                    return (false, s.satisfiedWatchers())
                }
                for watcher in satisfied { watcher.resume(returning: true) }
                if resumeNow { continuation.resume() }
            }
            try Task.checkCancellation()
        } onCancel: {
            let sleeper = state.withLock { $0.sleepers.removeValue(forKey: id) }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }
}
