import CLinux
import Glibc
import Synchronization

/// One epoll loop on its own thread. Each loop has a listening socket of its
/// own, one of a `SO_REUSEPORT` group among which the kernel spreads new
/// connections evenly; a listener shared by every loop is registered with
/// EPOLLEXCLUSIVE, so the kernel wakes one loop per incoming connection. The
/// loop that accepts a connection owns it for its lifetime. Connection
/// sockets are edge-triggered for both directions (one `epoll_ctl` per
/// connection). Handlers run in Swift tasks; their responses come back
/// through `inbox` (a Mutex) and one eventfd write per batch. The loop is
/// also a `TaskExecutor`: a handler placed on the loop (`HandlerPlacement`)
/// runs as a task whose jobs the loop runs after its events, and whose
/// response is handled without the inbox.
///
/// `@unchecked Sendable`: every stored `var` is confined to the loop thread,
/// except `inbox` (Mutex) and the atomics.
final class EventLoop: @unchecked Sendable {
    enum Message {
        case response(fd: Int32, serial: UInt64, sequence: UInt64, HTTPResponse)
        case continueDecision(fd: Int32, serial: UInt64, sequence: UInt64, ContinueDecision)
        /// A job of a task placed on this loop, enqueued from another thread.
        case job(UnownedJob)
        case stopAccepting
        case stop
    }

    struct Inbox {
        var messages: [Message] = []
        var wakePending = false
        /// The loop has ended: jobs go to the global executor instead.
        var closed = false
    }

    /// The most jobs run between two `epoll_wait`s, so that I/O keeps its turn.
    static let jobsPerTurn = 256
    /// The most requests one connection has answered at once (immediate
    /// answers) in one turn before the loop serves the others.
    static let answersPerTurn = 32

    static let listenerToken = UInt64.max
    static let wakeToken = UInt64.max - 1
    static let readBufferSize = 65536

    let shared: HTTPServer.Shared
    /// The listening socket this loop accepts from (its own, or shared).
    let listenFD: Int32
    let epollFD: Int32
    let wakeFD: Int32
    let inbox = Mutex(Inbox())
    let acceptStopped = Atomic<Bool>(false)
    let finished = Atomic<Bool>(false)

    var connections: [Connection?] = []
    var deadlines = DeadlineQueue()
    var dateCache = DateCache()
    var requestIDs = RequestIDGenerator()
    var now: UInt64 = clinux_monotonic_ns()
    var epochSecond: Int64 = clinux_realtime_seconds()
    var nextSerial: UInt64 = 0
    var stopping = false
    var running = true
    var listenerRegistered = false
    var acceptResumeAt: UInt64?
    var spareMessages: [Message] = []
    /// Jobs of tasks placed on this loop, waiting for their turn (loop thread only).
    var runnable: [UnownedJob] = []
    /// Messages posted on the loop thread itself (loop thread only).
    var localMessages: [Message] = []
    /// Connections whose turn ended with their answer budget spent, resumed
    /// after the loop's other events (loop thread only).
    var deferred: [Connection] = []
    /// The loop thread's `pthread_self()`, once `run()` started.
    let loopThread = Atomic<UInt>(0)
    let readBuffer = UnsafeMutableRawBufferPointer.allocate(byteCount: EventLoop.readBufferSize, alignment: 16)

    init(shared: HTTPServer.Shared, listenFD: Int32) throws(HTTPServerError) {
        self.shared = shared
        self.listenFD = listenFD
        epollFD = clinux_epoll_create()
        guard epollFD >= 0 else { throw .systemCall("epoll_create1", errno: clinux_errno()) }
        wakeFD = clinux_eventfd()
        guard wakeFD >= 0 else {
            Glibc.close(epollFD)
            throw .systemCall("eventfd", errno: clinux_errno())
        }
        guard clinux_epoll_ctl(epollFD, EPOLL_CTL_ADD, wakeFD, CLINUX_EPOLLIN, Self.wakeToken) == 0 else {
            throw .systemCall("epoll_ctl", errno: clinux_errno())
        }
        registerListener()
    }

    deinit {
        readBuffer.deallocate()
        Glibc.close(wakeFD)
        Glibc.close(epollFD)
    }

    /// Whether the caller runs on this loop's thread.
    var onLoopThread: Bool { loopThread.load(ordering: .relaxed) == UInt(pthread_self()) }

    /// Queues a message for the loop, waking it only if no wake is pending.
    /// On the loop thread itself (a handler placed on the loop) it is kept
    /// for the end of the current turn, without the lock or a wake-up.
    func post(_ message: Message) {
        if onLoopThread {
            localMessages.append(message)
            return
        }
        enum Outcome { case wake, queued, closed }
        let outcome = inbox.withLock { box -> Outcome in
            if box.closed { return .closed }
            box.messages.append(message)
            if box.wakePending { return .queued }
            box.wakePending = true
            return .wake
        }
        switch outcome {
        case .wake: clinux_eventfd_signal(wakeFD)
        case .queued: break
        case .closed: if case .job(let job) = message { Self.runElsewhere(job) }
        }
    }

    /// A job whose loop has ended runs on the global executor, so its task
    /// still finishes (a server shut down under a waiting handler).
    static func runElsewhere(_ job: UnownedJob) {
        globalConcurrentExecutor.enqueue(ExecutorJob(job))
    }

