import CalendarValues

/// 春分の日 and 秋分の日 (国民の祝日に関する法律 第2条: 「春分日」「秋分日」).
///
/// The law names the astronomical equinox, not a date. The official date is
/// fixed only when the National Astronomical Observatory's 暦要項 is
/// published in the 官報 on about February 1 of the preceding year, so any
/// date more than about a year ahead is provisional. This uses the widely
/// used approximation, valid for 1980–2099 and in agreement with every
/// published date of that span:
///
///     day = ⌊c + 0.242194 × (year − 1980) − ⌊(year − 1980) / 4⌋⌋
///
/// with c = 20.8431 for March and 23.2488 for September, computed in integer
/// millionths so no floating-point rounding is involved.
public enum EquinoxDay {
    /// The years the formula is valid for.
    public static let validYears = 1980...2099

    /// 春分の日 (Vernal Equinox Day) of `year`, or nil outside `validYears`.
    public static func vernal(_ year: Int) -> LocalDate? { day(year: year, month: 3, constant: 20_843_100) }

    /// 秋分の日 (Autumnal Equinox Day) of `year`, or nil outside `validYears`.
    public static func autumnal(_ year: Int) -> LocalDate? { day(year: year, month: 9, constant: 23_248_800) }

    private static func day(year: Int, month: Int, constant: Int) -> LocalDate? {
        guard validYears.contains(year) else { return nil }
        let n = year - 1980
        let day = (constant + 242_194 * n) / 1_000_000 - n / 4
        return LocalDate(year: year, month: month, day: day)
    }
}
