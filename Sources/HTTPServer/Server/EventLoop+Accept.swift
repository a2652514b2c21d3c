import CLinux
import Glibc

/// Accepting (RFC 9112 §9; docs/SERVER.md items 14 and 16): non-blocking,
/// close-on-exec sockets from accept4, TCP_NODELAY, a global connection cap
/// answered with 503 + Retry-After, and a 100 ms pause on EMFILE/ENFILE
/// instead of a busy loop on a listener that stays readable.
extension EventLoop {
    /// Connections accepted per wake-up before other events get a turn.
    static let acceptBatch = 64
    static let acceptPauseNanoseconds: UInt64 = 100_000_000

    func registerListener() {
        let flags = CLINUX_EPOLLIN | CLINUX_EPOLLEXCLUSIVE
        listenerRegistered = clinux_epoll_ctl(epollFD, EPOLL_CTL_ADD, listenFD, flags, Self.listenerToken) == 0
    }

    func acceptConnections() {
        for _ in 0..<Self.acceptBatch {
            let fd = clinux_accept(listenFD)
            if fd < 0 {
                switch clinux_errno() {
                case EINTR, ECONNABORTED, EPROTO: continue
                case EMFILE, ENFILE, ENOBUFS, ENOMEM: pauseAccepting()
                default: break
                }
                return
            }
            _ = clinux_set_nodelay(fd)
            let events = CLINUX_EPOLLIN | CLINUX_EPOLLRDHUP | CLINUX_EPOLLOUT | CLINUX_EPOLLET
            nextSerial &+= 1
            guard clinux_epoll_ctl(epollFD, EPOLL_CTL_ADD, fd, events, Self.eventData(fd: fd, serial: nextSerial)) == 0 else {
                Glibc.close(fd)
                continue
            }
            let count = shared.openConnections.add(1, ordering: .relaxed).newValue
            let connection = Connection(fd: fd, serial: nextSerial, limits: shared.limits, peerAddress: Self.peerAddress(fd))
            if Int(fd) >= connections.count {
                connections.append(contentsOf: repeatElement(nil, count: Int(fd) + 1 - connections.count + 64))
            }
            connections[Int(fd)] = connection
            if count > shared.configuration.maxConnections {
                rejectOverCapacity(connection)
            } else {
                enter(.readingHead, connection)
            }
        }
    }

    /// The accepted socket's peer address, `""` if it cannot be read.
    static func peerAddress(_ fd: Int32) -> String {
        var buffer = [CChar](repeating: 0, count: 46)
        guard clinux_peer_ipv4(fd, &buffer, socklen_t(buffer.count)) == 0 else { return "" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    func pauseAccepting() {
        if listenerRegistered {
            _ = clinux_epoll_ctl(epollFD, EPOLL_CTL_DEL, listenFD, 0, 0)
            listenerRegistered = false
        }
        acceptResumeAt = now + Self.acceptPauseNanoseconds
    }

    /// Over the cap: 503 with Retry-After (RFC 9110 §15.6.4), then close.
    func rejectOverCapacity(_ connection: Connection) {
        var response = refusal(.connectionLimit)
        response.headers.set("Retry-After", String(shared.configuration.retryAfterSeconds))
        connection.current = Connection.Exchange(method: "-", target: "-", requestID: requestIDs.next(),
                                                  startedAt: now, isHEAD: false, keepAlive: false,
                                                  echoKeepAlive: false)
        send(response, on: connection, forceClose: true)
    }
}
