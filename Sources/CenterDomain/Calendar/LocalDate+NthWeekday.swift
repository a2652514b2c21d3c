import CalendarValues

extension LocalDate {
    /// The `n`th `weekday` of a month (n = 1 is the first), or nil when the
    /// month has fewer. Used by the Happy Monday holidays (国民の祝日に関する法律
    /// 第2条, e.g. 成人の日 = 1月の第2月曜日) and the center's regular closed day.
    public static func nthWeekday(_ n: Int, _ weekday: Weekday, year: Int, month: Int) -> LocalDate? {
        guard n >= 1, let first = LocalDate(year: year, month: month, day: 1) else { return nil }
        let offset = (weekday.rawValue - first.weekday.rawValue + 7) % 7
        let day = 1 + offset + (n - 1) * 7
        return LocalDate(year: year, month: month, day: day)
    }
}
