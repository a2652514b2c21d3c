import CalendarValues

/// The center's calendar: which days are closed (休館日) and why, from the
/// configured `ClosedDayPolicy` and the works closures of the roadmap
/// (`WorksCalendar`).
///
/// `facility` nil asks about the whole center: only whole-center closures
/// count. A facility id asks about that facility: whole-center closures and
/// those that list it. Holidays come from `JapaneseHolidays`; a year outside
/// its range has none, so callers validate the year first.
public struct CenterCalendar: Sendable {
    public let policy: ClosedDayPolicy
    /// The renovation works that close days; nil when none do.
    public let works: (any WorksCalendar)?

    /// `openDays(in:facility:)` as already worked out by this calendar.
    private let openDaysKept = BoundedMemo<OpenDaysKey, [LocalDate]>(capacity: 1024)

    public init(policy: ClosedDayPolicy, works: (any WorksCalendar)? = nil) {
        self.policy = policy
        self.works = works
    }

    /// Every reason the center, or `facility`, is closed on `date`; empty when open.
    public func closures(on date: LocalDate, facility: String? = nil) -> [ClosureReason] {
        var reasons: [ClosureReason] = []
        if isInYearEnd(date) { reasons.append(ClosureReason(kind: .yearEnd)) }
        if isRegularClosedDay(date) { reasons.append(ClosureReason(kind: .regularClosedDay)) }
        if !policy.openOnHolidays, let holiday = JapaneseHolidays.holiday(on: date) {
            reasons.append(ClosureReason(kind: .holiday, reason: holiday.nameEnglish, reasonJa: holiday.name))
        }
        for closure in policy.closures where closure.date == date && applies(closure.facilities, to: facility) {
            reasons.append(ClosureReason(kind: .adHoc, reason: closure.reason, reasonJa: closure.reasonJa, facilities: closure.facilities))
        }
        for (itemID, facilities) in works?.works(closing: facility, on: date) ?? [] {
            reasons.append(ClosureReason(kind: .works, itemID: itemID, facilities: facilities))
        }
        return reasons
    }

    /// Whether the center, or `facility`, is open on `date`: whether
    /// `closures(on:facility:)` is empty, asked reason by reason without
    /// making them (the booking rules ask it of every day of a month, for
    /// the community quota's bookable units and the consecutive-day run).
    public func isOpen(_ date: LocalDate, facility: String? = nil) -> Bool {
        isOpen(date, facility: facility, regularClosedDay: isRegularClosedDay(date))
    }

    /// The days of `month` on which the center, or `facility`, is open:
    /// `isOpen` of each day, with the regular closed days that can fall in
    /// the month (its own and the previous month's, moved) found once for
    /// the month rather than twice for every day (the community quota
    /// counts a protected room's open days for every booking of it).
    ///
    /// Kept per month and facility once worked out (the booking rules ask it
    /// of the same few months on every booking). Invalidation: the answer
    /// depends only on `policy` and `works`, fixed when the calendar is
    /// made (the works are a value, the roadmap's schedule as it stood), so
    /// a kept answer can never be stale; when the roadmap changes, its
    /// calendar is made again (`RoadmapState.set`) with nothing kept.
    public func openDays(in month: YearMonth, facility: String? = nil) -> [LocalDate] {
        openDaysKept.value(OpenDaysKey(month: month, facility: facility)) { workOutOpenDays(in: month, facility: facility) }
    }

    private func workOutOpenDays(in month: YearMonth, facility: String?) -> [LocalDate] {
        let regular = (regularClosedDay(in: month), regularClosedDay(in: month.adding(months: -1)))
        return month.dates.filter { date in
            isOpen(date, facility: facility, regularClosedDay: regular.0 == date || regular.1 == date)
        }
    }

    /// `isOpen` once whether `date` is a regular closed day is known.
    private func isOpen(_ date: LocalDate, facility: String?, regularClosedDay: Bool) -> Bool {
        if isInYearEnd(date) || regularClosedDay { return false }
        if !policy.openOnHolidays, JapaneseHolidays.isHoliday(date) { return false }
        if policy.closures.contains(where: { $0.date == date && applies($0.facilities, to: facility) }) { return false }
        return !(works?.closes(facility, on: date) ?? false)
    }

    /// Whether `date` is in the year-end closure.
    public func isInYearEnd(_ date: LocalDate) -> Bool { policy.yearEnd?.contains(date) ?? false }

    /// The regular closed day of `month`: the nth weekday, moved forward past
    /// holidays and the year-end closure when the policy says
    /// `next_non_holiday`. nil when there is none. The moved day may fall in
    /// the next month; it still belongs to `month`.
    public func regularClosedDay(in month: YearMonth) -> LocalDate? {
        guard let rule = policy.regularClosedDay,
              var day = LocalDate.nthWeekday(rule.weekOfMonth, rule.weekday, year: month.year, month: month.month)
        else { return nil }
        if rule.ifHoliday == .nextNonHoliday && JapaneseHolidays.isHoliday(day) {
            while JapaneseHolidays.isHoliday(day) || isInYearEnd(day) { day = day.adding(days: 1) }
        }
        return day
    }

    /// Whether `date` is the regular closed day of its month, or of the
    /// previous month when that one was moved across the month's end.
    public func isRegularClosedDay(_ date: LocalDate) -> Bool {
        regularClosedDay(in: date.yearMonth) == date || regularClosedDay(in: date.yearMonth.adding(months: -1)) == date
    }

    /// The day as the `/calendar` endpoint shows it.
    public func summary(of date: LocalDate, facility: String? = nil) -> DaySummary {
        let reasons = closures(on: date, facility: facility)
        return DaySummary(date: date, weekday: date.weekday, open: reasons.isEmpty, reasons: reasons,
                          holiday: JapaneseHolidays.holiday(on: date), fiscalYear: FiscalYear(containing: date),
                          japaneseDate: date.japaneseReceiptLabel)
    }

    /// Every day of `month`, in order.
    public func summaries(in month: YearMonth, facility: String? = nil) -> [DaySummary] {
        month.dates.map { summary(of: $0, facility: facility) }
    }

    private func applies(_ facilities: [String], to facility: String?) -> Bool {
        facilities.isEmpty || facility.map(facilities.contains) == true
    }
}

/// A month of one facility (nil: the whole center) whose open days a
/// `CenterCalendar` keeps; at most 1,024 are kept, a few years of every facility.
struct OpenDaysKey: Hashable, Sendable {
    let month: YearMonth
    let facility: String?
}
