/// Anything that answers a request. Called off the event loop, so it may
/// await a database or take its time without stalling other connections,
/// unless `placement(of:)` places the request on the loop.
public protocol HTTPResponder: Sendable {
    func respond(to request: HTTPRequest) async -> HTTPResponse

    /// Where `respond(to:)` runs for `request` (docs/SERVER.md §1.16): off the
    /// loops (the default), or as a task on the loop that owns the
    /// connection, for a handler that is quick and waits only by
    /// suspending. Called on the event loop: it must be quick.
    func placement(of request: HTTPRequest) -> HandlerPlacement

    /// The response to `request` computed at once on the event loop, with
    /// no task and no thread hop (docs/SERVER.md §1.16), or nil to have it
    /// answered by `respond(to:)` as usual. Asked first for every request,
    /// on the loop: it must be quick, and must neither block nor wait.
    func immediateResponse(to request: HTTPRequest) -> HTTPResponse?

    /// How the loop answers `request`: at once, or by a task placed as
    /// `placement(of:)` says. The default asks `immediateResponse(to:)`,
    /// then `placement(of:)`; a responder that decides both with one
    /// lookup (the router) says so here.
    func dispatch(_ request: HTTPRequest) -> HandlerDispatch

    /// Decides on a request whose head asked `Expect: 100-continue`, before
    /// its body is read (RFC 9110 §10.1.1): `.proceed` has the server send
    /// `100 Continue`, read the body and call `respond(to:)` as usual; a
    /// final response is sent at once, without the body, and the connection
    /// then closes. `head` has the method, target and fields, and no body.
    /// Called off the event loop, like `respond(to:)`. The default proceeds.
    func decideContinue(head: HTTPRequest) async -> ContinueDecision

    /// The response to a request the server refuses on its own (a parse
    /// error, a timeout, the connection limit; see `HTTPProtocolError`), so
    /// that an application may answer them in its own error format. Called
    /// on the event loop: it must be quick and must not block. The server
    /// keeps the error's status and closes the connection after it. The
    /// default is `HTTPResponse(protocolError:)`, one line of plain text.
    func protocolErrorResponse(for error: HTTPProtocolError) -> HTTPResponse
}

extension HTTPResponder {
    public func decideContinue(head: HTTPRequest) async -> ContinueDecision { .proceed }

    public func placement(of request: HTTPRequest) -> HandlerPlacement { .offLoop }

    public func immediateResponse(to request: HTTPRequest) -> HTTPResponse? { nil }

    public func dispatch(_ request: HTTPRequest) -> HandlerDispatch {
        if let response = immediateResponse(to: request) { return .immediate(response) }
        return .task(placement(of: request))
    }

    public func protocolErrorResponse(for error: HTTPProtocolError) -> HTTPResponse {
        HTTPResponse(protocolError: error)
    }
}

/// Where a handler runs (docs/SERVER.md §1.16).
public enum HandlerPlacement: Sendable {
    /// A task on the cooperative pool: it may take its time.
    case offLoop
    /// A task whose executor is the event loop that owns the connection: it
    /// starts after the loop's current events, with no thread hop, and
    /// resumes there after each suspension (a read that waits, the writer's
    /// commit). It must not compute for long or block: the loop's other
    /// connections wait while it runs.
    case onLoop
}

/// How a request is answered (`HTTPResponder.dispatch(_:)`).
public enum HandlerDispatch: Sendable {
    /// With this response, sent at once from the loop.
    case immediate(HTTPResponse)
    /// By `respond(to:)` in a task placed so.
    case task(HandlerPlacement)
}

/// A responder's answer to `Expect: 100-continue` (RFC 9110 §10.1.1).
public enum ContinueDecision: Sendable {
    /// Let the client send its body.
    case proceed
    /// Answer with this final response instead; the body is never read.
    case reject(HTTPResponse)
}

/// A route handler.
public typealias HTTPHandler = @Sendable (HTTPRequest) async -> HTTPResponse

/// A route's synchronous answer, run on the event loop without a task
/// (`HTTPResponder.immediateResponse(to:)`): nil leaves the request to the
/// route's `HTTPHandler`, so it may answer only the cases it can decide at
/// once and leave the others (a token to check, a value to read) to it.
public typealias HTTPImmediateHandler = @Sendable (HTTPRequest) -> HTTPResponse?

/// A route's check of a request head before its body is read: nil lets the
/// body come, a response refuses the request with it (see
/// `HTTPResponder.decideContinue(head:)`).
public typealias HTTPHeadCheck = @Sendable (HTTPRequest) async -> HTTPResponse?
