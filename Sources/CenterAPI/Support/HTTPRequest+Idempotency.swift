import CenterDomain
import CenterService
import HTTPServer

/// The `Idempotency-Key` of a POST (docs/API.md "Conventions").
extension HTTPRequest {
    /// The key with the SHA-256 of method, path and body, nil without the header.
    public func idempotencyKey() throws -> IdempotencyKey? {
        guard let key = headers["idempotency-key"] else { return nil }
        let signed = Array("\(method.rawValue) \(path)\n".utf8) + body
        return try IdempotencyKey(key: key, requestHash: SHA256.hash(signed))
    }

    /// An integer path parameter, or `notFound` (the use case's own
    /// not-found code) when it is not one: no such thing has that id.
    public func idParameter<Code: ErrorCode>(_ name: String = "id", notFound code: Code) throws(Refusal<Code>) -> Int64 {
        guard let id = Int64(pathParameter(name)), id > 0 else {
            throw Refusal(code, "Ids are positive integers.")
        }
        return id
    }
}
