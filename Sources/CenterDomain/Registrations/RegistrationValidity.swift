import CalendarValues

/// How long a registration lasts (登録の有効期間) and how it is renewed (更新).
///
/// Source: 運営要綱 第2条–第3条 and 目的外使用運営要綱 第5条: the card (登録証)
/// is valid at most two years from the day it is issued. A renewal issues the
/// card anew, so the renewed registration runs from the renewal day for at
/// most `maxYears`; it never stacks onto the old end.
///
/// Renewal is accepted from `renewalWindowDays` before the last valid day
/// (更新受付期間; configurable, default 60 days), and at any time after it
/// has lapsed. Earlier it is refused (`renewal_not_open`). A renewal that
/// would not lengthen the validity (a repeat on the same day, or a card
/// issued today) changes nothing and answers with the registration as it is.
///
/// Each issuer sets its own renewal period (目的外使用運営要綱 第5条 the 区長,
/// 運営要綱 第3条 the manager): `issuers` overrides `renewal_window_days` per
/// `RegistrationIssuer`; `for(_:)` gives the rules of one issuer.
public struct RegistrationValidity: Hashable, Sendable, Codable {
    /// One issuer's own terms (`registration.issuers.ward`, `….designated_manager`).
    public struct IssuerTerms: Hashable, Sendable, Codable {
        public var renewalWindowDays: Int

        public init(renewalWindowDays: Int) { self.renewalWindowDays = renewalWindowDays }

        enum CodingKeys: String, CodingKey { case renewalWindowDays = "renewal_window_days" }
    }

    /// Longest validity in years (source: 2).
    public var maxYears: Int
    /// Renewal opens this many days before the last valid day.
    public var renewalWindowDays: Int
    /// Per-issuer overrides.
    public var issuers: [RegistrationIssuer: IssuerTerms]

    public init(maxYears: Int = 2, renewalWindowDays: Int = 60, issuers: [RegistrationIssuer: IssuerTerms] = [:]) {
        self.maxYears = maxYears
        self.renewalWindowDays = renewalWindowDays
        self.issuers = issuers
    }

    enum CodingKeys: String, CodingKey { case maxYears = "max_years", renewalWindowDays = "renewal_window_days", issuers }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        maxYears = try c.decode(Int.self, forKey: .maxYears)
        renewalWindowDays = try c.decodeIfPresent(Int.self, forKey: .renewalWindowDays) ?? 60
        var issuers: [RegistrationIssuer: IssuerTerms] = [:]
        for (name, terms) in try c.decodeIfPresent([String: IssuerTerms].self, forKey: .issuers) ?? [:] {
            guard let issuer = RegistrationIssuer(rawValue: name) else {
                throw DecodingError.dataCorruptedError(forKey: .issuers, in: c,
                    debugDescription: "unknown issuer \"\(name)\" (expected ward or designated_manager)")
            }
            issuers[issuer] = terms
        }
        self.issuers = issuers
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(maxYears, forKey: .maxYears)
        try c.encode(renewalWindowDays, forKey: .renewalWindowDays)
        if !issuers.isEmpty {
            try c.encode(Dictionary(uniqueKeysWithValues: issuers.map { ($0.key.rawValue, $0.value) }), forKey: .issuers)
        }
    }

    /// The rules for registrations `issuer` issues: its renewal period in place of the default.
    public func `for`(_ issuer: RegistrationIssuer) -> RegistrationValidity {
        RegistrationValidity(maxYears: maxYears, renewalWindowDays: issuers[issuer]?.renewalWindowDays ?? renewalWindowDays)
    }

    /// The last valid day of a registration issued on `issued` for the longest term:
    /// the day before the same date `maxYears` later.
    public func longestValidUntil(issued: LocalDate) -> LocalDate {
        issued.adding(months: 12 * maxYears).adding(days: -1)
    }

    /// Refuses a validity period longer than `maxYears` or ending before it starts
    /// (`validity_too_long` / `validity_invalid`).
    public func check(validFrom: LocalDate, validUntil: LocalDate) throws(Refusal<RegistrationValidity.Code>) {
        guard validUntil >= validFrom else {
            throw Refusal(.validityInvalid, "`valid_from` (\(validFrom)) is after `valid_until` (\(validUntil)).",
                          details: ["valid_from": validFrom.description, "valid_until": validUntil.description])
        }
        let longest = longestValidUntil(issued: validFrom)
        guard validUntil <= longest else {
            throw Refusal(.validityTooLong, "A registration is valid for at most \(maxYears) years.",
                          details: ["valid_from": validFrom.description, "latest_valid_until": longest.description])
        }
    }

    /// The first day renewal is accepted for a registration valid until `validUntil`.
    public func renewalOpens(validUntil: LocalDate) -> LocalDate { validUntil.adding(days: -renewalWindowDays) }

    /// Renews on `today`: the card is issued anew, valid from today for the
    /// longest term. Returns the registration unchanged when that would not
    /// lengthen its validity (a repeat, so retries are harmless); refuses
    /// `renewal_not_open` (409, details: `opens`, `valid_until`) before the
    /// renewal period.
    public func renewed(_ registration: Registration, today: LocalDate) throws(Refusal<RegistrationValidity.RenewalCode>) -> Registration {
        let longest = longestValidUntil(issued: today)
        guard registration.validUntil < longest else { return registration }
        let opens = renewalOpens(validUntil: registration.validUntil)
        guard today >= opens else {
            throw Refusal(.renewalNotOpen, "Renewal opens \(renewalWindowDays) days before the registration ends (\(registration.validUntil)), on \(opens).",
                          details: ["registration": registration.id, "opens": opens.description,
                                        "valid_until": registration.validUntil.description])
        }
        var renewed = registration
        renewed.validFrom = today
        renewed.validUntil = longest
        return renewed
    }
}

extension RegistrationValidity {
    /// What a validity and a renewal are refused with.
    public enum Code: String, ErrorCode {
        case validityInvalid = "validity_invalid"
        case validityTooLong = "validity_too_long"
    }

    /// What `renewed` refuses with.
    public enum RenewalCode: String, ErrorCode {
        case renewalNotOpen = "renewal_not_open"
    }
}
