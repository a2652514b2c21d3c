/// Anything that answers a request. Called off the event loop, so it may
/// await a database or take its time without stalling other connections.
public protocol HTTPResponder: Sendable {
    func respond(to request: HTTPRequest) async -> HTTPResponse
}

/// A route handler.
public typealias HTTPHandler = @Sendable (HTTPRequest) async -> HTTPResponse
