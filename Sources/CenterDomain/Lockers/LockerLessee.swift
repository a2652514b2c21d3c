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
    /// corporate number or `founder` (`lessee_kind_required`).
    public static func resolve(corporateNumber: String?, founder: Bool, leaseStart: LocalDate,
                               terms: LockerLeaseTerms) throws(Refusal<LockerLessee.Code>) -> LockerLessee {
        switch (corporateNumber, founder) {
        case (let text?, false):
            return .corporation(try verified(text))
        case (nil, true):
            return .founder(numberDue: terms.corporateNumberDue(leaseStart: leaseStart))
        default:
            throw Refusal(.lesseeKindRequired, "A lease names either a corporate number or `founder: true`, not both and not neither.")
        }
    }

    /// `text` as a corporate number, or `invalid_corporate_number`
    /// with `reason` length, non_digit or check_digit (`CorporateNumber.Problem`).
    public static func verified(_ text: String) throws(Refusal<LockerLessee.Code>) -> CorporateNumber {
        if let problem = CorporateNumber.problem(in: text) {
            throw Refusal(.invalidCorporateNumber, "Not a valid corporate number (\(problem.rawValue)).",
                          details: ["reason": problem.rawValue])
        }
        do throws(Refusal<CorporateNumber.Code>) {
            return try CorporateNumber(text)
        } catch {
            throw error.recast(as: .invalidCorporateNumber)
        }
    }

    /// Refuses `corporate_number_mismatch` when the lessee's
    /// registration records a corporate number in its evidence
    /// (`recorded`) and this lessee is another corporation, or a founder
    /// (a registration with a number is already incorporated). Nothing is
    /// compared when the registration records none.
    public func checkMatches(recorded: String?) throws(Refusal<LockerLessee.Code>) {
        guard let recorded else { return }
        switch self {
        case .corporation(let number):
            try Self.checkMatches(number, recorded: recorded)
        case .founder:
            throw Refusal(.corporateNumberMismatch, "The registration records corporate number \(recorded); lease as that corporation, not as a founder.",
                          details: ["registered_corporate_number": recorded])
        }
    }

    /// Refuses `corporate_number_mismatch` when `recorded` (the
    /// registration's evidence) is given and names another corporation than `number`.
    public static func checkMatches(_ number: CorporateNumber, recorded: String?) throws(Refusal<LockerLessee.Code>) {
        guard let recorded, !number.matches(recorded) else { return }
        throw Refusal(.corporateNumberMismatch, "Corporate number \(number) is not the one the registration records (\(recorded)).",
                      details: ["corporate_number": number.digits, "registered_corporate_number": recorded])
    }

    /// The corporate number, when known.
    public var corporateNumber: CorporateNumber? {
        if case .corporation(let number) = self { return number }
        return nil
    }
}

extension LockerLessee {
    /// What a lessee is refused with.
    public enum Code: String, ErrorCode {
        case lesseeKindRequired = "lessee_kind_required"
        case invalidCorporateNumber = "invalid_corporate_number"
        case corporateNumberMismatch = "corporate_number_mismatch"
    }
}
