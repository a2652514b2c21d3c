import CalendarValues
import CenterDomain

/// One line of the utilization report (施設利用状況): a room booked by
/// division and a month of the fiscal year (年度), counted in division-units
/// (コマ). `open` counts the units on days the room is not closed (休館日,
/// ad-hoc and works closures excluded); `booked` the units of bookings that
/// were not cancelled or lapsed; `used` those checked in or done; `noShows`
/// those paid but never checked in (無断キャンセル). The flexible desks
/// (フリーデスク) have a line per month too, counted in desk-periods.
public struct UtilizationLine: Sendable, Hashable, Encodable {
    public let fiscalYear: Int
    public let month: YearMonth
    public let facility: FacilityID
    public let facilityNameJa: String
    public let openUnits: Int
    public let bookedUnits: Int
    public let usedUnits: Int
    public let noShowUnits: Int

    enum CodingKeys: String, CodingKey {
        case fiscalYear = "fiscal_year", month, facility, facilityNameJa = "facility_name_ja"
        case openUnits = "open_units", bookedUnits = "booked_units", usedUnits = "used_units", noShowUnits = "no_show_units"
    }
}
