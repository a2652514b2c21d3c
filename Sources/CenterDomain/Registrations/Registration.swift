import CalendarValues

/// A user's admission to book (利用登録 / 団体登録).
///
/// Source: 運営要綱 第3条 and 目的外使用運営要綱 第5条: valid at most two years
/// from issuance of the card (登録証). Evidence records what was checked.
public struct Registration: Hashable, Sendable, Codable {
    /// The state of a registration on a given day.
    public enum Status: Hashable, Sendable, Codable {
        case active
        /// Barred from advance windows until (and including) this date.
        case suspended(until: LocalDate)
        case expired
    }

    public let id: String
    public var category: UserCategory
    public var name: String
    public var validFrom: LocalDate
    public var validUntil: LocalDate
    /// Set by a penalty; nil when not suspended.
    public var suspendedUntil: LocalDate?
    public var penaltyPoints: Int
    public var evidence: RegistrationEvidence

    public init(id: String, category: UserCategory, name: String, validFrom: LocalDate, validUntil: LocalDate,
                suspendedUntil: LocalDate? = nil, penaltyPoints: Int = 0, evidence: RegistrationEvidence = RegistrationEvidence()) {
        self.id = id
        self.category = category
        self.name = name
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.suspendedUntil = suspendedUntil
        self.penaltyPoints = penaltyPoints
        self.evidence = evidence
    }

    enum CodingKeys: String, CodingKey {
        case id, category, name, validFrom = "valid_from", validUntil = "valid_until"
        case suspendedUntil = "suspended_until", penaltyPoints = "penalty_points", evidence
    }

    /// The status on `date`: expired outside validFrom…validUntil, suspended
    /// while a suspension runs, else active.
    public func status(on date: LocalDate) -> Status {
        if date > validUntil || date < validFrom { return .expired }
        if let until = suspendedUntil, date <= until { return .suspended(until: until) }
        return .active
    }

    /// Refuses `registration_expired` when the registration is not valid on
    /// `date`: a day of use, a lease's first day, the first day of storage.
    /// Checking today alone would let a registration that lapses next month
    /// book a room for the month after (details: the `date` and the validity).
    public func checkValid(on date: LocalDate) throws(Refusal<Registration.ValidityCode>) {
        guard validFrom <= date, date <= validUntil else {
            throw Refusal(.registrationExpired, "The registration is valid from \(validFrom) to \(validUntil), not on \(date); renew it first.",
                          details: ["registration": id, "date": date.description, "valid_from": validFrom.description,
                                        "valid_until": validUntil.description])
        }
    }

    /// Every date of `dates` that the registration is valid on (`checkValid(on:)`), in order.
    public func checkValid(on dates: [LocalDate]) throws(Refusal<Registration.ValidityCode>) {
        for date in dates { try checkValid(on: date) }
    }

    /// Refuses booking on `today` with `registration_expired` or
    /// `registration_suspended` (the suspension end in details).
    public func checkCanBook(today: LocalDate) throws(Refusal<Registration.Code>) {
        switch status(on: today) {
        case .active:
            return
        case .expired:
            throw Refusal(.registrationExpired, "The registration is not valid on \(today).",
                          details: ["registration": id, "valid_from": validFrom.description,
                                        "valid_until": validUntil.description])
        case .suspended(let until):
            throw Refusal(.registrationSuspended, "The registration is suspended until \(until).",
                          details: ["registration": id, "suspended_until": until.description])
        }
    }
}

extension Registration {
    /// What `checkValid` refuses with.
    public enum ValidityCode: String, ErrorCode {
        case registrationExpired = "registration_expired"
    }

    /// What `checkCanBook` refuses with.
    public enum Code: String, ErrorCode {
        case registrationExpired = "registration_expired"
        case registrationSuspended = "registration_suspended"
    }
}
