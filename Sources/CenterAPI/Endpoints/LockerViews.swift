import CenterDomain
import CenterService
import HTTPServer

/// Request bodies and reply helpers of the locker and storage endpoints.
enum LockerReplies {
    /// The `Idempotency-Key` of a POST, bound to its method, path and body, so a
    /// retry is recognised and a reuse with another request is refused.
    static func idempotencyKey(_ request: HTTPRequest) throws -> IdempotencyKey? {
        guard let key = request.headers["idempotency-key"] else { return nil }
        let fingerprint = Array("\(request.method.rawValue) \(request.path)\n".utf8) + request.body
        return try IdempotencyKey(key: key, requestHash: SHA256.hash(fingerprint))
    }

    /// The recorded answer: the first response, byte for byte, on a replay.
    static func reply<T>(_ recorded: Recorded<T>) -> HTTPResponse {
        let status: HTTPStatus = switch recorded.status {
        case 201: .created
        default: HTTPStatus(recorded.status, recorded.status == 200 ? "OK" : "")
        }
        var response = HTTPResponse(status: status, headers: ["content-type": "application/json"], body: recorded.body)
        if recorded.replayed { response.headers.set("idempotent-replayed", "true") }
        return response
    }

    /// A path id as an integer, else 404 with `code`.
    static func id(_ request: HTTPRequest, _ code: String) throws -> Int64 {
        let text = request.pathParameter("id")
        guard let id = Int64(text) else { throw DomainError(.notFound, code, "No such id: \(text).") }
        return id
    }

    /// An optional non-negative integer query parameter.
    static func integerQuery(_ request: HTTPRequest, _ name: String) throws(RequestError) -> Int? {
        guard let text = request.queryValue(name) else { return nil }
        guard let value = Int(text), value >= 0 else {
            throw RequestError.invalidParameter(name, "`\(name)` must be a non-negative integer, got \"\(text)\"")
        }
        return value
    }
}

/// `POST /locker-waitlist`.
struct WaitlistRequest: Decodable {
    let registration: Int64
    let note: String?
}

/// `POST /locker-leases/{id}/corporate-number`.
struct CorporateNumberRequest: Decodable {
    let corporateNumber: String

    enum CodingKeys: String, CodingKey { case corporateNumber = "corporate_number" }
}
