/// Routes requests by method and path pattern (`/bookings/{id}/payment`).
/// Literal segments win over `{parameter}` segments at each level. An unknown
/// path is 404; a known path without the method is 405 with `Allow`
/// (RFC 9110 §15.5.6); HEAD is answered by the GET handler (RFC 9110 §9.3.2;
/// the server drops the body and keeps Content-Length).
public struct Router: HTTPResponder {
    final class Node: @unchecked Sendable {
        var literals: [String: Node] = [:]
        var parameter: (name: String, node: Node)?
        var handlers: [HTTPMethod: HTTPHandler] = [:]
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
    public mutating func add(_ method: HTTPMethod, _ pattern: String, _ handler: @escaping HTTPHandler) {
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
        routes.append((method, pattern))
    }

    public func respond(to request: HTTPRequest) async -> HTTPResponse {
        var parameters: [String: String] = [:]
        guard let node = Self.match(root, request.pathSegments[...], &parameters) else {
            return errorResponder(.notFound, "not_found", "No resource at this path.")
        }
        let handler = node.handlers[request.method] ?? (request.method == .HEAD ? node.handlers[.GET] : nil)
        guard let handler else {
            var response = errorResponder(.methodNotAllowed, "method_not_allowed",
                                          "The method is not allowed on this path.")
            response.headers.set("Allow", Self.allowed(node).map(\.rawValue).joined(separator: ", "))
            return response
        }
        var request = request
        request.pathParameters = parameters
        return await handler(request)
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
        return node
    }
}
