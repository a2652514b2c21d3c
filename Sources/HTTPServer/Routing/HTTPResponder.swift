/// Anything that answers a request. Called off the event loop, so it may
/// await a database or take its time without stalling other connections.
public protocol HTTPResponder: Sendable {
    func respond(to request: HTTPRequest) async -> HTTPResponse

    /// Decides on a request whose head asked `Expect: 100-continue`, before
    /// its body is read (RFC 9110 §10.1.1): `.proceed` has the server send
    /// `100 Continue`, read the body and call `respond(to:)` as usual; a
    /// final response is sent at once, without the body, and the connection
    /// then closes. `head` has the method, target and fields, and no body.
    /// Called off the event loop, like `respond(to:)`. The default proceeds.
    func decideContinue(head: HTTPRequest) async -> ContinueDecision
}

extension HTTPResponder {
    public func decideContinue(head: HTTPRequest) async -> ContinueDecision { .proceed }
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

/// A route's check of a request head before its body is read: nil lets the
/// body come, a response refuses the request with it (see
/// `HTTPResponder.decideContinue(head:)`).
public typealias HTTPHeadCheck = @Sendable (HTTPRequest) async -> HTTPResponse?
