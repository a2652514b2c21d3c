/// Routes requests by method and path pattern (`/bookings/{id}/payment`).
/// Literal segments win over `{parameter}` segments at each level. An unknown
/// path is 404; a known path without the method is 405 with `Allow`
/// (RFC 9110 §15.5.6); HEAD is answered by the GET handler (RFC 9110 §9.3.2;
/// the server drops the body and keeps Content-Length).
///
/// A route table is code, so its mistakes are refused while it is built:
/// `add` throws `RouteError` for a second route on the same method and
/// pattern (`/a/{id}` and `/a/{key}` are the same pattern) or a pattern that
/// names one parameter twice. Each route keeps its own parameter names, so
/// `/a/{id}` and `/a/{key}/b` may share the parameter segment.
///
/// `Expect: 100-continue` is decided by the same lookup: an unknown path or
/// method is refused at once, and a route's head check (e.g. credentials)
/// runs before the client sends its body.
public struct Router: HTTPResponder {
    /// One method on one pattern.
    struct Route {
        var pattern: String
        /// The names of the pattern's parameter segments, in order.
        var parameterNames: [String]
        var handler: HTTPHandler
        var headCheck: HTTPHeadCheck?
        var placement: HandlerPlacement
        var immediate: HTTPImmediateHandler?
    }

    final class Node: @unchecked Sendable {
        var literals: [String: Node] = [:]
        var parameter: Node?
        var routes: [HTTPMethod: Route] = [:]
    }

    /// What a request resolves to: its route, with the path parameters
    /// filled in, or the 404 or 405 that answers it.
    enum Resolution {
        case route(Route, HTTPRequest)
        case refused(HTTPResponse)
    }

    /// Builds the response to every request refused without a handler: the
    /// router's 404 and 405, and the server's own refusals (parse errors,
    /// timeouts, the connection limit) through `protocolErrorResponse(for:)`.
    /// Defaults to `HTTPResponse(protocolError:)`, one line of plain text; an
    /// application sets it to answer them in its own error format.
    public var protocolErrorResponder: @Sendable (HTTPProtocolError) -> HTTPResponse = {
        HTTPResponse(protocolError: $0)
    }

    /// Builds the router's own 404 and 405, which have a request to read
    /// (its `Accept-Language`, say); nil answers them with
    /// `protocolErrorResponder` like the server's refusals.
    public var requestErrorResponder: (@Sendable (HTTPProtocolError, HTTPRequest) -> HTTPResponse)?

    /// Every route added, in order.
    public private(set) var routes: [(method: HTTPMethod, pattern: String)] = []

    /// The route trie; copied on write, so a served router is never mutated.
    private var root = Node()

    public init() {}

    /// Adds `handler` for `method` on `pattern`; `{name}` segments match any
    /// single non-empty segment and are passed in `request.pathParameters`.
    /// `headCheck` decides `Expect: 100-continue` for the route; `immediate`,
    /// when given, is asked first, on the loop, and answers the requests it
    /// can at once (`HTTPImmediateHandler`). Throws, and
    /// leaves the router as it was, for a route the router already has or a
    /// pattern with a repeated parameter name.
    public mutating func add(_ method: HTTPMethod, _ pattern: String, placement: HandlerPlacement = .offLoop,
                             headCheck: HTTPHeadCheck? = nil, immediate: HTTPImmediateHandler? = nil,
                             _ handler: @escaping HTTPHandler) throws(RouteError) {
        var names: [String] = []
        var shape: [Segment] = []
        for segment in Self.segments(of: pattern) {
            if let name = Self.parameterName(segment) {
                guard !names.contains(name) else { throw .repeatedParameter(name: name, pattern: pattern) }
                names.append(name)
                shape.append(.parameter)
            } else {
                shape.append(.literal(segment))
            }
        }
        if let existing = Self.node(root, at: shape[...])?.routes[method] {
            throw .duplicate(method: method, pattern: pattern, existing: existing.pattern)
        }
        if !isKnownUniquelyReferenced(&root) { root = root.copy() }
        var node = root
        for segment in shape {
            switch segment {
            case .parameter:
                let next = node.parameter ?? Node()
                node.parameter = next
                node = next
            case .literal(let text):
                let next = node.literals[text] ?? Node()
                node.literals[text] = next
                node = next
            }
        }
        node.routes[method] = Route(pattern: pattern, parameterNames: names, handler: handler, headCheck: headCheck,
                                    placement: placement, immediate: immediate)
        routes.append((method, pattern))
    }

    public func respond(to request: HTTPRequest) async -> HTTPResponse {
        switch resolve(request) {
        case .route(let route, let request): return await route.handler(request)
        case .refused(let response): return response
        }
    }

    /// Refuses an unknown path or method before the body is sent, and runs
    /// the route's head check; other requests proceed.
    public func decideContinue(head: HTTPRequest) async -> ContinueDecision {
        switch resolve(head) {
        case .refused(let response): return .reject(response)
        case .route(let route, let request):
            guard let check = route.headCheck, let refusal = await check(request) else { return .proceed }
            return .reject(refusal)
        }
    }

