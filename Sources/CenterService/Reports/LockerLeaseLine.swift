import CalendarValues
import CenterDomain

/// One line of the lockers report (モバイルロッカー貸出状況) for a month of the
/// fiscal year: lockers in the pool, lockers under lease on at least one day
/// of the month, leases that started and that ended in it, and the month's
/// lease fees (賃料: the monthly fee of every lease in effect that month).
/// Leases cancelled before their start never count.
public struct LockerLeaseLine: Sendable, Hashable, Encodable {
    public let fiscalYear: Int
    public let month: YearMonth
    public let lockers: Int
    public let leased: Int
    public let started: Int
    public let ended: Int
    public let fees: Int

    enum CodingKeys: String, CodingKey { case fiscalYear = "fiscal_year", month, lockers, leased, started, ended, fees }
}
