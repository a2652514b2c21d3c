import CalendarValues
import CenterDomain

/// A new registration (利用登録申請) as staff enter it. Validity defaults to
/// the longest term from today (2 years, 運営要綱 第3条).
public struct RegistrationInput: Sendable, Hashable, Decodable {
    public var category: UserCategory
    public var name: String
    public var contact: String
    public var inWard: Bool
    public var evidence: RegistrationEvidence
    public var validFrom: LocalDate?
    public var validUntil: LocalDate?

    public init(category: UserCategory, name: String, contact: String = "", inWard: Bool = true,
                evidence: RegistrationEvidence = RegistrationEvidence(), validFrom: LocalDate? = nil,
                validUntil: LocalDate? = nil) {
        self.category = category
        self.name = name
        self.contact = contact
        self.inWard = inWard
        self.evidence = evidence
        self.validFrom = validFrom
        self.validUntil = validUntil
    }

    enum CodingKeys: String, CodingKey {
        case category, name, contact, evidence
        case inWard = "in_ward", validFrom = "valid_from", validUntil = "valid_until"
    }

    /// A contact as stored: a Japanese phone number in its ASCII digits
    /// (`０９０－１１１１－２２２２` is `09011112222`), anything else (an
    /// e-mail address, a name and number) as typed.
    static func contact(_ text: String) -> String { PhoneNumber(text)?.digits ?? text }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        category = try c.decode(UserCategory.self, forKey: .category)
        name = try c.decode(String.self, forKey: .name)
        contact = try c.decodeIfPresent(String.self, forKey: .contact).map(RegistrationInput.contact) ?? ""
        inWard = try c.decode(Bool.self, forKey: .inWard)
        evidence = try c.decodeIfPresent(RegistrationEvidence.self, forKey: .evidence) ?? RegistrationEvidence()
        validFrom = try c.decodeIfPresent(LocalDate.self, forKey: .validFrom)
        validUntil = try c.decodeIfPresent(LocalDate.self, forKey: .validUntil)
    }
}

/// A change to a registration (`PATCH`): only the fields given change.
/// `suspended_until` given as a date suspends until then (inclusive); given
/// as `null` it lifts a suspension.
public struct RegistrationPatch: Sendable, Hashable, Decodable {
    public var category: UserCategory?
    public var name: String?
    public var contact: String?
    public var inWard: Bool?
    public var evidence: RegistrationEvidence?
    public var validUntil: LocalDate?
    /// nil: unchanged; `.some(nil)`: lifted; `.some(date)`: suspended until `date`.
    public var suspendedUntil: LocalDate??

    public init(category: UserCategory? = nil, name: String? = nil, contact: String? = nil, inWard: Bool? = nil,
                evidence: RegistrationEvidence? = nil, validUntil: LocalDate? = nil, suspendedUntil: LocalDate?? = nil) {
        self.category = category
        self.name = name
        self.contact = contact
        self.inWard = inWard
        self.evidence = evidence
        self.validUntil = validUntil
        self.suspendedUntil = suspendedUntil
    }

    enum CodingKeys: String, CodingKey {
        case category, name, contact, evidence
        case inWard = "in_ward", validUntil = "valid_until", suspendedUntil = "suspended_until"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        category = try c.decodeIfPresent(UserCategory.self, forKey: .category)
        name = try c.decodeIfPresent(String.self, forKey: .name)
        contact = try c.decodeIfPresent(String.self, forKey: .contact).map(RegistrationInput.contact)
        inWard = try c.decodeIfPresent(Bool.self, forKey: .inWard)
        evidence = try c.decodeIfPresent(RegistrationEvidence.self, forKey: .evidence)
        validUntil = try c.decodeIfPresent(LocalDate.self, forKey: .validUntil)
        suspendedUntil = c.contains(.suspendedUntil) ? .some(try c.decodeIfPresent(LocalDate.self, forKey: .suspendedUntil)) : nil
    }
}
