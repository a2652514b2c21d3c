import CenterDomain
import CenterService
import HTTPServer

/// Query helpers of the locker endpoints.
enum LockerQuery {
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
