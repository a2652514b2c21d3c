/// Routes requests by method and path pattern (`/bookings/{id}/payment`).
/// Literal segments win over `{parameter}` segments at each level. An unknown
/// path is 404; a known path without the method is 405 with `Allow`
/// (RFC 9110 §15.5.6); HEAD is answered by the GET handler (RFC 9110 §9.3.2;
/// the server drops the body and keeps Content-Length).
///
/// `Expect: 100-continue` is decided by the same lookup: an unknown path or
/// method is refused at once, and a route's head check (e.g. credentials)
/// runs before the client sends its body.
public struct Router: HTTPResponder {
    final class Node: @unchecked Sendable {
        var literals: [String: Node] = [:]
        var parameter: (name: String, node: Node)?
        var handlers: [HTTPMethod: HTTPHandler] = [:]
        var headChecks: [HTTPMethod: HTTPHeadCheck] = [:]
    }

    /// What a request resolves to: its route, with the path parameters
    /// filled in, or the 404 or 405 that answers it.
    enum Resolution {
        case route(HTTPHandler, HTTPHeadCheck?, HTTPRequest)
        case refused(HTTPResponse)
    }

    /// Builds the 404 and 405 responses; defaults to the JSON error shape.
    public var errorResponder: @Sendable (HTTPStatus, _ code: String, _ message: String) -> HTTPResponse = {
        HTTPResponse.jsonError($0, code: $1, message: $2)
    }

    /// Every route added, in order.
    public private(set) var routes: [(method: HTTPMethod, pattern: String)] = []

    /// The route trie; copied on write, so a served router is never mutated.
    private var root = Node()

    public init() {}

    /// Adds `handler` for `method` on `pattern`; `{name}` segments match any
    /// single segment and are passed in `request.pathParameters`. A later
    /// route for the same method and pattern replaces the earlier one.
    /// `headCheck` decides `Expect: 100-continue` for the route.
    public mutating func add(_ method: HTTPMethod, _ pattern: String, headCheck: HTTPHeadCheck? = nil,
                             _ handler: @escaping HTTPHandler) {
        if !isKnownUniquelyReferenced(&root) { root = root.copy() }
        var node = root
        for segment in Self.segments(of: pattern) {
            if segment.hasPrefix("{") && segment.hasSuffix("}") && segment.count > 2 {
                let name = String(segment.dropFirst().dropLast())
                let next = node.parameter?.node ?? Node()
                if node.parameter == nil { node.parameter = (name, next) }
                node = next
            } else {
                let next = node.literals[segment] ?? Node()
                node.literals[segment] = next
                node = next
            }
        }
        node.handlers[method] = handler
        node.headChecks[method] = headCheck
        routes.append((method, pattern))
    }

    public func respond(to request: HTTPRequest) async -> HTTPResponse {
        switch resolve(request) {
        case .route(let handler, _, let request): return await handler(request)
        case .refused(let response): return response
        }
    }

    /// Refuses an unknown path or method before the body is sent, and runs
    /// the route's head check; other requests proceed.
    public func decideContinue(head: HTTPRequest) async -> ContinueDecision {
        switch resolve(head) {
        case .refused(let response): return .reject(response)
        case .route(_, let check, let request):
            guard let check, let refusal = await check(request) else { return .proceed }
            return .reject(refusal)
        }
    }

    func resolve(_ request: HTTPRequest) -> Resolution {
        var parameters: [String: String] = [:]
        guard let node = Self.match(root, request.pathSegments[...], &parameters) else {
            return .refused(errorResponder(.notFound, "not_found", "No resource at this path."))
        }
        let method = node.handlers[request.method] == nil && request.method == .HEAD ? HTTPMethod.GET : request.method
        guard let handler = node.handlers[method] else {
            var response = errorResponder(.methodNotAllowed, "method_not_allowed",
                                          "The method is not allowed on this path.")
            response.headers.set("Allow", Self.allowed(node).map(\.rawValue).joined(separator: ", "))
            return .refused(response)
        }
        var request = request
        request.pathParameters = parameters
        return .route(handler, node.headChecks[method], request)
    }

    /// Literal first, then the parameter branch (never an empty segment),
    /// backtracking if needed.
    static func match(_ node: Node, _ segments: ArraySlice<String>, _ parameters: inout [String: String]) -> Node? {
        guard let first = segments.first else { return node.handlers.isEmpty ? nil : node }
        if let literal = node.literals[first], let found = match(literal, segments.dropFirst(), &parameters) {
            return found
        }
        if let (name, child) = node.parameter, !first.isEmpty {
            let saved = parameters[name]
            parameters[name] = first
            if let found = match(child, segments.dropFirst(), &parameters) { return found }
            parameters[name] = saved
        }
        return nil
    }

    static func allowed(_ node: Node) -> [HTTPMethod] {
        var methods = Set(node.handlers.keys)
        if methods.contains(.GET) { methods.insert(.HEAD) }
        return HTTPMethod.allCases.filter(methods.contains)
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
        node.parameter = parameter.map { ($0.name, $0.node.copy()) }
        node.handlers = handlers
        node.headChecks = headChecks
        return node
    }
}
