import CalendarValues
import CenterDomain
import JSON
internal import Store

/// A locker lease (ロッカー賃貸借) as the service stores and shows it: the
/// locker, the lessee (a registration with its corporate number, or a founder
/// with the date the number is due), the term, the fee and what is owed, the
/// recorded document checks, and, once ended, when the locker may be let
/// again (`LockerLeaseTerms.relettableFrom`).
public struct LockerLease: Sendable, Hashable, Encodable {
    public let id: Int64
    public let locker: FacilityID
    public let registration: Int64
    public let corporateNumber: String?
    public let founder: Bool
    public let corporateNumberDue: LocalDate?
    public let startDate: LocalDate
    public let months: Int
    public let endDate: LocalDate
    public let monthlyFee: Int
    /// Fee × months of the whole term so far, in yen.
    public let amountOwed: Int
    public let identityCheck: LesseeCheck
    public let registryExtractCheck: LesseeCheck?
    public let state: LockerLeaseState
    public let endedReason: LeaseEndReason?
    public let endedOn: LocalDate?
    public let addressMovedOn: LocalDate?
    public let relettableFrom: LocalDate?
    public let offer: Int64?
    public let createdAt: Instant
    public let createdBy: String
    public let updatedAt: Instant
    public let updatedBy: String

    enum CodingKeys: String, CodingKey {
        case id, locker, registration, founder, months, state, offer
        case corporateNumber = "corporate_number", corporateNumberDue = "corporate_number_due"
        case startDate = "start_date", endDate = "end_date", monthlyFee = "monthly_fee", amountOwed = "amount_owed"
        case identityCheck = "identity_check", registryExtractCheck = "registry_extract_check"
        case endedReason = "ended_reason", endedOn = "ended_on", addressMovedOn = "address_moved_on"
        case relettableFrom = "relettable_from", createdAt = "created_at", createdBy = "created_by"
        case updatedAt = "updated_at", updatedBy = "updated_by"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(locker, forKey: .locker)
        try c.encode(registration, forKey: .registration)
        try c.encode(corporateNumber, forKey: .corporateNumber)
        try c.encode(founder, forKey: .founder)
        try c.encode(corporateNumberDue, forKey: .corporateNumberDue)
        try c.encode(startDate, forKey: .startDate)
        try c.encode(months, forKey: .months)
        try c.encode(endDate, forKey: .endDate)
        try c.encode(monthlyFee, forKey: .monthlyFee)
        try c.encode(amountOwed, forKey: .amountOwed)
        try c.encode(identityCheck, forKey: .identityCheck)
        try c.encode(registryExtractCheck, forKey: .registryExtractCheck)
        try c.encode(state, forKey: .state)
        try c.encode(endedReason, forKey: .endedReason)
        try c.encode(endedOn, forKey: .endedOn)
        try c.encode(addressMovedOn, forKey: .addressMovedOn)
        try c.encode(relettableFrom, forKey: .relettableFrom)
        try c.encode(offer, forKey: .offer)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(createdBy, forKey: .createdBy)
        try c.encode(updatedAt, forKey: .updatedAt)
        try c.encode(updatedBy, forKey: .updatedBy)
    }

    static let columns = """
        id, locker_id, registration_id, corporate_number, founder, corporate_number_due, start_date, months, end_date,
        monthly_fee, amount_owed, identity_check, registry_extract_check, state, ended_reason, ended_on,
        address_moved_on, relettable_from, offer_id, created_at, created_by, updated_at, updated_by
        """

    init(row: Row) throws {
        id = try row.get("id")
        locker = try row.get("locker_id")
        registration = try row.get("registration_id")
        corporateNumber = try row.get("corporate_number")
        founder = try row.get("founder")
        corporateNumberDue = try row.get("corporate_number_due")
        startDate = try row.get("start_date")
        months = try row.get("months")
        endDate = try row.get("end_date")
        monthlyFee = try row.get("monthly_fee")
        amountOwed = try row.get("amount_owed")
        identityCheck = try Self.check(row.get("identity_check") as String)
        registryExtractCheck = try (row.get("registry_extract_check") as String?).map(Self.check)
        state = try row.get("state")
        endedReason = try row.get("ended_reason")
        endedOn = try row.get("ended_on")
        addressMovedOn = try row.get("address_moved_on")
        relettableFrom = try row.get("relettable_from")
        offer = try row.get("offer_id")
        createdAt = try row.get("created_at")
        createdBy = try row.get("created_by")
        updatedAt = try row.get("updated_at")
        updatedBy = try row.get("updated_by")
    }

    private static func check(_ text: String) throws -> LesseeCheck {
        try JSONCodec.decodeStored(LesseeCheck.self, from: text)
    }

    /// Reads lease `id`, or `locker_lease_not_found` (404).
    static func load(_ db: Database, id: Int64) throws -> LockerLease {
        guard let row = try db.queryOne("SELECT \(columns) FROM locker_leases WHERE id = ?", [.integer(id)]) else {
            throw Refusal(LockerLeaseLookupCode.lockerLeaseNotFound, "No locker lease has id \(id).",
                          details: ["lease": String(id)])
        }
        return try LockerLease(row: row)
    }

    /// Lease `id` while active, else `lease_not_active` (409).
    static func loadActive(_ db: Database, id: Int64) throws -> LockerLease {
        let lease = try load(db, id: id)
        guard lease.state == .active else {
            throw Refusal(LockerLeaseStateCode.leaseNotActive, "Locker lease \(id) is \(lease.state).",
                          details: ["lease": String(id), "state": lease.state.rawValue])
        }
        return lease
    }
}

/// The life of a locker lease: `active` from the day it is made, `ended`
/// (terminated or expired), or `cancelled` (ended before it started).
public enum LockerLeaseState: String, Sendable, Hashable, CaseIterable, Codable {
    case active, ended, cancelled
}

/// Why a lease ended: terminated (解約), expired at its end date, or
/// cancelled before it started.
public enum LeaseEndReason: String, Sendable, Hashable, Codable {
    case terminated, expired, cancelled
}

extension LockerLeaseState {
    /// The state as the feeds and pages say it.
    public var japaneseName: String {
        switch self {
        case .active: "契約中"
        case .ended: "終了"
        case .cancelled: "取消し"
        }
    }
}
