import CenterDomain
import CenterService
import HTTPServer

/// The `Idempotency-Key` of a POST (docs/API.md "Conventions") and the answer of a
/// recorded write, fresh or replayed.
extension HTTPRequest {
    /// The key with the SHA-256 of method, path and body, nil without the header.
    public func idempotencyKey() throws -> IdempotencyKey? {
        guard let key = headers["idempotency-key"] else { return nil }
        let signed = Array("\(method.rawValue) \(path)\n".utf8) + body
        return try IdempotencyKey(key: key, requestHash: SHA256.hash(signed))
    }

    /// An integer path parameter, or the `notFound` code when it is not one.
    public func idParameter(_ name: String = "id", notFound code: String) throws -> Int64 {
        guard let id = Int64(pathParameter(name)), id > 0 else {
            throw DomainError(.notFound, code, "Ids are positive integers.")
        }
        return id
    }
}

extension APIResponse {
    /// The recorded status and JSON body; a replay says so in `Idempotent-Replayed`.
    public static func recorded<T>(_ recorded: Recorded<T>) -> HTTPResponse {
        let status: HTTPStatus = switch recorded.status {
        case 201: .created
        default: .ok
        }
        var headers: HTTPHeaders = ["content-type": "application/json"]
        if recorded.replayed { headers.set("idempotent-replayed", "true") }
        return HTTPResponse(status: status, headers: headers, body: recorded.body)
    }
}
