import CalendarValues

/// Who holds a locker lease (法人登記用ロッカーの賃借人): a corporation with a
/// corporate number (法人番号) whose check digit is verified, or a founder
/// before incorporation (創業予定者) who must supply the number within
/// `founderNumberDeadlineMonths` of the lease start.
///
/// Source: DOMAIN.md "Mobile lockers"; the check digit is `CorporateNumber`'s
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

    /// The corporate number, when known.
    public var corporateNumber: CorporateNumber? {
        if case .corporation(let number) = self { return number }
        return nil
    }
}
