import CalendarValues

/// The designated manager in charge on a date (指定管理者の担当期間). Terms
/// include their first and last day: the FY2025–FY2029 term ends on
/// 2030-03-31 and the next begins on 2030-04-01.
extension RoadmapSchedule {
    /// The term covering `date`, or nil outside every known term.
    public func manager(on date: LocalDate) -> ManagerTerm? {
        managers.first { $0.contains(date) }
    }

    /// The terms that share at least one day with fiscal year `fiscalYear`.
    public func managers(inFiscalYear fiscalYear: Int) -> [ManagerTerm] {
        let first = FiscalYear(fiscalYear).first
        let last = FiscalYear(fiscalYear).last
        return managers.filter { $0.start <= last && first <= $0.end }
    }
}
