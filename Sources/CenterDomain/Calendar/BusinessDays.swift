import CalendarValues

/// Business days (営業日) for deadlines counted in days of work: a business
/// day is a weekday (Monday–Friday) that is not a public holiday or statutory
/// day off (`JapaneseHolidays`) and not a day the whole center is closed
/// (`CenterCalendar`). Saturdays and Sundays never count, even when the
/// center is open on them.
public struct BusinessDays: Sendable {
    public let calendar: CenterCalendar

    public init(calendar: CenterCalendar) { self.calendar = calendar }

    public func isBusinessDay(_ date: LocalDate) -> Bool {
        date.weekday != .saturday && date.weekday != .sunday
            && !JapaneseHolidays.isHoliday(date) && calendar.isOpen(date)
    }

    /// The `n`th business day after `date` (before it when `n` is negative);
    /// `date` itself when `n` is 0, business day or not.
    public func adding(_ n: Int, to date: LocalDate) -> LocalDate {
        let step = n < 0 ? -1 : 1
        var day = date
        var remaining = abs(n)
        while remaining > 0 {
            day = day.adding(days: step)
            if isBusinessDay(day) { remaining -= 1 }
        }
        return day
    }

    /// The business days after `from` up to and including `to`; negative when
    /// `to` is before `from`. For n ≥ 0, `count(from: d, to: adding(n, to: d)) == n`.
    public func count(from: LocalDate, to: LocalDate) -> Int {
        if to < from { return -count(from: to, to: from) }
        var total = 0
        var day = from.adding(days: 1)
        while day <= to {
            if isBusinessDay(day) { total += 1 }
            day = day.adding(days: 1)
        }
        return total
    }
}
