/// Why a request was refused by the parser: the status to answer, a stable
/// snake_case code for the JSON error body and a short human message. The
/// server answers every parse error with `Connection: close` and then closes,
/// because the framing of whatever follows can no longer be trusted
/// (RFC 9112 §9.6, §6.3).
public struct HTTPParseError: Error, Sendable, Equatable {
    public var status: HTTPStatus
    public var code: String
    public var message: String

    public init(_ status: HTTPStatus, _ code: String, _ message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    static func badRequest(_ message: String) -> HTTPParseError { .init(.badRequest, "bad_request", message) }
    static func notImplemented(_ message: String) -> HTTPParseError {
        .init(.notImplemented, "not_implemented", message)
    }
    static func headerFieldsTooLarge(_ message: String) -> HTTPParseError {
        .init(.headerFieldsTooLarge, "header_fields_too_large", message)
    }
    static let uriTooLong = HTTPParseError(.uriTooLong, "uri_too_long", "The request target is too long.")
    static let contentTooLarge = HTTPParseError(.contentTooLarge, "content_too_large", "The request body is too large.")
    static let versionNotSupported = HTTPParseError(.versionNotSupported, "version_not_supported",
                                                    "Only HTTP/1.0 and HTTP/1.1 are supported.")
    static let expectationFailed = HTTPParseError(.expectationFailed, "expectation_failed",
                                                  "Only the 100-continue expectation is supported.")
}
