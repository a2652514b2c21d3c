import CLinux
import Glibc

/// Deadlines and tear-down: the per-loop DeadlineQueue checked after every
/// `epoll_wait`, lingering close (RFC 9112 §9.6) and closing each fd once.
extension EventLoop {
    /// Moves `c` to `phase`; the deadline restarts only on a change of phase,
    /// so each timeout is a total for its phase, not a per-read timer.
    ///
    /// The phase starts when it is entered, so the clock is read here again:
    /// the reading from the loop's wake-up may be old by now (a long turn of
    /// the loop, or its thread descheduled on a busy machine), and a deadline
    /// counted from it would cut a client off early, a connection accepted
    /// late in the turn before it has had its whole header timeout.
    func enter(_ phase: ConnectionPhase, _ c: Connection) {
        guard c.phase != phase || c.scheduled == nil else { return }
        now = clinux_monotonic_ns()
        c.phase = phase
        let deadline = shared.timeouts.deadline(for: phase, since: now)
        c.deadline = deadline
        if c.scheduled.map({ deadline < $0 }) ?? true {
            c.token &+= 1
            c.scheduled = deadline
            deadlines.push(.init(deadline: deadline, fd: c.fd, token: c.token))
        }
    }

    func expireDeadlines() {
        while let entry = deadlines.popDue(now: now) {
            guard Int(entry.fd) < connections.count, let c = connections[Int(entry.fd)],
                  c.token == entry.token else { continue }
            c.scheduled = nil
            if c.deadline > now {
                c.token &+= 1
                c.scheduled = c.deadline
                deadlines.push(.init(deadline: c.deadline, fd: c.fd, token: c.token))
                continue
            }
            expire(c)
        }
    }

    func expire(_ c: Connection) {
        switch ConnectionTimeouts.action(for: c.phase, hasPartialRequest: c.parser.hasPartialRequest) {
        case .closeSilently:
            close(c)
        case .respondAndClose(let error):
            c.handlerTask?.cancel()
            c.handlerTask = nil
            c.dispatchSequence &+= 1
            c.pending.removeAll()
            if c.current == nil {
                c.current = Connection.Exchange(method: "-", target: "-", requestID: requestIDs.next(),
                                                startedAt: now, isHEAD: false, keepAlive: false, echoKeepAlive: false)
            }
            send(refusal(error), on: c, forceClose: true)
        }
    }

    /// Half-closes, then drains input until EOF or the linger deadline, so a
    /// reset caused by unread input cannot destroy the response in flight.
    func lingeringClose(_ c: Connection) {
        guard !c.isClosed else { return }
        c.handlerTask?.cancel()
        c.handlerTask = nil
        Glibc.shutdown(c.fd, Int32(SHUT_WR))
        enter(.lingering, c)
        c.readable = true
        drainLingering(c)
    }

    func drainLingering(_ c: Connection) {
        while !c.isClosed {
            let n = Glibc.read(c.fd, readBuffer.baseAddress, Self.readBufferSize)
            if n > 0 { continue }
            if n < 0 {
                let e = clinux_errno()
                if e == EINTR { continue }
                if e == EAGAIN || e == EWOULDBLOCK {
                    c.readable = false
                    return
                }
            }
            close(c)
        }
    }

    /// Closes the fd exactly once and forgets the connection.
    func close(_ c: Connection) {
        guard !c.isClosed else { return }
        c.isClosed = true
        c.handlerTask?.cancel()
        c.handlerTask = nil
        c.token &+= 1
        connections[Int(c.fd)] = nil
        Glibc.close(c.fd)
        shared.openConnections.subtract(1, ordering: .relaxed)
    }
}
