import CLinux
import Glibc

/// Reading, parsing and dispatching requests, and sending responses, one
/// exchange at a time per connection so that responses leave strictly in
/// request order (RFC 9112 §9.3.2).
extension EventLoop {
    /// Reads until EAGAIN (edge-triggered), or until the pipelining limit says
    /// stop. A read shorter than the buffer means the socket is drained: any
    /// later data raises a new edge — unless the peer has hung up (RDHUP):
    /// a FIN queued with the data raises no further edge, so then reads go on
    /// until EOF, and the connection closes once its responses are sent.
    func handleReadable(_ c: Connection) {
        if c.phase == .lingering {
            drainLingering(c)
            return
        }
        let maxPipelined = shared.configuration.maxPipelinedRequests
        while c.readable && c.wantsInput(maxPipelined: maxPipelined) {
            let n = Glibc.read(c.fd, readBuffer.baseAddress, Self.readBufferSize)
            if n > 0 {
                if n < Self.readBufferSize && !c.peerHungUp { c.readable = false }
                c.parser.append(UnsafeRawBufferPointer(rebasing: readBuffer[0..<n]))
                process(c)
            } else if n == 0 {
                c.readable = false
                c.peerClosed = true
            } else {
                let e = clinux_errno()
                if e == EINTR { continue }
                if e == EAGAIN || e == EWOULDBLOCK {
                    c.readable = false
                } else {
                    close(c)
                    return
                }
            }
        }
        if c.peerClosed && !c.isClosed && c.current == nil && c.pending.isEmpty {
            close(c)
        }
    }

    /// Parses what is buffered, within the pipelining limit.
    func process(_ c: Connection) {
        let maxPipelined = shared.configuration.maxPipelinedRequests
        while !c.isClosed && c.failure == nil && !c.closeAfterWrite && !c.decidingContinue && !c.isDeferred {
            if c.current != nil && c.pending.count >= maxPipelined { break }
            switch c.parser.next() {
            case .needMoreData:
                if c.current == nil { enterReadingPhase(c) }
                return
            case .continueExpected(let head):
                if c.current == nil && c.pending.isEmpty { decideContinue(c, head: head) } else { c.owedContinue = head }
            case .request(let parsed):
                // A body that came without waiting for 100 owes nothing.
                c.owedContinue = nil
                c.pending.append(parsed)
                if c.current == nil { dispatchNext(c) }
            case .error(let error):
                c.failure = error
                if c.current == nil && c.pending.isEmpty { dispatchNext(c) }
                return
            }
        }
    }

    /// Between exchanges: the body deadline while a body arrives, the header
    /// deadline for a started head or a connection that has sent nothing yet,
    /// else the keep-alive idle deadline.
    func enterReadingPhase(_ c: Connection) {
        if c.parser.isReadingBody {
            enter(.readingBody, c)
        } else if c.parser.hasPartialRequest || c.dispatchSequence == 0 {
            enter(.readingHead, c)
        } else {
            enter(.idle, c)
        }
    }

    /// Starts the next waiting request, or answers a pending parse error.
    /// A request the responder answers at once (`immediateResponse(to:)`)
    /// is sent without a task, and the next waiting one follows in this
    /// loop, not by recursion: a pipelined burst costs no stack.
    ///
    /// At most `answersPerTurn` immediate answers per turn: past them, a
    /// connection with requests still waiting is deferred to the loop's next
    /// turn, so that a client pipelining requests answered from memory (or
    /// refused at once, 404 and 405) cannot hold its loop while the other
    /// connections wait.
    func dispatchNext(_ c: Connection) {
        while c.current == nil, !c.isClosed, !c.closeAfterWrite, !c.isDeferred {
            if c.answersThisTurn >= Self.answersPerTurn, !c.pending.isEmpty {
                deferTurn(c)
                return
            }
            guard dispatchOne(c) else { return }
            c.answersThisTurn += 1
        }
    }

    /// Ends `c`'s turn: it is resumed by `resumeDeferred` after the events
    /// already waiting for the loop.
    func deferTurn(_ c: Connection) {
        guard !c.isDeferred else { return }
        c.isDeferred = true
        deferred.append(c)
    }

