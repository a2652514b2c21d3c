import CenterDomain
import CenterService
import HTTPServer

/// Query parameters of the locker endpoints.
enum LockerQuery {
    /// Lease states a list may ask for.
    static let states = LockerLeaseState.allCases.map(\.rawValue)
    /// `ending_within_days`: today up to ten years ahead.
    static let endingWithinDays = 0...3660
}

/// `POST /locker-waitlist`.
struct WaitlistRequest: Decodable {
    let registration: Int64
    let note: String?

    enum CodingKeys: CodingKey { case registration, note }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        registration = try c.decode(Int64.self, forKey: .registration, in: InputRange.id)
        note = try c.decodeIfPresent(String.self, forKey: .note)
    }
}

/// `POST /locker-leases/{id}/corporate-number`.
struct CorporateNumberRequest: Decodable {
    let corporateNumber: String

    enum CodingKeys: String, CodingKey { case corporateNumber = "corporate_number" }
}
