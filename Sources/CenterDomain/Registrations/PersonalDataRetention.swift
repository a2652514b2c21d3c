import CalendarValues
/// How long a registration's personal data (names, contacts, evidence
/// documents, guardians, lessee checks) is kept after the registration ends:
/// through the fiscal year in which it ended and `fiscalYearsAfterEnd` more,
/// then erased (個人情報の保護に関する法律 第22条: personal data no longer
/// needed is erased without delay). Five years matches how long the center
/// keeps its accounts, which the bookings' fees belong to; the anonymous
/// figures (category, dates, units, fees) are kept for the reports.
///
/// A registration "ends" on the last day anything of it runs: the end of its
/// validity, the last day of a booking, desk pass or locker lease.
public struct PersonalDataRetention: Hashable, Sendable, Codable {
    /// Whole fiscal years kept after the fiscal year of the end.
    public var fiscalYearsAfterEnd: Int

    public init(fiscalYearsAfterEnd: Int) {
        self.fiscalYearsAfterEnd = fiscalYearsAfterEnd
    }

    enum CodingKeys: String, CodingKey {
        case fiscalYearsAfterEnd = "fiscal_years_after_end"
    }

    /// The first day the data of a registration that ended on `end` is due
    /// for erasure: April 1 after the kept fiscal years. Ended 2026-08-31
    /// (FY2026) with 5 years: kept through FY2031, erased from 2032-04-01.
    public func erasableFrom(endedOn end: LocalDate) -> LocalDate {
        FiscalYear(containing: end).adding(years: fiscalYearsAfterEnd + 1).first
    }

    /// Whether a registration that ended on `end` is due for erasure on `today`.
    public func isDue(endedOn end: LocalDate, today: LocalDate) -> Bool {
        today >= erasableFrom(endedOn: end)
    }

    /// The latest end date whose data is due on `today`: a registration that
    /// ended on or before it is due.
    public func latestDueEnd(today: LocalDate) -> LocalDate {
        FiscalYear(containing: today).adding(years: -(fiscalYearsAfterEnd + 1)).last
    }

    /// Problems with the setting, by JSON path under `path`.
    public func problems(at path: String) -> [ConfigProblem] {
        (1...30).contains(fiscalYearsAfterEnd) ? []
            : [ConfigProblem(path: path + ".fiscal_years_after_end", message: "must be 1 to 30 fiscal years")]
    }
}
