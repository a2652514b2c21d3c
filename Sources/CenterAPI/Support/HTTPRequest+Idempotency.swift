import CenterDomain
import CenterService
import HTTPServer

/// The `Idempotency-Key` of a POST (docs/API.md "Conventions").
extension HTTPRequest {
    /// The key with the SHA-256 of method, path, query and body, nil without
    /// the header: the same key sent with another query (another
    /// `fiscal_year` to allocate) is another request, refused as a reuse.
    /// Each query name and value is length-prefixed, so no two queries sign alike.
    public func idempotencyKey() throws -> IdempotencyKey? {
        guard let key = headers["idempotency-key"] else { return nil }
        return try IdempotencyKey(key: key, requestHash: SHA256.hash(signedForIdempotency()))
    }

    /// The key with its request hash made only when it is first read
    /// (`IdempotencyKey.init(key:signing:)`): for `POST /bookings`, whose
    /// refusals on the arrival snapshot never read it.
    public func idempotencyKeyHashedWhenRead() throws -> IdempotencyKey? {
        guard let key = headers["idempotency-key"] else { return nil }
        return try IdempotencyKey(key: key, signing: signedForIdempotency())
    }

    /// The bytes an Idempotency-Key signs: method, path, each query name and
    /// value length-prefixed, and the body.
    private func signedForIdempotency() -> [UInt8] {
        // Written into one buffer sized once: these bytes are hashed on every POST.
        var signed: [UInt8] = []
        signed.reserveCapacity(method.rawValue.utf8.count + path.utf8.count + body.count + 64)
        signed += method.rawValue.utf8
        signed.append(UInt8(ascii: " "))
        signed += path.utf8
        signed.append(UInt8(ascii: "\n"))
        for (name, value) in query {
            signed += String(name.utf8.count).utf8
            signed.append(UInt8(ascii: ":"))
            signed += name.utf8
            signed.append(UInt8(ascii: "="))
            signed += String(value.utf8.count).utf8
            signed.append(UInt8(ascii: ":"))
            signed += value.utf8
            signed.append(UInt8(ascii: "&"))
        }
        signed.append(UInt8(ascii: "\n"))
        signed += body
        return signed
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
