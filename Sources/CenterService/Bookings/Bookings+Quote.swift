import CalendarValues
import CenterDomain
internal import Store

/// A request for a fee quote (見積り): what a booking would be charged,
/// without booking. The booking's own fields that decide the fee, for a
/// registration or, before one exists, for a category and whether the user
/// is in the ward.
public struct FeeQuoteRequest: Sendable, Hashable, Decodable {
    public var facility: FacilityID
    public var date: LocalDate
    public var divisions: [DivisionID]
    /// For a room let by the hour: the hours instead of divisions.
    public var hours: BookingHours?
    public var days: Int
    public var registration: Int64?
    public var category: UserCategory?
    public var inWard: Bool
    public var admissionCharged: Int
    public var commercial: Bool
    public var exemptions: [String]

    public init(facility: FacilityID, date: LocalDate, divisions: [DivisionID], hours: BookingHours? = nil, days: Int = 1,
                registration: Int64? = nil, category: UserCategory? = nil, inWard: Bool = true, admissionCharged: Int = 0,
                commercial: Bool = false, exemptions: [String] = []) {
        self.facility = facility
        self.date = date
        self.divisions = divisions
        self.hours = hours
        self.days = days
        self.registration = registration
        self.category = category
        self.inWard = inWard
        self.admissionCharged = admissionCharged
        self.commercial = commercial
        self.exemptions = exemptions
    }

    enum CodingKeys: String, CodingKey {
        case facility, date, divisions, hours, days, registration, category, commercial, exemptions
        case inWard = "in_ward", admissionCharged = "admission_charged"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        facility = try c.decode(FacilityID.self, forKey: .facility)
        date = try c.decode(LocalDate.self, forKey: .date)
        hours = try c.decodeIfPresent(BookingHours.self, forKey: .hours)
        divisions = hours == nil ? try c.decode([DivisionID].self, forKey: .divisions)
            : try c.decodeIfPresent([DivisionID].self, forKey: .divisions) ?? []
        days = try c.decodeIfPresent(Int.self, forKey: .days, in: BookingRequest.dayRange) ?? 1
        registration = try c.decodeIfPresent(Int64.self, forKey: .registration, in: InputRange.id)
        category = try c.decodeIfPresent(UserCategory.self, forKey: .category)
        inWard = try c.decodeIfPresent(Bool.self, forKey: .inWard) ?? true
        admissionCharged = try c.decodeIfPresent(Int.self, forKey: .admissionCharged, in: InputRange.yen) ?? 0
        commercial = try c.decodeIfPresent(Bool.self, forKey: .commercial) ?? false
        exemptions = try c.decodeIfPresent([String].self, forKey: .exemptions) ?? []
    }
}

/// A fee quote: what was asked, as the booking would read it, the fee
/// with the breakdown a booking of it would record, and the payment
/// deadline it would get.
public struct FeeQuote: Sendable, Hashable, Encodable {
    public let facility: FacilityID
    public let firstDate: LocalDate
    public let lastDate: LocalDate
    public let divisions: [DivisionID]
    public let category: UserCategory
    public let outOfWard: Bool
    public let registration: Int64?
    public let feeTotal: Int
    public let fee: BookingFee
    /// The payment deadline a booking of it made now would get.
    public let paymentDeadline: Instant

    enum CodingKeys: String, CodingKey {
        case facility, divisions, category, registration, fee
        case firstDate = "first_date", lastDate = "last_date", outOfWard = "out_of_ward", feeTotal = "fee_total"
        case paymentDeadline = "payment_deadline"
    }
}

/// A quote names whom it is for: a registration or a category, one of them.
public enum QuoteCode: String, ErrorCode {
    case registrationRequired = "registration_required"
}

extension Bookings {
    /// What `quote` refuses with: the codes a booking of the same input
    /// would be refused with for it, and the quote's own.
    public typealias QuoteRefusal = Refusals<
        QuoteCode, BookingRequestCode, FacilityLookupCode, BookableRoomCode, HourRange.Code, RegistrationLookupCode,
        FeeCalculator.Code
    >

    /// The fee a booking of `request` would record (`POST /fees/quote`),
    /// computed by the booking's own path (`BookingDesk.fee`), with the same
    /// refusals for the same input; nothing is booked or held, and no
    /// window, slot or limit is checked. A member quotes for its own
    /// registration (or a category) and, as when booking, names no exemption.
    public func quote(_ request: FeeQuoteRequest, by actor: Actor) async throws(ServiceError<QuoteRefusal>) -> FeeQuote {
        try await context.run(QuoteRefusal.self) {
            if actor.role == .member, !request.exemptions.isEmpty {
                throw Refusal(BookingRequestCode.forbidden, "Only staff grant fee exemptions (減免).")
            }
            try BookingRequest.checkChoices(divisions: request.divisions, hours: request.hours, days: request.days,
                                            exemptions: request.exemptions)
            try BookingRequest.checkAdmission(request.admissionCharged)
            guard (request.registration == nil) != (request.category == nil) else {
                throw Refusal(QuoteCode.registrationRequired, "A quote names `registration` or `category`, one of them.")
            }
            if let registration = request.registration { try Registrations.requireOwn(registration: registration, actor: actor) }
            let center = settings.center
            let now = clock.now()
            return try await pool.read { db in
                let facility = try BookingPlan.bookableRoom(request.facility, center: center)
                let divisions = try BookingPlan.units(of: BookingRequest(facility: facility.id, date: request.date, divisions: request.divisions,
                                                                         days: request.days, registration: request.registration ?? 0,
                                                                         hours: request.hours), in: facility, now: now)
                let standing = try request.registration.map { try RegistrationStanding.load(db, id: $0) }
                let category = standing?.category ?? request.category ?? .general
                let inWard = standing?.inWard ?? request.inWard
                guard center.window(for: category)?.kinds.contains(facility.kind) == true,
                      center.window(for: category)?.opens != nil else {
                    throw Refusal(BookingRequestCode.categoryNotPermitted, "The \(category.rawValue) category books no rooms.",
                                  details: ["category": category.rawValue, "kind": facility.kind.rawValue])
                }
                let fee = try BookingDesk.fee(center: center, facility: facility, divisions: divisions, hours: request.hours,
                                              first: request.date, days: request.days,
                                              category: category, inWard: inWard, admissionCharged: request.admissionCharged,
                                              commercial: request.commercial, exemptions: request.exemptions)
                return FeeQuote(facility: facility.id, firstDate: request.date, lastDate: request.date.adding(days: request.days - 1),
                                divisions: divisions, category: category, outOfWard: !inWard, registration: standing?.id,
                                feeTotal: fee.total, fee: fee,
                                paymentDeadline: center.payment.deadline(bookedAt: now, useDate: request.date))
            }
        }
    }
}
