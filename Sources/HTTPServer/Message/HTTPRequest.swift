/// A parsed request as handlers see it: method, decoded path, query, headers
/// and the whole body (already de-chunked and within the body limit).
public struct HTTPRequest: Sendable {
    public var method: HTTPMethod
    /// The request-target as sent (origin-form), for logs only.
    public var target: String
    /// The path, split on `/` and percent-decoded segment by segment.
    public var pathSegments: [String]
    /// Query parameters in order, percent-decoded, `+` read as a space.
    public var query: [(name: String, value: String)]
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// Values of `{name}` segments of the matched route, filled in by the router.
    public var pathParameters: [String: String]
    /// Request id (also echoed as `X-Request-Id`).
    public var requestID: String
    /// The address of the connection's peer (`203.0.113.5`), filled in by
    /// the server; empty when unknown. Behind a proxy it is the proxy's.
    public var peerAddress: String = ""

    public init(method: HTTPMethod, target: String, pathSegments: [String], query: [(name: String, value: String)] = [],
                headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = [], pathParameters: [String: String] = [:],
                requestID: String = "") {
        self.method = method
        self.target = target
        self.pathSegments = pathSegments
        self.query = query
        self.headers = headers
        self.body = body
        self.pathParameters = pathParameters
        self.requestID = requestID
    }

    /// The decoded path, `/` joined.
    public var path: String { "/" + pathSegments.joined(separator: "/") }

    /// The first value of query parameter `name`.
    public func queryValue(_ name: String) -> String? { query.first { $0.name == name }?.value }
}
