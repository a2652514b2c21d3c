/// The request methods the server implements (RFC 9110 §9). Any other method
/// token is answered 501 by the server before routing.
public enum HTTPMethod: String, Sendable, Hashable, CaseIterable {
    case GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS
}