    /// Gives every deferred connection its next turn: the waiting requests,
    /// then what is buffered, then the socket.
    func resumeDeferred() {
        guard !deferred.isEmpty else { return }
        let turn = deferred
        deferred = []
        for c in turn where !c.isClosed {
            c.isDeferred = false
            c.answersThisTurn = 0
            dispatchNext(c)
            guard !c.isClosed, !c.isDeferred else { continue }
            process(c)
            if c.readable, !c.isClosed, !c.isDeferred { handleReadable(c) }
        }
    }

    /// Starts `c`'s next request; true when it was answered at once and
    /// the next may follow.
    func dispatchOne(_ c: Connection) -> Bool {
        guard !c.pending.isEmpty else {
            if let error = c.failure {
                c.current = Connection.Exchange(method: "-", target: "-", requestID: requestIDs.next(),
                                                startedAt: now, isHEAD: false, keepAlive: false, echoKeepAlive: false)
                send(refusal(error), on: c, forceClose: true)
                return false
            }
            if c.peerClosed || (stopping && !c.parser.hasPartialRequest) {
                close(c)
                return false
            }
            if let head = c.owedContinue {
                c.owedContinue = nil
                if c.parser.isReadingBody {
                    decideContinue(c, head: head)
                    return false
                }
            }
            enterReadingPhase(c)
            return false
        }
        let parsed = c.pending.removeFirst()
        let request = openExchange(c, parsed, keepAlive: parsed.keepAlive)
        switch shared.responder.dispatch(request) {
        case .immediate(let response):
            c.answeringImmediately = true
            send(response, on: c, forceClose: false)
            c.answeringImmediately = false
            return true
        case .task(let placement):
            runHandler(c, placement: placement) { responder, fd, serial, sequence in
                .response(fd: fd, serial: serial, sequence: sequence, await responder.respond(to: request))
            }
            return false
        }
    }

    /// Asks the responder about a head that expects `100-continue`, off the
    /// loop like a handler (its deadline is the handler's). Until it answers,
    /// the connection reads and parses nothing: the client is waiting.
    func decideContinue(_ c: Connection, head: ParsedRequest) {
        let request = openExchange(c, head, keepAlive: false)
        c.decidingContinue = true
        runHandler(c, placement: .offLoop) { responder, fd, serial, sequence in
            .continueDecision(fd: fd, serial: serial, sequence: sequence, await responder.decideContinue(head: request))
        }
    }

    /// Opens the exchange of `parsed` on `c`: its request id (the client's
    /// `X-Request-Id` when acceptable), the response framing, the handler
    /// deadline, and a new sequence number by which a late answer is known.
    /// Returns the request as the responder sees it.
    func openExchange(_ c: Connection, _ parsed: ParsedRequest, keepAlive: Bool) -> HTTPRequest {
        var request = parsed.request
        let id = RequestIDGenerator.acceptable(request.headers["x-request-id"]) ?? requestIDs.next()
        request.requestID = id
        request.peerAddress = c.peerAddress
        c.current = Connection.Exchange(method: request.method.rawValue, target: request.target, requestID: id,
                                        startedAt: now, isHEAD: request.method == .HEAD, keepAlive: keepAlive,
                                        echoKeepAlive: parsed.minorVersion == 0 && keepAlive)
        c.dispatchSequence &+= 1
        enter(.awaitingHandler, c)
        return request
    }

    /// Runs `work` with the responder in a task, for `c`'s current exchange,
    /// off the loop or on it (`placement`), and posts the message it returns
    /// back to the loop.
    func runHandler(_ c: Connection, placement: HandlerPlacement,
                    _ work: @escaping @Sendable (any HTTPResponder, Int32, UInt64, UInt64) async -> Message) {
        let fd = c.fd, serial = c.serial, sequence = c.dispatchSequence
        let responder = shared.responder
        switch placement {
        case .offLoop:
        c.handlerTask = Task { [self] in post(await work(responder, fd, serial, sequence)) }
        case .onLoop:
            c.handlerTask = Task(executorPreference: self) { [self] in post(await work(responder, fd, serial, sequence)) }
        }
    }

    /// The connection whose exchange `sequence` still waits for its
    /// responder; nil once it was closed, timed out or moved on.
    func awaitingConnection(fd: Int32, serial: UInt64, sequence: UInt64) -> Connection? {
        guard Int(fd) < connections.count, let c = connections[Int(fd)], c.serial == serial,
              c.dispatchSequence == sequence, c.phase == .awaitingHandler else { return nil }
        return c
    }

