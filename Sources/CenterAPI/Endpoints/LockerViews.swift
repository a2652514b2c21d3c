import CenterDomain
import CenterService
import HTTPServer

/// Query helpers of the locker endpoints.
enum LockerQuery {
    /// An optional integer query parameter from 0 to `maximum`.
    static func integerQuery(_ request: HTTPRequest, _ name: String, maximum: Int = Int(Int32.max)) throws(RequestError) -> Int? {
        guard let text = request.queryValue(name) else { return nil }
        guard let value = Int(text), (0...maximum).contains(value) else {
            throw RequestError.invalidParameter(name, "`\(name)` must be an integer from 0 to \(maximum), got \"\(text)\"")
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
