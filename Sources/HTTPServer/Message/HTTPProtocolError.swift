/// A request the server or its router refuses on its own, before any
/// handler sees it: a message the parser rejects (RFC 9112), a deadline
/// missed, the connection limit reached, an unknown path or method. Each has
/// a stable snake_case `code`, which decides the status, and a short English
/// `message`. After a parse error, a timeout or the connection limit the
/// server answers with `Connection: close` and closes, because the framing of
/// whatever follows can no longer be trusted (RFC 9112 §9.6, §6.3).
///
/// The answer's body is the responder's choice
/// (`HTTPResponder.protocolErrorResponse(for:)`); by default it is
/// `HTTPResponse(protocolError:)`, one line of plain text.
public struct HTTPProtocolError: Error, Sendable, Equatable {
    /// Why the request was refused; the raw value is the stable code.
    public enum Code: String, Sendable, CaseIterable {
        case badRequest = "bad_request"
        /// A query that is not UTF-8 text once percent-decoded (400).
        case invalidEncoding = "invalid_encoding"
        case notFound = "not_found"
        case methodNotAllowed = "method_not_allowed"
        case requestTimeout = "request_timeout"
        case contentTooLarge = "content_too_large"
        case uriTooLong = "uri_too_long"
        case expectationFailed = "expectation_failed"
        case headerFieldsTooLarge = "header_fields_too_large"
        case notImplemented = "not_implemented"
        case serviceUnavailable = "service_unavailable"
        case versionNotSupported = "version_not_supported"

        /// The status that answers this refusal.
        public var status: HTTPStatus {
            switch self {
            case .badRequest, .invalidEncoding: .badRequest
            case .notFound: .notFound
            case .methodNotAllowed: .methodNotAllowed
            case .requestTimeout: .requestTimeout
            case .contentTooLarge: .contentTooLarge
            case .uriTooLong: .uriTooLong
            case .expectationFailed: .expectationFailed
            case .headerFieldsTooLarge: .headerFieldsTooLarge
            case .notImplemented: .notImplemented
            case .serviceUnavailable: .serviceUnavailable
            case .versionNotSupported: .versionNotSupported
            }
        }
    }

    public var code: Code
    public var message: String
    public var status: HTTPStatus { code.status }

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    static func badRequest(_ message: String) -> HTTPProtocolError { .init(.badRequest, message) }
    static func notImplemented(_ message: String) -> HTTPProtocolError { .init(.notImplemented, message) }
    static func headerFieldsTooLarge(_ message: String) -> HTTPProtocolError { .init(.headerFieldsTooLarge, message) }
    static let uriTooLong = HTTPProtocolError(.uriTooLong, "The request target is too long.")
    static let contentTooLarge = HTTPProtocolError(.contentTooLarge, "The request body is too large.")
    static let versionNotSupported = HTTPProtocolError(.versionNotSupported, "Only HTTP/1.0 and HTTP/1.1 are supported.")
    static let expectationFailed = HTTPProtocolError(.expectationFailed, "Only the 100-continue expectation is supported.")
    static let notFound = HTTPProtocolError(.notFound, "No resource at this path.")
    static let methodNotAllowed = HTTPProtocolError(.methodNotAllowed, "The method is not allowed on this path.")
    static let requestTimeout = HTTPProtocolError(.requestTimeout, "The request was not received in time.")
    static let handlerTimeout = HTTPProtocolError(.serviceUnavailable, "The request took too long to handle.")
    static let connectionLimit = HTTPProtocolError(.serviceUnavailable, "The server is at its connection limit.")
}

extension HTTPResponse {
    /// The server's own minimal answer to `error`: its status and one line of
    /// plain text, `400 Bad Request: Host is required.`, as Go's net/http and
    /// nginx answer, so that the transport knows nothing of an application's
    /// error format.
    public init(protocolError error: HTTPProtocolError) {
        let line = "\(error.status.code) \(error.status.reason): \(error.message)\n"
        self.init(status: error.status, headers: ["Content-Type": "text/plain; charset=utf-8"], body: Array(line.utf8))
    }
}
