/// One client connection's state. Owned and touched only by its event loop's
/// thread; handler tasks never see it (they get a copy of the request and
/// post the response back to the loop).
final class Connection {
    /// The request being answered: what the response framing and the access
    /// log need once the handler returns.
    struct Exchange {
        var method: String
        var target: String
        var requestID: String
        var startedAt: UInt64
        var isHEAD: Bool
        var keepAlive: Bool
        var echoKeepAlive: Bool
    }

    let fd: Int32
    /// This connection among all of its loop's connections (fds are reused).
    let serial: UInt64
    /// The peer's address as text, read once at accept.
    let peerAddress: String
    var parser: HTTPRequestParser
    /// Complete requests waiting for the one in flight (pipelining, in order).
    var pending: [ParsedRequest] = []
    var current: Exchange?
    /// Bumped per dispatched request, so a late or cancelled handler's
    /// response is recognised and dropped.
    var dispatchSequence: UInt64 = 0
    var handlerTask: Task<Void, Never>?
    var out: [UInt8] = []
    var outOffset = 0
    /// A final response sits in `out` and its completion is still to be handled.
    var responseInOut = false
    var closeAfterWrite = false
    /// Edge-triggered readiness: set by EPOLLIN, cleared by EAGAIN or a short read.
    var readable = false
    /// EPOLLRDHUP was reported: the peer's FIN is queued, perhaps behind
    /// data, so reads go on to EOF (a short read no longer means drained).
    var peerHungUp = false
    var peerClosed = false
    /// A parse error to answer once the requests before it are answered.
    var failure: HTTPProtocolError?
    /// A head that asked `100-continue` while earlier requests were still
    /// being answered: it is decided once they are (responses stay in order).
    var owedContinue: ParsedRequest?
    /// The responder is deciding a `100-continue` head: nothing more is read
    /// or parsed until it has (the client is waiting for the answer).
    var decidingContinue = false
    /// An immediate answer is being sent from `dispatchNext`: its
    /// completion leaves the next request to that loop.
    var answeringImmediately = false
    /// Immediate answers given in this connection's current turn of the
    /// loop (`EventLoop.answersPerTurn`).
    var answersThisTurn = 0
    /// Its turn ended with its budget spent and requests still waiting: it
    /// reads, parses and answers nothing more until the loop resumes it,
    /// after the other connections' events (`EventLoop.deferred`).
    var isDeferred = false
    var isClosed = false
    var phase: ConnectionPhase = .readingHead
    var deadline: UInt64 = 0
    /// Deadline of this connection's live entry in the loop's DeadlineQueue.
    var scheduled: UInt64?
    var token: UInt32 = 0

    init(fd: Int32, serial: UInt64, limits: HTTPParserLimits, peerAddress: String = "") {
        self.fd = fd
        self.serial = serial
        self.peerAddress = peerAddress
        self.parser = HTTPRequestParser(limits: limits)
    }

    /// Whether to read more: not after an error or a final close, and while a
    /// response is in flight only until `maxPipelined` requests wait.
    func wantsInput(maxPipelined: Int) -> Bool {
        guard !isClosed, !peerClosed, failure == nil, !closeAfterWrite, !decidingContinue, !isDeferred,
              phase != .lingering else { return false }
        return current == nil || pending.count < maxPipelined
    }

    /// Nothing received, nothing owed: safe to close at shutdown.
    var isQuiescent: Bool {
        current == nil && pending.isEmpty && !parser.hasPartialRequest && outOffset == out.count
    }
}
