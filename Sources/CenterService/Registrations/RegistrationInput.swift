import CalendarValues
import CenterDomain

/// A new registration (利用登録申請) as staff enter it. Validity defaults to
/// the longest term from today (2 years, 運営要綱 第3条). フリガナ and the
/// postal address are optional (`NameKana`, `PostalAddress`: both parts of
/// the address or neither); `confirmNew` registers it even when it looks
/// like one on file (`DuplicateRegistration`).
public struct RegistrationInput: Sendable, Hashable, Decodable {
    public var category: UserCategory
    public var name: String
    public var nameKana: String?
    public var contact: String
    public var postalCode: String?
    public var address: String?
    public var inWard: Bool
    public var evidence: RegistrationEvidence
    public var validFrom: LocalDate?
    public var validUntil: LocalDate?
    /// Staff confirm a different user despite a possible duplicate.
    public var confirmNew: Bool

    public init(category: UserCategory, name: String, nameKana: String? = nil, contact: String = "",
                postalCode: String? = nil, address: String? = nil, inWard: Bool = true,
                evidence: RegistrationEvidence = RegistrationEvidence(), validFrom: LocalDate? = nil,
                validUntil: LocalDate? = nil, confirmNew: Bool = false) {
        self.category = category
        self.name = name
        self.nameKana = nameKana
        self.contact = contact
        self.postalCode = postalCode
        self.address = address
        self.inWard = inWard
        self.evidence = evidence
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.confirmNew = confirmNew
    }

    enum CodingKeys: String, CodingKey {
        case category, name, contact, evidence, address
        case nameKana = "name_kana", postalCode = "postal_code"
        case inWard = "in_ward", validFrom = "valid_from", validUntil = "valid_until", confirmNew = "confirm_new"
    }

    /// A contact as stored: a Japanese phone number in its ASCII digits
    /// (`０９０－１１１１－２２２２` is `09011112222`), anything else (an
    /// e-mail address, a name and number) as typed.
    static func contact(_ text: String) -> String { PhoneNumber(text)?.digits ?? text }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        category = try c.decode(UserCategory.self, forKey: .category)
        name = try c.decode(String.self, forKey: .name)
        nameKana = try c.decodeIfPresent(String.self, forKey: .nameKana)
        contact = try c.decodeIfPresent(String.self, forKey: .contact).map(RegistrationInput.contact) ?? ""
        postalCode = try c.decodeIfPresent(String.self, forKey: .postalCode)
        address = try c.decodeIfPresent(String.self, forKey: .address)
        inWard = try c.decode(Bool.self, forKey: .inWard)
        evidence = try c.decodeIfPresent(RegistrationEvidence.self, forKey: .evidence) ?? RegistrationEvidence()
        validFrom = try c.decodeIfPresent(LocalDate.self, forKey: .validFrom)
        validUntil = try c.decodeIfPresent(LocalDate.self, forKey: .validUntil)
        confirmNew = try c.decodeIfPresent(Bool.self, forKey: .confirmNew) ?? false
    }
}

/// A change to a registration (`PATCH`): only the fields given change.
/// `suspended_until` given as a date suspends until then (inclusive); given
/// as `null` it lifts a suspension. `name_kana`, `postal_code` and `address`
/// given as `null` clear them (the address's two parts together).
public struct RegistrationPatch: Sendable, Hashable, Decodable {
    public var category: UserCategory?
    public var name: String?
    /// nil: unchanged; `.some(nil)`: cleared; `.some(text)`: set.
    public var nameKana: String??
    public var contact: String?
    /// nil: unchanged; `.some(nil)`: cleared; `.some(text)`: set.
    public var postalCode: String??
    /// nil: unchanged; `.some(nil)`: cleared; `.some(text)`: set.
    public var address: String??
    public var inWard: Bool?
    public var evidence: RegistrationEvidence?
    public var validUntil: LocalDate?
    /// nil: unchanged; `.some(nil)`: lifted; `.some(date)`: suspended until `date`.
    public var suspendedUntil: LocalDate??

    public init(category: UserCategory? = nil, name: String? = nil, nameKana: String?? = nil, contact: String? = nil,
                postalCode: String?? = nil, address: String?? = nil, inWard: Bool? = nil,
                evidence: RegistrationEvidence? = nil, validUntil: LocalDate? = nil, suspendedUntil: LocalDate?? = nil) {
        self.category = category
        self.name = name
        self.nameKana = nameKana
        self.contact = contact
        self.postalCode = postalCode
        self.address = address
        self.inWard = inWard
        self.evidence = evidence
        self.validUntil = validUntil
        self.suspendedUntil = suspendedUntil
    }

    enum CodingKeys: String, CodingKey {
        case category, name, contact, evidence, address
        case nameKana = "name_kana", postalCode = "postal_code"
        case inWard = "in_ward", validUntil = "valid_until", suspendedUntil = "suspended_until"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        category = try c.decodeIfPresent(UserCategory.self, forKey: .category)
        name = try c.decodeIfPresent(String.self, forKey: .name)
        nameKana = c.contains(.nameKana) ? .some(try c.decodeIfPresent(String.self, forKey: .nameKana)) : nil
        postalCode = c.contains(.postalCode) ? .some(try c.decodeIfPresent(String.self, forKey: .postalCode)) : nil
        address = c.contains(.address) ? .some(try c.decodeIfPresent(String.self, forKey: .address)) : nil
        contact = try c.decodeIfPresent(String.self, forKey: .contact).map(RegistrationInput.contact)
        inWard = try c.decodeIfPresent(Bool.self, forKey: .inWard)
        evidence = try c.decodeIfPresent(RegistrationEvidence.self, forKey: .evidence)
        validUntil = try c.decodeIfPresent(LocalDate.self, forKey: .validUntil)
        suspendedUntil = c.contains(.suspendedUntil) ? .some(try c.decodeIfPresent(LocalDate.self, forKey: .suspendedUntil)) : nil
    }
}
