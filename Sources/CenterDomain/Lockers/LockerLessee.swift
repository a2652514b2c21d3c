import CalendarValues

/// Who holds a locker lease (法人登記用ロッカーの賃借人): a corporation with a
/// corporate number (法人番号) whose check digit is verified, or a founder
/// before incorporation (創業予定者) who must supply the number within
/// `founderNumberDeadlineMonths` of the lease start.
///
/// Source: docs/DOMAIN.md "Mobile lockers"; the check digit is `CorporateNumber`'s
/// (国税庁's published formula).
public enum LockerLessee: Hashable, Sendable {
    case corporation(CorporateNumber)
    case founder(numberDue: LocalDate)

    /// The lessee of a new lease starting on `leaseStart`: exactly one of a
    /// corporate number or `founder` (`lessee_kind_required`, `.invalid`).
    public static func resolve(corporateNumber: String?, founder: Bool, leaseStart: LocalDate,
                               terms: LockerLeaseTerms) throws(DomainError) -> LockerLessee {
        switch (corporateNumber, founder) {
        case (let text?, false):
            return .corporation(try verified(text))
        case (nil, true):
            return .founder(numberDue: terms.corporateNumberDue(leaseStart: leaseStart))
        default:
            throw DomainError(.invalid, "lessee_kind_required",
                              "A lease names either a corporate number or `founder: true`, not both and not neither.")
        }
    }

    /// `text` as a corporate number, or `invalid_corporate_number` (`.invalid`)
    /// with `reason` length, non_digit or check_digit (`CorporateNumber.Problem`).
    public static func verified(_ text: String) throws(DomainError) -> CorporateNumber {
        if let problem = CorporateNumber.problem(in: text) {
            throw DomainError(.invalid, "invalid_corporate_number", "Not a valid corporate number (\(problem.rawValue)).",
                              details: ["reason": problem.rawValue])
        }
        return try CorporateNumber(text)
    }

    /// Refuses `corporate_number_mismatch` (422) when the lessee's
    /// registration records a corporate number in its evidence
    /// (`recorded`) and this lessee is another corporation, or a founder
    /// (a registration with a number is already incorporated). Nothing is
    /// compared when the registration records none.
    public func checkMatches(recorded: String?) throws(DomainError) {
        guard let recorded else { return }
        switch self {
        case .corporation(let number):
            try Self.checkMatches(number, recorded: recorded)
        case .founder:
            throw DomainError(.invalid, "corporate_number_mismatch",
                              "The registration records corporate number \(recorded); lease as that corporation, not as a founder.",
                              details: ["registered_corporate_number": recorded])
        }
    }

    /// Refuses `corporate_number_mismatch` (422) when `recorded` (the
    /// registration's evidence) is given and names another corporation than `number`.
    public static func checkMatches(_ number: CorporateNumber, recorded: String?) throws(DomainError) {
        guard let recorded, !number.matches(recorded) else { return }
        throw DomainError(.invalid, "corporate_number_mismatch",
                          "Corporate number \(number) is not the one the registration records (\(recorded)).",
                          details: ["corporate_number": number.digits, "registered_corporate_number": recorded])
    }

    /// The corporate number, when known.
    public var corporateNumber: CorporateNumber? {
        if case .corporation(let number) = self { return number }
        return nil
    }
}
