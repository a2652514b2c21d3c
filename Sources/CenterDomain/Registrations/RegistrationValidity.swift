/// How long a registration lasts (登録の有効期間) and how it is renewed.
///
/// Source: 運営要綱 第3条 and 目的外使用運営要綱 第5条: at most two years from
/// issuance. Renewal (configurable default) extends from the old end when
/// still valid, or from the renewal day when lapsed, by at most two years.
public struct RegistrationValidity: Hashable, Sendable, Codable {
    /// Longest validity in years (source: 2).
    public var maxYears: Int

    public init(maxYears: Int = 2) { self.maxYears = maxYears }

    enum CodingKeys: String, CodingKey { case maxYears = "max_years" }

    /// The last valid day of a registration issued on `issued` for the longest term:
    /// the day before the same date `maxYears` later.
    public func longestValidUntil(issued: LocalDate) -> LocalDate {
        issued.adding(months: 12 * maxYears).adding(days: -1)
    }

    /// Refuses a validity period longer than `maxYears` or ending before it starts
    /// (`.invalid` `validity_too_long` / `validity_invalid`).
    public func check(validFrom: LocalDate, validUntil: LocalDate) throws(DomainError) {
        guard validUntil >= validFrom else {
            throw DomainError(.invalid, "validity_invalid", "`valid_from` (\(validFrom)) is after `valid_until` (\(validUntil)).",
                              details: ["valid_from": validFrom.description, "valid_until": validUntil.description])
        }
        let longest = longestValidUntil(issued: validFrom)
        guard validUntil <= longest else {
            throw DomainError(.invalid, "validity_too_long", "A registration is valid for at most \(maxYears) years.",
                              details: ["valid_from": validFrom.description, "latest_valid_until": longest.description])
        }
    }

    /// Renews on `today`: the new term starts the day after the old end when the
    /// registration is still valid, else today; it runs for `maxYears`.
    public func renewed(_ registration: Registration, today: LocalDate) -> Registration {
        var renewed = registration
        let start = today <= registration.validUntil ? registration.validUntil.adding(days: 1) : today
        if today > registration.validUntil { renewed.validFrom = today }
        renewed.validUntil = longestValidUntil(issued: start)
        return renewed
    }
}
