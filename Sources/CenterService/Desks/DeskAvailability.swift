import CalendarValues
import CenterDomain

/// One period of a day's desk availability (フリーデスク空き状況): how many
/// desks are free, taken or closed, and which are free. No names.
public struct DeskPeriodAvailability: Sendable, Hashable, Encodable {
    public let period: DivisionID
    public let nameJa: String
    public let start: String
    public let end: String
    public let desks: Int
    public let free: Int
    public let taken: Int
    public let closed: Int
    public let freeDesks: [FacilityID]

    enum CodingKeys: String, CodingKey {
        case period, start, end, desks, free, taken, closed
        case nameJa = "name_ja", freeDesks = "free_desks"
    }
}

/// A day of desk availability (フリーデスク空き状況): open, or closed with every
/// reason of the center's calendar (休館日, docs/DOMAIN.md "Time"); desks are
/// open during the center's hours (docs/DOMAIN.md "Flexible desks").
public struct DeskAvailability: Sendable, Encodable {
    public let date: LocalDate
    public let open: Bool
    public let reasons: [ClosureReason]
    public let periods: [DeskPeriodAvailability]
}

/// One date and period of the desk occupancy report (フリーデスク利用状況):
/// desks offered (0 when closed), passes held (checked in, still booked or
/// no-show), check-ins, no-shows, and occupancy = live passes / desks.
public struct DeskOccupancy: Sendable, Hashable, Encodable {
    public let date: LocalDate
    public let period: DivisionID
    public let open: Bool
    public let desks: Int
    public let passes: Int
    public let checkedIn: Int
    public let noShows: Int
    public let occupancy: Double

    enum CodingKeys: String, CodingKey {
        case date, period, open, desks, passes, occupancy
        case checkedIn = "checked_in", noShows = "no_shows"
    }
}
