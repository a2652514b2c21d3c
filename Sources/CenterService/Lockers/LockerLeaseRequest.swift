import CalendarValues
import CenterDomain

/// A new locker lease as staff enter it (`POST /locker-leases`), or the
/// terms given when accepting a waitlist offer (then `registration` and
/// `locker` come from the offer). No locker: the next free one.
public struct LockerLeaseRequest: Sendable, Hashable, Decodable {
    public var registration: Int64?
    public var locker: FacilityID?
    public var startMonth: YearMonth
    public var months: Int
    public var corporateNumber: String?
    public var founder: Bool
    public var identityCheck: LesseeCheck
    public var registryExtractCheck: LesseeCheck?

    public init(registration: Int64?, locker: FacilityID? = nil, startMonth: YearMonth, months: Int,
                corporateNumber: String? = nil, founder: Bool = false, identityCheck: LesseeCheck,
                registryExtractCheck: LesseeCheck? = nil) {
        self.registration = registration
        self.locker = locker
        self.startMonth = startMonth
        self.months = months
        self.corporateNumber = corporateNumber
        self.founder = founder
        self.identityCheck = identityCheck
        self.registryExtractCheck = registryExtractCheck
    }

    enum CodingKeys: String, CodingKey {
        case registration, locker, months, founder
        case startMonth = "start_month", corporateNumber = "corporate_number"
        case identityCheck = "identity_check", registryExtractCheck = "registry_extract_check"
    }

    /// Months a lease may name (the rules then apply the configured
    /// shortest and longest terms, `lease_term_too_short` / `_too_long`).
    public static let monthRange = 1...120

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        registration = try c.decodeIfPresent(Int64.self, forKey: .registration, in: InputRange.id)
        locker = try c.decodeIfPresent(FacilityID.self, forKey: .locker)
        startMonth = try c.decode(YearMonth.self, forKey: .startMonth)
        months = try c.decode(Int.self, forKey: .months, in: Self.monthRange)
        corporateNumber = try c.decodeIfPresent(String.self, forKey: .corporateNumber)
        founder = try c.decodeIfPresent(Bool.self, forKey: .founder) ?? false
        identityCheck = try c.decode(LesseeCheck.self, forKey: .identityCheck)
        registryExtractCheck = try c.decodeIfPresent(LesseeCheck.self, forKey: .registryExtractCheck)
    }
}