    /// Acts on the responder's decision: `100 Continue` and read on, or the
    /// final response without reading the body, then close (RFC 9110
    /// §10.1.1: `Connection: close` says the body will not be read; the
    /// lingering close drains what the client may still send, so the
    /// response is not lost to a reset).
    func continueDecided(fd: Int32, serial: UInt64, sequence: UInt64, decision: ContinueDecision) {
        guard let c = awaitingConnection(fd: fd, serial: serial, sequence: sequence), c.decidingContinue else { return }
        c.handlerTask = nil
        c.decidingContinue = false
        switch decision {
        case .reject(let response):
            send(response, on: c, forceClose: true)
        case .proceed:
            c.current = nil
            if c.parser.isReadingBody { sendContinue(c) }
            guard !c.isClosed else { return }
            process(c)
            if c.readable { handleReadable(c) }
        }
    }

    func handlerFinished(fd: Int32, serial: UInt64, sequence: UInt64, response: HTTPResponse) {
        guard let c = awaitingConnection(fd: fd, serial: serial, sequence: sequence), !c.decidingContinue else { return }
        c.handlerTask = nil
        send(response, on: c, forceClose: false)
    }

    /// The responder's answer to a refusal of the server's own, under the
    /// refusal's status whatever the responder chose (it shapes the body).
    func refusal(_ error: HTTPProtocolError) -> HTTPResponse {
        var response = shared.responder.protocolErrorResponse(for: error)
        response.status = error.status
        return response
    }

    /// Encodes the response for the current exchange and starts writing it.
    func send(_ response: HTTPResponse, on c: Connection, forceClose: Bool) {
        guard let exchange = c.current else { return }
        let keepAlive = exchange.keepAlive && !forceClose && !stopping
            && !(response.headers["connection"]?.lowercased().contains("close") ?? false)
        if !keepAlive { c.closeAfterWrite = true }
        let framing = ResponseEncoder.Framing(keepAlive: keepAlive, echoKeepAlive: exchange.echoKeepAlive && keepAlive,
                                              omitBody: exchange.isHEAD, requestID: exchange.requestID)
        let bytes = ResponseEncoder.encode(response, framing: framing, date: dateCache.value(at: epochSecond),
                                           into: &c.out)
        c.responseInOut = true
        if let log = shared.accessLog {
            log(AccessLogEntry(method: exchange.method, path: exchange.target, status: response.status.code,
                               durationSeconds: Double(now &- exchange.startedAt) / 1e9,
                               requestID: exchange.requestID, bytesSent: bytes))
        }
        flushAndComplete(c)
    }

    func sendContinue(_ c: Connection) {
        c.out.append(contentsOf: ResponseEncoder.continueResponse)
        flushAndComplete(c)
    }

    /// Writes what is buffered; when a final response has fully left, ends the
    /// exchange and moves on (next pipelined request, more input, or close).
    func flushAndComplete(_ c: Connection) {
        guard flush(c), c.responseInOut else { return }
        c.responseInOut = false
        c.current = nil
        if c.closeAfterWrite {
            lingeringClose(c)
            return
        }
        // An immediate answer returns to `dispatchNext`, which goes on.
        if c.answeringImmediately { return }
        dispatchNext(c)
        process(c)
        if c.readable { handleReadable(c) }
    }

    /// True when everything buffered was written; false if the socket is full
    /// (the write deadline starts) or the connection was closed on an error.
    func flush(_ c: Connection) -> Bool {
        while c.outOffset < c.out.count {
            // `out` is not empty here, so its buffer has an address.
            let n = c.out.withUnsafeBytes { raw in
                guard let base = raw.baseAddress else { return 0 }
                return clinux_send(c.fd, base + c.outOffset, raw.count - c.outOffset)
            }
            if n >= 0 {
                c.outOffset += n
                continue
            }
            let e = clinux_errno()
            if e == EINTR { continue }
            if e == EAGAIN || e == EWOULDBLOCK {
                enter(.writing, c)
            } else {
                close(c)
            }
            return false
        }
        c.out.removeAll(keepingCapacity: c.out.capacity <= 65536)
        c.outOffset = 0
        return true
    }
}
