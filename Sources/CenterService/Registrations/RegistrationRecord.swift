import CalendarValues
import CenterDomain
import JSON
internal import Store

/// A registration (利用登録) as the service stores and shows it: the domain
/// `Registration` plus the contact (personal data, shown to staff and the
/// registration's own members only, never publicly), whether the user is in
/// the ward (the out-of-ward surcharge), the reading of the name (フリガナ)
/// and the postal address, and who changed it when.
public struct RegistrationRecord: Sendable, Hashable, Encodable {
    public let id: Int64
    public let category: UserCategory
    public let name: String
    /// フリガナ in full-width katakana (`NameKana`), nil when not given.
    public let nameKana: String?
    public let contact: String
    /// The postal address (`PostalAddress`), nil when not given.
    public let postalAddress: PostalAddress?
    public let inWard: Bool
    public let evidence: RegistrationEvidence
    public let validFrom: LocalDate
    public let validUntil: LocalDate
    /// `active` or `suspended` as staff or a penalty left it.
    public let storedStatus: RegistrationStatus
    public let suspendedUntil: LocalDate?
    public let penaltyPoints: Int
    public let createdAt: Instant
    public let createdBy: String
    public let updatedAt: Instant
    public let updatedBy: String
    /// When its personal data was erased (retention or the person's
    /// request); nil while it is kept. An erased registration shows
    /// `（消去済み）` for its name and can no longer change or book.
    public let erasedAt: Instant?
    /// `active`, `suspended` or `expired` on the day it was read.
    public let status: RegistrationStatus
    /// Who issues its card (登録証の交付者): the 区長 for community groups,
    /// the designated manager for everyone else (`RegistrationIssuer`),
    /// with its own renewal period; `issuerNameJa` as the card prints it.
    public let issuer: RegistrationIssuer
    public let issuerNameJa: String

    enum CodingKeys: String, CodingKey {
        case id, category, name, contact, evidence, status, address
        case nameKana = "name_kana", postalCode = "postal_code"
        case inWard = "in_ward", validFrom = "valid_from", validUntil = "valid_until"
        case suspendedUntil = "suspended_until", penaltyPoints = "penalty_points"
        case createdAt = "created_at", createdBy = "created_by", updatedAt = "updated_at", updatedBy = "updated_by"
        case erasedAt = "erased_at", issuer, issuerNameJa = "issuer_name_ja"
    }

    /// As the API shows it: the postal code as `164-0001` and the address
    /// beside it; フリガナ and the address absent when not given.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(category, forKey: .category)
        try c.encode(name, forKey: .name)
        try c.encodeIfPresent(nameKana, forKey: .nameKana)
        try c.encode(contact, forKey: .contact)
        try c.encodeIfPresent(postalAddress?.postalCode.description, forKey: .postalCode)
        try c.encodeIfPresent(postalAddress?.address, forKey: .address)
        try c.encode(inWard, forKey: .inWard)
        try c.encode(evidence, forKey: .evidence)
        try c.encode(validFrom, forKey: .validFrom)
        try c.encode(validUntil, forKey: .validUntil)
        try c.encodeIfPresent(suspendedUntil, forKey: .suspendedUntil)
        try c.encode(penaltyPoints, forKey: .penaltyPoints)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(createdBy, forKey: .createdBy)
        try c.encode(updatedAt, forKey: .updatedAt)
        try c.encode(updatedBy, forKey: .updatedBy)
        try c.encodeIfPresent(erasedAt, forKey: .erasedAt)
        try c.encode(status, forKey: .status)
        try c.encode(issuer, forKey: .issuer)
        try c.encode(issuerNameJa, forKey: .issuerNameJa)
    }

    /// The domain value the booking rules read.
    public var registration: Registration {
        Registration(id: String(id), category: category, name: name, validFrom: validFrom, validUntil: validUntil,
                     suspendedUntil: storedStatus == .suspended ? suspendedUntil : nil, penaltyPoints: penaltyPoints,
                     evidence: evidence)
    }

    static let columns = """
        id, category, name, name_kana, contact, postal_code, address, in_ward, evidence, valid_from, valid_until, status,
        suspended_until, penalty_points, created_at, created_by, updated_at, updated_by, erased_at
        """

    init(row: Row, today: LocalDate) throws {
        id = try row.get("id")
        category = try row.get("category")
        name = try row.get("name")
        nameKana = try row.get("name_kana")
        contact = try row.get("contact")
        let postalCode: String? = try row.get("postal_code")
        let address: String? = try row.get("address")
        if let postalCode, let address {
            postalAddress = try? PostalAddress(postalCode: postalCode, address: address)
        } else {
            postalAddress = nil
        }
        inWard = try row.get("in_ward")
        evidence = try JSONCodec.decodeStored(RegistrationEvidence.self, from: row.get("evidence"))
        validFrom = try row.get("valid_from")
        validUntil = try row.get("valid_until")
        storedStatus = try row.get("status")
        suspendedUntil = try row.get("suspended_until")
        penaltyPoints = try row.get("penalty_points")
        createdAt = try row.get("created_at")
        createdBy = try row.get("created_by")
        updatedAt = try row.get("updated_at")
        updatedBy = try row.get("updated_by")
        erasedAt = try row.get("erased_at")
        issuer = category.issuer
        issuerNameJa = category.issuer.nameJa
        let domain = Registration(id: String(id), category: category, name: name, validFrom: validFrom,
                                  validUntil: validUntil, suspendedUntil: storedStatus == .suspended ? suspendedUntil : nil)
        status = switch domain.status(on: today) {
        case .active: .active
        case .suspended: .suspended
        case .expired: .expired
        }
    }

    /// Reads registration `id`, or `registration_not_found` (404).
    static func load(_ db: Database, id: Int64, today: LocalDate) throws -> RegistrationRecord {
        guard let row = try db.queryOne("SELECT \(columns) FROM registrations WHERE id = ?", [.integer(id)]) else {
            throw notFound(id)
        }
        return try RegistrationRecord(row: row, today: today)
    }

    /// `registration_not_found` for `id`.
    static func notFound(_ id: Int64) -> Refusal<RegistrationLookupCode> {
        Refusal(.registrationNotFound, "No registration has id \(id).", details: ["registration": String(id)])
    }

}

/// A registration's status: `active`, `suspended` (a penalty or staff) or
/// `expired` (outside its validity). Only the first two are stored; expiry
/// is read from the dates on the day.
public enum RegistrationStatus: String, Sendable, Hashable, Codable {
    case active, suspended, expired
}
