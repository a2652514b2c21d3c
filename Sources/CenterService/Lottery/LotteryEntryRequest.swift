import CalendarValues
import CenterDomain

/// A lottery entry as asked for (抽選申込み): one facility of a round, one
/// date, one or more divisions, won all together or not at all; with what
/// the booking would be (purpose, attendees), so that a win books at once.
/// The round is the one the registration's category enters for the facility.
public struct LotteryEntryRequest: Sendable, Hashable, Decodable {
    public var registration: Int64
    public var facility: FacilityID
    public var date: LocalDate
    public var divisions: [DivisionID]
    public var purpose: String
    public var attendees: Int

    public init(registration: Int64, facility: FacilityID, date: LocalDate, divisions: [DivisionID], purpose: String = "meeting",
                attendees: Int = 10) {
        self.registration = registration
        self.facility = facility
        self.date = date
        self.divisions = divisions
        self.purpose = purpose
        self.attendees = attendees
    }

    enum CodingKeys: String, CodingKey { case registration, facility, date, divisions, purpose, attendees }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        registration = try c.decode(Int64.self, forKey: .registration, in: InputRange.id)
        facility = try c.decode(FacilityID.self, forKey: .facility)
        date = try c.decode(LocalDate.self, forKey: .date)
        divisions = try c.decode([DivisionID].self, forKey: .divisions)
        purpose = try c.decode(String.self, forKey: .purpose)
        attendees = try c.decode(Int.self, forKey: .attendees, in: BookingRequest.attendeeRange)
    }
}
