import CLinux
import Glibc
import Synchronization

/// One epoll loop on its own thread. The listening socket is registered in
/// every loop with EPOLLEXCLUSIVE, so the kernel wakes one loop per incoming
/// connection; that loop owns the connection for its lifetime. Connection
/// sockets are edge-triggered for both directions (one `epoll_ctl` per
/// connection). Handlers run in Swift tasks; their responses come back
/// through `inbox` (a Mutex) and one eventfd write per batch.
///
/// `@unchecked Sendable`: every stored `var` is confined to the loop thread,
/// except `inbox` (Mutex) and the atomics.
final class EventLoop: @unchecked Sendable {
    enum Message {
        case response(fd: Int32, serial: UInt64, sequence: UInt64, HTTPResponse)
        case continueDecision(fd: Int32, serial: UInt64, sequence: UInt64, ContinueDecision)
        case stopAccepting
        case stop
    }

    struct Inbox {
        var messages: [Message] = []
        var wakePending = false
    }

    static let listenerToken = UInt64.max
    static let wakeToken = UInt64.max - 1
    static let readBufferSize = 65536

    let shared: HTTPServer.Shared
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
    let readBuffer = UnsafeMutableRawBufferPointer.allocate(byteCount: EventLoop.readBufferSize, alignment: 16)

    init(shared: HTTPServer.Shared) throws(HTTPServerError) {
        self.shared = shared
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

    /// Queues a message for the loop, waking it only if no wake is pending.
    func post(_ message: Message) {
        let wake = inbox.withLock { box -> Bool in
            box.messages.append(message)
            if box.wakePending { return false }
            box.wakePending = true
            return true
        }
        if wake { clinux_eventfd_signal(wakeFD) }
    }

    /// The loop body; returns after `.stop`.
    func run() {
        let capacity: Int32 = 256
        let events = UnsafeMutablePointer<epoll_event>.allocate(capacity: Int(capacity))
        defer { events.deallocate() }
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
            }
            expireDeadlines()
            if let resume = acceptResumeAt, resume <= now {
                acceptResumeAt = nil
                if !stopping { registerListener() }
            }
        }
        for case let connection? in connections { close(connection) }
        finished.store(true, ordering: .releasing)
    }

    /// Until the next deadline, at most one second.
    func waitTimeoutMilliseconds() -> Int32 {
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
        for message in batch {
            switch message {
            case .response(let fd, let serial, let sequence, let response):
                handlerFinished(fd: fd, serial: serial, sequence: sequence, response: response)
            case .continueDecision(let fd, let serial, let sequence, let decision):
                continueDecided(fd: fd, serial: serial, sequence: sequence, decision: decision)
            case .stopAccepting:
                beginStopping()
            case .stop:
                running = false
            }
        }
        batch.removeAll(keepingCapacity: true)
        spareMessages = batch
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
            handleReadable(connection)
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
            _ = clinux_epoll_ctl(epollFD, EPOLL_CTL_DEL, shared.listenFD, 0, 0)
            listenerRegistered = false
        }
        acceptResumeAt = nil
        acceptStopped.store(true, ordering: .releasing)
        for case let connection? in connections where connection.isQuiescent && connection.phase != .lingering {
            close(connection)
        }
    }
}
