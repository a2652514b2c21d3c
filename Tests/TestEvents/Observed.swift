import Synchronization

/// A value that tests wait on by event instead of by sleeping: whoever
/// changes it (any thread, a callback, a reader of a child's output) wakes
/// the waiters whose condition now holds.
public final class Observed<Value: Sendable>: Sendable {
    private struct Waiter {
        let condition: @Sendable (Value) -> Bool
        let continuation: CheckedContinuation<Value?, Never>
    }

    private struct State {
        var value: Value
        var waiters: [Int: Waiter] = [:]
        var nextID = 0
    }

    /// `wait` gave up before its condition held.
    public struct Timeout: Error, CustomStringConvertible {
        public let what: String
        public let last: String
        public var description: String { "timed out waiting for \(what); last value: \(last)" }

        public init(what: String, last: String) {
            self.what = what
            self.last = last
        }
    }

    private let state: Mutex<State>

    public init(_ value: Value) { state = Mutex(State(value: value)) }

    public var value: Value { state.withLock { $0.value } }

    /// Changes the value and wakes the waiters it satisfies.
    public func update(_ change: (inout Value) -> Void) {
        let (value, ready) = state.withLock { s -> (Value, [CheckedContinuation<Value?, Never>]) in
            change(&s.value)
            let value = s.value
            let ready = s.waiters.filter { $0.value.condition(value) }
            for id in ready.keys { s.waiters[id] = nil }
            return (value, ready.values.map(\.continuation))
        }
        for continuation in ready { continuation.resume(returning: value) }
    }

    /// Returns the value once `condition` holds. Throws `Timeout` after
    /// `timeout` of real time: a bound against a hang on a busy machine,
    /// never a wait that the test relies on.
    @discardableResult
    public func wait(for what: String, timeout: Duration = .seconds(60),
                     until condition: @escaping @Sendable (Value) -> Bool) async throws -> Value {
        let found = await withTaskGroup(of: Value?.self) { group in
            group.addTask { await self.reach(condition) }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
        guard let found else { throw Timeout(what: what, last: String(String(describing: value).suffix(500))) }
        return found
    }

    /// The value once `condition` holds; nil if cancelled first.
    private func reach(_ condition: @escaping @Sendable (Value) -> Bool) async -> Value? {
        let (id, now): (Int, Value?) = state.withLock { s in
            if condition(s.value) { return (0, s.value) }
            s.nextID += 1
            return (s.nextID, nil)
        }
        if let now { return now }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Value?, Never>) in
                let answer: Value?? = state.withLock { s in
                    if condition(s.value) { return .some(s.value) }
                    if Task.isCancelled { return .some(nil) }
                    s.waiters[id] = Waiter(condition: condition, continuation: continuation)
                    return nil
                }
                if let answer { continuation.resume(returning: answer) }
            }
        } onCancel: {
            let waiter = state.withLock { $0.waiters.removeValue(forKey: id) }
            waiter?.continuation.resume(returning: nil)
        }
    }
}

/// A one-time event: `signal()` from any thread, `wait` from a task.
public final class Signal: Sendable {
    private let fired = Observed(false)

    public init() {}

    public func signal() { fired.update { $0 = true } }

    public var isSignalled: Bool { fired.value }

    public func wait(for what: String, timeout: Duration = .seconds(60)) async throws {
        try await fired.wait(for: what, timeout: timeout) { $0 }
    }
}

/// Waits until `condition` holds, looking again every 5 ms, for state that
/// nothing signals (a server's open connections, a pool's queue). Throws
/// after `timeout`: a bound against a hang, not a wait a test relies on.
public func waitUntil(_ what: String, timeout: Duration = .seconds(60), _ condition: () -> Bool) async throws {
    let deadline = ContinuousClock.now + timeout
    while !condition() {
        guard ContinuousClock.now < deadline else { throw Observed<Bool>.Timeout(what: what, last: "false") }
        try await Task.sleep(for: .milliseconds(5))
    }
}
