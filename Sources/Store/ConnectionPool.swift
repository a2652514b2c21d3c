import Synchronization

/// A connection handed from one caller to the next, never shared.
///
/// `@unchecked Sendable`: a `Database` may change threads between uses; the
/// pool guarantees one user at a time, and hands it over under its lock.
final class Connection: @unchecked Sendable {
    let database: Database

    init(_ database: Database) {
        self.database = database
    }
}

/// A fixed set of connections lent out one caller at a time.
///
/// `withConnection` takes a free connection under a `Mutex` and runs the body
/// synchronously on the calling thread. When none is free the caller
/// suspends on a continuation (it never blocks a thread) and is resumed, in
/// arrival order, by the caller that gives one back. A waiting caller whose
/// task is cancelled stops waiting and throws `CancellationError`.
final class ConnectionPool: Sendable {
    private struct Waiter {
        let id: UInt64
        let continuation: CheckedContinuation<Connection, any Error>
    }

    private struct State {
        var idle: [Connection]
        var waiters: [Waiter] = []
        var nextWaiterID: UInt64 = 0
        var isClosed = false
    }

    private let state: Mutex<State>

    init(_ connections: [Connection]) {
        state = Mutex(State(idle: connections))
    }

    /// Runs `body` with a connection of its own.
    /// - Throws: `StoreError.Code.closed` when the pool is closed, or what
    ///   `body` throws.
    func withConnection<T>(_ body: (Database) throws -> T) async throws -> T {
        let connection = try await checkOut()
        defer { checkIn(connection) }
        return try body(connection.database)
    }

    /// Closes the idle connections now, those lent out when they come back,
    /// and fails every waiting caller.
    func close() {
        let (idle, waiters) = state.withLock { state in
            state.isClosed = true
            defer {
                state.idle = []
                state.waiters = []
            }
            return (state.idle, state.waiters)
        }
        for connection in idle { connection.database.close() }
        for waiter in waiters { waiter.continuation.resume(throwing: StoreError.closedPool) }
    }

    /// How many callers are suspended waiting for a connection.
    var waitingCount: Int {
        state.withLock { $0.waiters.count }
    }

    private func checkOut() async throws -> Connection {
        enum Immediate { case connection(Connection), closed, wait }
        let immediate: Immediate = state.withLock { state in
            if state.isClosed { return .closed }
            if let connection = state.idle.popLast() { return .connection(connection) }
            return .wait
        }
        switch immediate {
        case .connection(let connection): return connection
        case .closed: throw StoreError.closedPool
        case .wait: break
        }
        let id = state.withLock { state in
            defer { state.nextWaiterID += 1 }
            return state.nextWaiterID
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                enum Outcome { case connection(Connection), closed, cancelled, wait }
                let outcome: Outcome = state.withLock { state in
                    if state.isClosed { return .closed }
                    if let connection = state.idle.popLast() { return .connection(connection) }
                    // Checked under the lock that `onCancel` takes, so a
                    // cancellation is seen either here or by `onCancel`.
                    if Task.isCancelled { return .cancelled }
                    state.waiters.append(Waiter(id: id, continuation: continuation))
                    return .wait
                }
                switch outcome {
                case .connection(let connection): continuation.resume(returning: connection)
                case .closed: continuation.resume(throwing: StoreError.closedPool)
                case .cancelled: continuation.resume(throwing: CancellationError())
                case .wait: break
                }
            }
        } onCancel: {
            let waiter = state.withLock { state -> Waiter? in
                guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                return state.waiters.remove(at: index)
            }
            waiter?.continuation.resume(throwing: CancellationError())
        }
    }

    private func checkIn(_ connection: Connection) {
        enum Next { case resume(CheckedContinuation<Connection, any Error>), close, keep }
        let next: Next = state.withLock { state in
            if state.isClosed { return .close }
            if !state.waiters.isEmpty { return .resume(state.waiters.removeFirst().continuation) }
            state.idle.append(connection)
            return .keep
        }
        switch next {
        case .resume(let waiter): waiter.resume(returning: connection)
        case .close: connection.database.close()
        case .keep: break
        }
    }
}