    public func protocolErrorResponse(for error: HTTPProtocolError) -> HTTPResponse {
        protocolErrorResponder(error)
    }

    /// The placement of the route `request` resolves to; a 404 or 405 is
    /// answered on the loop (it needs nothing but the route table).
    public func placement(of request: HTTPRequest) -> HandlerPlacement {
        var values: [String] = []
        guard let node = Self.match(root, request.pathSegments[...], &values) else { return .onLoop }
        let method = node.routes[request.method] == nil && request.method == .HEAD ? HTTPMethod.GET : request.method
        return node.routes[method]?.placement ?? .onLoop
    }

    /// The router's 404 and 405 (they need nothing but the route table), and
    /// the answer of a route's immediate handler; nil for the rest.
    public func immediateResponse(to request: HTTPRequest) -> HTTPResponse? {
        if case .immediate(let response) = dispatch(request) { return response }
        return nil
    }

    /// One lookup decides both: the 404, the 405 or the route's immediate
    /// answer at once, else a task placed as the route says. The path
    /// parameters are filled in only for an immediate handler (`respond`
    /// fills them for a task).
    public func dispatch(_ request: HTTPRequest) -> HandlerDispatch {
        var values: [String] = []
        guard let node = Self.match(root, request.pathSegments[...], &values),
              let route = node.routes[request.method] ?? (request.method == .HEAD ? node.routes[.GET] : nil) else {
            guard case .refused(let response) = resolve(request) else { return .task(.offLoop) }
            return .immediate(response)
        }
        guard let immediate = route.immediate else { return .task(route.placement) }
        var request = request
        if !route.parameterNames.isEmpty {
            request.pathParameters = Dictionary(zip(route.parameterNames, values), uniquingKeysWith: { first, _ in first })
        }
        if let response = immediate(request) { return .immediate(response) }
        return .task(route.placement)
    }

    func resolve(_ request: HTTPRequest) -> Resolution {
        var values: [String] = []
        guard let node = Self.match(root, request.pathSegments[...], &values) else {
            return .refused(requestErrorResponder?(.notFound, request) ?? protocolErrorResponse(for: .notFound))
        }
        let method = node.routes[request.method] == nil && request.method == .HEAD ? HTTPMethod.GET : request.method
        guard let route = node.routes[method] else {
            var response = requestErrorResponder?(.methodNotAllowed, request) ?? protocolErrorResponse(for: .methodNotAllowed)
            response.headers.set("Allow", Self.allowed(node).map(\.rawValue).joined(separator: ", "))
            return .refused(response)
        }
        guard !route.parameterNames.isEmpty else { return .route(route, request) }
        var request = request
        request.pathParameters = Dictionary(zip(route.parameterNames, values), uniquingKeysWith: { first, _ in first })
        return .route(route, request)
    }

    /// Literal first, then the parameter branch (never an empty segment),
    /// backtracking if needed; `values` receives the parameter segments.
    static func match(_ node: Node, _ segments: ArraySlice<String>, _ values: inout [String]) -> Node? {
        guard let first = segments.first else { return node.routes.isEmpty ? nil : node }
        if let literal = node.literals[first], let found = match(literal, segments.dropFirst(), &values) {
            return found
        }
        if let child = node.parameter, !first.isEmpty {
            values.append(first)
            if let found = match(child, segments.dropFirst(), &values) { return found }
            values.removeLast()
        }
        return nil
    }

    /// The node a pattern's shape ends at, if it exists.
    static func node(_ node: Node, at shape: ArraySlice<Segment>) -> Node? {
        guard let first = shape.first else { return node }
        switch first {
        case .parameter: return node.parameter.flatMap { self.node($0, at: shape.dropFirst()) }
        case .literal(let text): return node.literals[text].flatMap { self.node($0, at: shape.dropFirst()) }
        }
    }

    static func allowed(_ node: Node) -> [HTTPMethod] {
        var methods = Set(node.routes.keys)
        if methods.contains(.GET) { methods.insert(.HEAD) }
        return HTTPMethod.allCases.filter(methods.contains)
    }

    /// A pattern segment: a literal, or a parameter whatever its name.
    enum Segment {
        case literal(String)
        case parameter
    }

    /// `name` for a `{name}` segment, nil for a literal.
    static func parameterName(_ segment: String) -> String? {
        guard segment.hasPrefix("{") && segment.hasSuffix("}") && segment.count > 2 else { return nil }
        return String(segment.dropFirst().dropLast())
    }

    static func segments(of pattern: String) -> [String] {
        let trimmed = pattern.hasPrefix("/") ? String(pattern.dropFirst()) : pattern
        return trimmed.isEmpty ? [] : trimmed.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    }
}

extension Router.Node {
    func copy() -> Router.Node {
        let node = Router.Node()
        node.literals = literals.mapValues { $0.copy() }
        node.parameter = parameter?.copy()
        node.routes = routes
        return node
    }
}
