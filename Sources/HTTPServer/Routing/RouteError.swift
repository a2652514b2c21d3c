/// A mistake in a route table, reported by `Router.add` while the router is
/// built, before the server takes a request.
public enum RouteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A second route for `method` on a pattern already routed as
    /// `existing`; patterns that differ only in parameter names are the same.
    case duplicate(method: HTTPMethod, pattern: String, existing: String)
    /// A pattern that names one parameter twice, `/a/{id}/b/{id}`.
    case repeatedParameter(name: String, pattern: String)

    public var description: String {
        switch self {
        case .duplicate(let method, let pattern, let existing) where pattern == existing:
            "\(method.rawValue) \(pattern) is routed twice"
        case .duplicate(let method, let pattern, let existing):
            "\(method.rawValue) \(pattern) is routed twice (first as \(method.rawValue) \(existing))"
        case .repeatedParameter(let name, let pattern):
            "\(pattern) names the parameter {\(name)} twice"
        }
    }
}
