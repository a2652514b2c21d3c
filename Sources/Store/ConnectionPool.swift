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
/// arrival order, by the caller that gives one back.
final class ConnectionPool: Sendable {
    private struct State {
        var idle: [Connection]
        var waiters: [CheckedContinuation<Connection, any Error>] = []
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
        for waiter in waiters { waiter.resume(throwing: StoreError.closedPool) }
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
        return try await withCheckedThrowingContinuation { continuation in
            let outcome: Immediate = state.withLock { state in
                if state.isClosed { return .closed }
                if let connection = state.idle.popLast() { return .connection(connection) }
                state.waiters.append(continuation)
                return .wait
            }
            switch outcome {
            case .connection(let connection): continuation.resume(returning: connection)
            case .closed: continuation.resume(throwing: StoreError.closedPool)
            case .wait: break
            }
        }
    }

    private func checkIn(_ connection: Connection) {
        enum Next { case resume(CheckedContinuation<Connection, any Error>), close, keep }
        let next: Next = state.withLock { state in
            if state.isClosed { return .close }
            if !state.waiters.isEmpty { return .resume(state.waiters.removeFirst()) }
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
