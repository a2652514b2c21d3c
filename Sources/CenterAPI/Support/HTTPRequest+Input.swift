import Foundation
import CenterDomain
import CenterService
import HTTPServer

/// Reading typed input from a request, with a clear 4xx when it is wrong.
extension HTTPRequest {
    /// A required query parameter.
    public func requiredQuery(_ name: String) throws(RequestError) -> String {
        guard let value = queryValue(name), !value.isEmpty else {
            throw RequestError.invalidParameter(name, "query parameter `\(name)` is required")
        }
        return value
    }

    /// A query parameter that must be a date `YYYY-MM-DD` when present.
    public func dateQuery(_ name: String) throws(RequestError) -> LocalDate? {
        guard let text = queryValue(name) else { return nil }
        guard let date = LocalDate(text) else {
            throw RequestError.invalidParameter(name, "`\(name)` must be a date YYYY-MM-DD, got \"\(text)\"")
        }
        return date
    }

    /// A required date query parameter.
    public func requiredDateQuery(_ name: String) throws(RequestError) -> LocalDate {
        guard let date = try dateQuery(name) else {
            throw RequestError.invalidParameter(name, "query parameter `\(name)` (YYYY-MM-DD) is required")
        }
        return date
    }

    /// A path parameter filled in by the router.
    public func pathParameter(_ name: String) -> String { pathParameters[name] ?? "" }

    /// The JSON body decoded as `T`: 415 unless the body is `application/json`;
    /// 400 when it is not JSON or repeats a field; 422 with the JSON path when
    /// a field is unknown or a value is malformed, out of range or missing.
    public func decodeBody<T: Decodable>(_ type: T.Type) throws -> T {
        let mediaType = headers["content-type"]?.split(separator: ";").first.map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        }
        guard mediaType == "application/json" else {
            throw RequestError(.unsupportedMediaType, "unsupported_media_type",
                               "the request body must be JSON with `Content-Type: application/json`")
        }
        return try JSONInput.decodeRequest(T.self, from: body)
    }
}
