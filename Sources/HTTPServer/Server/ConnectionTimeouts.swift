/// What a connection is waiting for, which decides its deadline and what
/// happens when the deadline passes (RFC 9112 §9.5, RFC 9110 §15.5.9).
enum ConnectionPhase: Equatable, Sendable {
    /// Keep-alive, no byte of the next request yet.
    case idle
    /// Reading a head whose first byte has arrived.
    case readingHead
    /// Reading a body.
    case readingBody
    /// A handler is running.
    case awaitingHandler
    /// A response is partly written and the socket is full.
    case writing
    /// Half-closed, draining input before close.
    case lingering
}

/// What to do when a deadline passes.
enum TimeoutAction: Equatable, Sendable {
    case closeSilently
    /// Answer with this refusal and close.
    case respondAndClose(HTTPProtocolError)
}

/// The timeout of each phase in nanoseconds, as a plain value so that the
/// deadline rules can be tested with any clock reading.
struct ConnectionTimeouts: Sendable, Equatable {
    var header: UInt64
    var idle: UInt64
    var body: UInt64
    var write: UInt64
    var handler: UInt64
    var linger: UInt64

    /// The deadline of `phase` entered at `since` (monotonic nanoseconds).
    /// Each is a total from the phase start, not a per-read timer.
    func deadline(for phase: ConnectionPhase, since: UInt64) -> UInt64 {
        let span: UInt64
        switch phase {
        case .idle: span = idle
        case .readingHead: span = header
        case .readingBody: span = body
        case .awaitingHandler: span = handler
        case .writing: span = write
        case .lingering: span = linger
        }
        return since &+ span
    }

    /// The action when the deadline of `phase` has passed: a head deadline
    /// with nothing received closes silently, a started request gets 408.
    static func action(for phase: ConnectionPhase, hasPartialRequest: Bool) -> TimeoutAction {
        switch phase {
        case .idle, .writing, .lingering:
            return .closeSilently
        case .readingHead where !hasPartialRequest:
            return .closeSilently
        case .readingHead, .readingBody:
            return .respondAndClose(.requestTimeout)
        case .awaitingHandler:
            return .respondAndClose(.handlerTimeout)
        }
    }
}
