import CLinux
import Foundation
import Glibc
import Synchronization

/// An HTTP/1.1 origin server (RFC 9112) on epoll: one event loop thread per
/// core, handlers run as Swift tasks off the loops (or, where the responder
/// places them there, as tasks on the loop that owns the connection), strict
/// parsing and the limits and timeouts of `Configuration`.
///
/// Lifecycle: `start()` binds and spawns the loops; `shutdown()` stops
/// accepting, lets in-flight exchanges finish within the grace period, then
/// closes everything and stops the threads.
public final class HTTPServer: Sendable {
    /// State shared by the loops: fixed after `start()`, plus the connection counter.
    final class Shared: Sendable {
        let configuration: Configuration
        let limits: HTTPParserLimits
        let timeouts: ConnectionTimeouts
        let responder: any HTTPResponder
        let accessLog: (@Sendable (AccessLogEntry) -> Void)?
        /// The listening sockets: one per loop (a `SO_REUSEPORT` group), or
        /// one that every loop shares (`Configuration.listenerPerLoop`).
        let listenFDs: [Int32]
        let openConnections = Atomic<Int>(0)

        init(configuration: Configuration, responder: any HTTPResponder,
             accessLog: (@Sendable (AccessLogEntry) -> Void)?, listenFDs: [Int32]) {
            self.configuration = configuration
            self.limits = configuration.parserLimits
            self.timeouts = configuration.timeouts
            self.responder = responder
            self.accessLog = accessLog
            self.listenFDs = listenFDs
        }
    }

    enum RunState {
        case idle
        case running(Shared, [EventLoop])
        case stopped(Shared)
    }

    public let configuration: Configuration
    let responder: any HTTPResponder
    let accessLog: (@Sendable (AccessLogEntry) -> Void)?
    let state = Mutex(RunState.idle)
    let boundPort = Atomic<Int>(0)

    public init(configuration: Configuration = Configuration(), responder: any HTTPResponder,
                accessLog: (@Sendable (AccessLogEntry) -> Void)? = nil) {
        self.configuration = configuration
        self.responder = responder
        self.accessLog = accessLog
    }

    /// The number of online processors, the default loop count.
    public static var activeProcessorCount: Int { max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))) }

    /// The threads of the running loops (`pthread_self()`), for tests of
    /// where handlers run; a loop not yet started shows 0.
    var loopThreads: [UInt] {
        state.withLock { state in
            guard case .running(_, let loops) = state else { return [] }
            return loops.map { $0.loopThread.load(ordering: .relaxed) }
        }
    }

    /// The bound port once started (useful with port 0), else 0.
    public var port: Int { boundPort.load(ordering: .acquiring) }

    /// Connections currently open, including those being refused or closed.
    public var openConnections: Int {
        state.withLock { state in
            switch state {
            case .idle: return 0
            case .running(let shared, _), .stopped(let shared): return shared.openConnections.load(ordering: .relaxed)
            }
        }
    }

    /// Ignores SIGPIPE, raises the RLIMIT_NOFILE soft limit to the hard limit,
    /// binds the listening socket (SO_REUSEADDR) and starts the event loops.
    public func start() throws(HTTPServerError) {
        try state.withLock { (state: inout RunState) throws(HTTPServerError) in
            guard case .idle = state else { throw HTTPServerError.alreadyStarted }
            clinux_ignore_sigpipe()
            _ = clinux_raise_nofile_limit()
            let loopCount = max(1, configuration.eventLoopCount)
            let fds = try Self.listeners(configuration, count: loopCount)
            let shared = Shared(configuration: configuration, responder: responder, accessLog: accessLog,
                                listenFDs: fds)
            var loops: [EventLoop] = []
            do throws(HTTPServerError) {
                for index in 0..<loopCount {
                    loops.append(try EventLoop(shared: shared, listenFD: fds[fds.count == loopCount ? index : 0]))
                }
            } catch {
                for fd in fds { Glibc.close(fd) }
                throw error
            }
            for (index, loop) in loops.enumerated() {
                let thread = Thread {
                    // Named from inside: on Linux a name set before `start()`
                    // is not applied to the thread.
                    Thread.current.name = "http-loop-\(index)"
                    loop.run()
                }
                thread.start()
            }
            boundPort.store(Int(clinux_bound_port(fds[0])), ordering: .releasing)
            state = .running(shared, loops)
        }
    }

    /// Graceful stop: no new connections (the listener is closed, so connects
    /// are refused), idle keep-alive connections closed, in-flight requests
    /// answered with `Connection: close` within `shutdownGracePeriod`; then
    /// every connection is closed and the loop threads end.
    public func shutdown() async {
        let running: (Shared, [EventLoop])? = state.withLock { state in
            guard case .running(let shared, let loops) = state else { return nil }
            state = .stopped(shared)
            return (shared, loops)
        }
        guard let (shared, loops) = running else { return }
        for loop in loops { loop.post(.stopAccepting) }
        while !loops.allSatisfy({ $0.acceptStopped.load(ordering: .acquiring) }) {
            try? await Task.sleep(for: .milliseconds(2))
        }
        for fd in shared.listenFDs { Glibc.close(fd) }
        let clock = ContinuousClock()
        let deadline = clock.now + configuration.shutdownGracePeriod
        while shared.openConnections.load(ordering: .relaxed) > 0 && clock.now < deadline {
            try? await Task.sleep(for: .milliseconds(5))
        }
        for loop in loops { loop.post(.stop) }
        while !loops.allSatisfy({ $0.finished.load(ordering: .acquiring) }) {
            try? await Task.sleep(for: .milliseconds(2))
        }
    }
}

extension HTTPServer {
    /// Binds the listening sockets: with `listenerPerLoop` and more than one
    /// loop, `count` sockets of one `SO_REUSEPORT` group on the same port
    /// (docs/SERVER.md 1.16); else, or should the group not bind, one socket
    /// every loop shares. A fixed port is first probed without
    /// `SO_REUSEPORT`, so that a port another server holds is refused
    /// (`EADDRINUSE`) rather than shared with it.
    static func listeners(_ configuration: Configuration, count: Int) throws(HTTPServerError) -> [Int32] {
        let host = configuration.host, backlog = Int32(configuration.listenBacklog)
        let perLoop = configuration.listenerPerLoop && count > 1
        if perLoop, configuration.port != 0, clinux_probe_port_free(host, Int32(configuration.port)) != 0 {
            throw .systemCall("bind", errno: clinux_errno())
        }
        let first = clinux_listen_tcp4(host, Int32(configuration.port), backlog, perLoop ? 1 : 0)
        guard first >= 0 else { throw .systemCall("bind/listen", errno: clinux_errno()) }
        guard perLoop else { return [first] }
        let port = clinux_bound_port(first)
        var fds = [first]
        while fds.count < count {
            let fd = clinux_listen_tcp4(host, port, backlog, 1)
            guard fd >= 0 else { break }
            fds.append(fd)
        }
        guard fds.count < count else { return fds }
        for fd in fds.dropFirst() { Glibc.close(fd) }
        return [first]
    }
}

/// Why the server could not start.
public enum HTTPServerError: Error, Sendable, Equatable {
    case alreadyStarted
    /// A system call failed with this errno.
    case systemCall(String, errno: Int32)
}
