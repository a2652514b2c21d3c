import CalendarValues
import CenterDomain

/// A series booking request (定期利用の申込み): the same room, divisions (or
/// hours), registration and use on every date of `pattern` from `from`
/// through `through`. Each date is booked as `POST /bookings` would book it.
public struct SeriesRequest: Sendable, Hashable, Codable {
    public var facility: FacilityID
    public var divisions: [DivisionID]
    public var hours: BookingHours?
    public var registration: Int64
    public var pattern: SeriesPattern
    public var from: LocalDate
    public var through: LocalDate
    public var purpose: String
    public var attendees: Int
    public var admissionCharged: Int
    public var commercial: Bool
    public var guardian: String?
    public var exemptions: [String]

    public init(facility: FacilityID, divisions: [DivisionID], hours: BookingHours? = nil, registration: Int64,
                pattern: SeriesPattern, from: LocalDate, through: LocalDate, purpose: String = "meeting", attendees: Int = 10,
                admissionCharged: Int = 0, commercial: Bool = false, guardian: String? = nil, exemptions: [String] = []) {
        self.facility = facility
        self.divisions = divisions
        self.hours = hours
        self.registration = registration
        self.pattern = pattern
        self.from = from
        self.through = through
        self.purpose = purpose
        self.attendees = attendees
        self.admissionCharged = admissionCharged
        self.commercial = commercial
        self.guardian = guardian
        self.exemptions = exemptions
    }

    enum CodingKeys: String, CodingKey {
        case facility, divisions, hours, registration, pattern, from, through, purpose, attendees, commercial, guardian, exemptions
        case admissionCharged = "admission_charged"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        facility = try c.decode(FacilityID.self, forKey: .facility)
        hours = try c.decodeIfPresent(BookingHours.self, forKey: .hours)
        divisions = hours == nil ? try c.decode([DivisionID].self, forKey: .divisions)
            : try c.decodeIfPresent([DivisionID].self, forKey: .divisions) ?? []
        registration = try c.decode(Int64.self, forKey: .registration, in: InputRange.id)
        pattern = try c.decode(SeriesPattern.self, forKey: .pattern)
        from = try c.decode(LocalDate.self, forKey: .from)
        through = try c.decode(LocalDate.self, forKey: .through)
        purpose = try c.decode(String.self, forKey: .purpose)
        attendees = try c.decode(Int.self, forKey: .attendees, in: BookingRequest.attendeeRange)
        admissionCharged = try c.decodeIfPresent(Int.self, forKey: .admissionCharged, in: InputRange.yen) ?? 0
        commercial = try c.decodeIfPresent(Bool.self, forKey: .commercial) ?? false
        guardian = try c.decodeIfPresent(String.self, forKey: .guardian)
        exemptions = try c.decodeIfPresent([String].self, forKey: .exemptions) ?? []
    }

    /// The booking of one date.
    func booking(on date: LocalDate) -> BookingRequest {
        BookingRequest(facility: facility, date: date, divisions: divisions, registration: registration, purpose: purpose,
                       attendees: attendees, admissionCharged: admissionCharged, commercial: commercial, guardian: guardian,
                       exemptions: exemptions, hours: hours)
    }
}
