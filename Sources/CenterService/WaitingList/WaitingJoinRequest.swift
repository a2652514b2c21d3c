import CalendarValues
import CenterDomain

/// A request to wait for a taken room slot (キャンセル待ちの申込み): the slot,
/// and what the booking would be when an offer is accepted (purpose,
/// attendees), so that accepting books it at once.
public struct WaitingJoinRequest: Sendable, Hashable, Decodable {
    public var registration: Int64
    public var facility: FacilityID
    public var date: LocalDate
    /// A division (`am`), or for a room let by the hour the unit of one hour (`h10`).
    public var division: DivisionID
    public var purpose: String
    public var attendees: Int

    public init(registration: Int64, facility: FacilityID, date: LocalDate, division: DivisionID, purpose: String = "meeting",
                attendees: Int = 10) {
        self.registration = registration
        self.facility = facility
        self.date = date
        self.division = division
        self.purpose = purpose
        self.attendees = attendees
    }

    enum CodingKeys: String, CodingKey { case registration, facility, date, division, purpose, attendees }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        registration = try c.decode(Int64.self, forKey: .registration, in: InputRange.id)
        facility = try c.decode(FacilityID.self, forKey: .facility)
        date = try c.decode(LocalDate.self, forKey: .date)
        division = try c.decode(DivisionID.self, forKey: .division)
        purpose = try c.decode(String.self, forKey: .purpose)
        attendees = try c.decode(Int.self, forKey: .attendees, in: BookingRequest.attendeeRange)
    }

    /// The slot waited for.
    public var slot: DivisionSlot { DivisionSlot(facility: facility, date: date, division: division) }
}
