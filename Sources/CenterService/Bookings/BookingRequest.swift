import CalendarValues
import CenterDomain

/// A request to book a room (利用申込): one or more divisions of one facility
/// on one date, or on `days` consecutive dates for a multi-day event.
/// `admissionCharged` is the admission per person in yen (0 when free), which
/// decides the admission surcharge; `guardian` names the guardian or childcare
/// worker the nursery room needs (施行規則 第4条); `exemptions` are the
/// reductions (減免, e.g. `ward_cohosted`) staff grant, by code. An hourly
/// room is booked with `hours` instead of divisions; `couplingApproval` is a
/// staff approval to use a coupled room alone (the 保育室, 施行規則 第4条1項2号).
public struct BookingRequest: Sendable, Hashable, Decodable {
    public var facility: FacilityID
    public var date: LocalDate
    public var divisions: [DivisionID]
    public var days: Int
    public var registration: Int64
    public var purpose: String
    public var attendees: Int
    public var admissionCharged: Int
    public var commercial: Bool
    public var guardian: String?
    public var exemptions: [String]
    /// For a room booked by the hour: the hours of each date.
    public var hours: BookingHours?
    /// A staff approval to use a coupled room alone.
    public var couplingApproval: CouplingApprovalInput?

    public init(facility: FacilityID, date: LocalDate, divisions: [DivisionID], days: Int = 1, registration: Int64,
                purpose: String = "meeting", attendees: Int = 10, admissionCharged: Int = 0, commercial: Bool = false,
                guardian: String? = nil, exemptions: [String] = [], hours: BookingHours? = nil,
                couplingApproval: CouplingApprovalInput? = nil) {
        self.facility = facility
        self.date = date
        self.divisions = divisions
        self.days = days
        self.registration = registration
        self.purpose = purpose
        self.attendees = attendees
        self.admissionCharged = admissionCharged
        self.commercial = commercial
        self.guardian = guardian
        self.exemptions = exemptions
        self.hours = hours
        self.couplingApproval = couplingApproval
    }

    enum CodingKeys: String, CodingKey {
        case facility, date, divisions, days, registration, purpose, attendees, commercial, guardian, exemptions
        case admissionCharged = "admission_charged", hours, couplingApproval = "coupling_approval"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        facility = try c.decode(FacilityID.self, forKey: .facility)
        date = try c.decode(LocalDate.self, forKey: .date)
        hours = try c.decodeIfPresent(BookingHours.self, forKey: .hours)
        divisions = hours == nil ? try c.decode([DivisionID].self, forKey: .divisions)
            : try c.decodeIfPresent([DivisionID].self, forKey: .divisions) ?? []
        days = try c.decodeIfPresent(Int.self, forKey: .days, in: Self.dayRange) ?? 1
        registration = try c.decode(Int64.self, forKey: .registration, in: InputRange.id)
        purpose = try c.decode(String.self, forKey: .purpose)
        attendees = try c.decode(Int.self, forKey: .attendees, in: Self.attendeeRange)
        admissionCharged = try c.decodeIfPresent(Int.self, forKey: .admissionCharged, in: InputRange.yen) ?? 0
        commercial = try c.decodeIfPresent(Bool.self, forKey: .commercial) ?? false
        guardian = try c.decodeIfPresent(String.self, forKey: .guardian)
        exemptions = try c.decodeIfPresent([String].self, forKey: .exemptions) ?? []
        couplingApproval = try c.decodeIfPresent(CouplingApprovalInput.self, forKey: .couplingApproval)
    }

    /// The dates of use, first to last.
    public var dates: [LocalDate] { (0..<max(days, 1)).map { date.adding(days: $0) } }

    /// The divisions in the facility's day order.
    func orderedDivisions(in facility: Facility) -> [DivisionID] { facility.divisions.filter(divisions.contains) }

    /// The most days a request may name before any rule runs (the
    /// consecutive-day rule then applies its own, smaller limit).
    static let maximumDays = 31

    /// `days`: 1 to `maximumDays`.
    public static let dayRange = 1...maximumDays
    /// `attendees`: at least 1, and at most the facility's capacity (the
    /// rule `capacity_exceeded`); no room of the center holds 10,000.
    public static let attendeeRange = 1...10_000
    /// The most divisions a day has (午前・午後・夜間).
    public static let maximumDivisions = 3
    /// The longest division id (午前 `am`, 夜間 `night`): a longer one names none.
    static let maximumDivisionIDLength = 32
    /// The most exemption codes one request may name.
    public static let maximumExemptions = 10

    /// Refuses malformed values (422) before any rule runs.
    func checkWellFormed() throws(Refusal<BookingRequestCode>) {
        try Self.checkChoices(divisions: divisions, hours: hours, days: days, exemptions: exemptions)
        if let guardian { try TextRule.optionalName.check(guardian, field: "guardian", code: BookingRequestCode.guardianInvalid) }
        try TextRule.reason.check(purpose, field: "purpose", code: BookingRequestCode.purposeInvalid)
        try Self.checkAdmission(admissionCharged)
    }

    /// The divisions (or, for a room let by the hour, the hours), days and
    /// exemptions a booking or a fee quote names, refused (422) before any
    /// rule runs.
    static func checkChoices(divisions: [DivisionID], hours: BookingHours?, days: Int,
                             exemptions: [String]) throws(Refusal<BookingRequestCode>) {
        guard !divisions.isEmpty || hours != nil else {
            throw Refusal(BookingRequestCode.divisionsRequired,
                          "At least one division must be booked (for a room let by the hour: `hours` from and to).")
        }
        if let unknown = divisions.first(where: { $0.rawValue.unicodeScalars.count > Self.maximumDivisionIDLength }) {
            throw Refusal(BookingRequestCode.divisionNotOffered, "No division is called \(TextRule.echo(unknown.rawValue)).",
                          details: ["division": String(unknown.rawValue.prefix(Self.maximumDivisionIDLength))])
        }
        guard Set(divisions).count == divisions.count else {
            throw Refusal(BookingRequestCode.divisionsRepeated, "A division may be named once.")
        }
        guard (1...Self.maximumDays).contains(days) else {
            throw Refusal(BookingRequestCode.daysInvalid, "`days` is 1 to \(Self.maximumDays).", details: ["days": String(days)])
        }
        guard exemptions.count <= Self.maximumExemptions else {
            throw Refusal(BookingRequestCode.exemptionUnknown, "At most \(Self.maximumExemptions) exemption codes may be named.")
        }
    }

    /// `admission_charged`: yen per person within `InputRange.yen`.
    static func checkAdmission(_ admissionCharged: Int) throws(Refusal<BookingRequestCode>) {
        guard InputRange.yen.contains(admissionCharged) else {
            throw Refusal(BookingRequestCode.admissionInvalid, "`admission_charged` is yen per person, \(InputRange.yen.lowerBound) to \(InputRange.yen.upperBound).")
        }
    }
}