    /// The loop body; returns after `.stop`.
    func run() {
        let capacity: Int32 = 256
        let events = UnsafeMutablePointer<epoll_event>.allocate(capacity: Int(capacity))
        defer { events.deallocate() }
        loopThread.store(UInt(pthread_self()), ordering: .relaxed)
        while running {
            let n = epoll_wait(epollFD, events, capacity, waitTimeoutMilliseconds())
            now = clinux_monotonic_ns()
            epochSecond = clinux_realtime_seconds()
            if n < 0 {
                if clinux_errno() == EINTR { continue }
                break
            }
            for i in 0..<Int32(n) {
                let flags = clinux_event_flags(events, i)
                let data = clinux_event_data(events, i)
                switch data {
                case Self.listenerToken: acceptConnections()
                case Self.wakeToken: drainInbox()
                default: handleEvent(fd: Int32(truncatingIfNeeded: data), serialTag: UInt32(truncatingIfNeeded: data >> 32), flags: flags)
                }
                // A request just read has its handler run before the next
                // connection's events: on-loop handlers start, and reach the
                // single writer, in the order their requests were read.
                if !runnable.isEmpty || !localMessages.isEmpty { runJobs() }
            }
            resumeDeferred()
            expireDeadlines()
            if let resume = acceptResumeAt, resume <= now {
                acceptResumeAt = nil
                if !stopping { registerListener() }
            }
            runJobs()
        }
        for case let connection? in connections { close(connection) }
        let left = inbox.withLock { box -> [Message] in
            box.closed = true
            defer { box.messages = [] }
            return box.messages
        }
        loopThread.store(0, ordering: .relaxed)
        for case .job(let job) in left { Self.runElsewhere(job) }
        for job in runnable { Self.runElsewhere(job) }
        runnable = []
        finished.store(true, ordering: .releasing)
    }

    /// Runs the jobs of tasks placed on this loop, and handles what they
    /// posted, at most `jobsPerTurn` jobs before the loop looks at I/O again.
    func runJobs() {
        var budget = Self.jobsPerTurn
        while budget > 0 && !(runnable.isEmpty && localMessages.isEmpty) {
            let jobs = runnable
            runnable = []
            for job in jobs { job.runSynchronously(on: asUnownedTaskExecutor()) }
            budget -= max(jobs.count, 1)
            let messages = localMessages
            localMessages = []
            for message in messages { handle(message) }
        }
    }

    /// Until the next deadline, at most one second; no wait while jobs are runnable.
    func waitTimeoutMilliseconds() -> Int32 {
        if !runnable.isEmpty || !localMessages.isEmpty || !deferred.isEmpty { return 0 }
        var next = deadlines.earliest ?? UInt64.max
        if let resume = acceptResumeAt { next = min(next, resume) }
        if next == UInt64.max { return 1000 }
        if next <= now { return 0 }
        return Int32(min(1000, (next - now + 999_999) / 1_000_000))
    }

    func drainInbox() {
        clinux_eventfd_drain(wakeFD)
        var batch = spareMessages
        spareMessages = []
        inbox.withLock { box in
            swap(&box.messages, &batch)
            box.wakePending = false
        }
        for message in batch { handle(message) }
        batch.removeAll(keepingCapacity: true)
        spareMessages = batch
    }

    func handle(_ message: Message) {
        switch message {
        case .response(let fd, let serial, let sequence, let response):
            handlerFinished(fd: fd, serial: serial, sequence: sequence, response: response)
        case .continueDecision(let fd, let serial, let sequence, let decision):
            continueDecided(fd: fd, serial: serial, sequence: sequence, decision: decision)
        case .job(let job):
            runnable.append(job)
        case .stopAccepting:
            beginStopping()
        case .stop:
            running = false
        }
    }

    /// The epoll data of a connection: its fd, and in the high half the low
    /// 31 bits of its serial. An fd closed and reused by an accept in the
    /// same `epoll_wait` batch would otherwise receive its predecessor's
    /// stale events (a stale RDHUP would close the new connection early).
    /// The top bit stays clear, so the data never equals the loop's tokens.
    static func eventData(fd: Int32, serial: UInt64) -> UInt64 {
        (UInt64(serial & 0x7FFF_FFFF) << 32) | UInt64(UInt32(bitPattern: fd))
    }

    func handleEvent(fd: Int32, serialTag: UInt32, flags: UInt32) {
        guard fd >= 0, Int(fd) < connections.count, let connection = connections[Int(fd)],
              UInt32(truncatingIfNeeded: connection.serial & 0x7FFF_FFFF) == serialTag else { return }
        if flags & (CLINUX_EPOLLIN | CLINUX_EPOLLRDHUP | CLINUX_EPOLLHUP | CLINUX_EPOLLERR) != 0 {
            connection.readable = true
            if flags & (CLINUX_EPOLLRDHUP | CLINUX_EPOLLHUP) != 0 { connection.peerHungUp = true }
            // A deferred connection reads in its own turn (`resumeDeferred`).
            if !connection.isDeferred {
                connection.answersThisTurn = 0
                handleReadable(connection)
            }
        }
        if flags & CLINUX_EPOLLOUT != 0, !connection.isClosed, connection.outOffset < connection.out.count {
            flushAndComplete(connection)
        }
    }

    /// Stops accepting, closes quiet keep-alive connections and lets the
    /// others finish their current exchange without keep-alive.
    func beginStopping() {
        stopping = true
        if listenerRegistered {
            _ = clinux_epoll_ctl(epollFD, EPOLL_CTL_DEL, listenFD, 0, 0)
            listenerRegistered = false
        }
        acceptResumeAt = nil
        acceptStopped.store(true, ordering: .releasing)
        for case let connection? in connections where connection.isQuiescent && connection.phase != .lingering {
            close(connection)
        }
    }
}

extension EventLoop: TaskExecutor {
    /// A job of a task placed on this loop: run in the loop's next turn
    /// (at once in this turn when enqueued on the loop thread).
    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        if onLoopThread {
            runnable.append(job)
        } else {
            post(.job(job))
        }
    }
}
