import CalendarValues
import CenterDomain
internal import Store

/// One division of one day as `GET /availability` shows it (空き状況): its
/// `SlotStatus`, and for staff (or a member, its own) the booking holding it.
public struct AvailabilitySlot: Sendable, Hashable, Encodable {
    public let division: DivisionID
    public let status: SlotStatus.Name
    /// The booking holding it: shown to staff, and to a member for its own.
    public let booking: Int64?
    /// Whether the booking is the asking member's own.
    public let own: Bool?
    /// For `held`: the day the held share is released to everyone.
    public let releaseDate: LocalDate?
    /// For `not_open`: the day the asking category's window opens.
    public let opens: LocalDate?

    enum CodingKeys: String, CodingKey { case division, status, booking, own, opens, releaseDate = "release_date" }

    init(division: DivisionID, status: SlotStatus.Name, booking: Int64?, own: Bool?, releaseDate: LocalDate?, opens: LocalDate?) {
        self.division = division
        self.status = status
        self.booking = booking
        self.own = own
        self.releaseDate = releaseDate
        self.opens = opens
    }

    /// `status` of `division`, with the booking that holds it as `viewer` may see it.
    init(division: DivisionID, status: SlotStatus, holder: (booking: Int64, unit: BookedUnit)?, viewer: Actor?) {
        var releaseDate: LocalDate?, opens: LocalDate?
        switch status {
        case .held(let release): releaseDate = release
        case .notOpen(let date): opens = date
        case .closed, .booked, .windowClosed, .free: break
        }
        let own = holder.flatMap { held in
            viewer?.role == .member ? held.unit.registration == viewer?.registrationID.map(String.init) : nil
        }
        let visible = viewer?.role == .admin || viewer?.role == .staff || own == true
        self.init(division: division, status: status.name, booking: visible ? holder?.booking : nil, own: own,
                  releaseDate: releaseDate, opens: opens)
    }
}

/// One day of a facility's availability: closed with reasons, or its divisions.
public struct AvailabilityDay: Sendable, Encodable {
    public let date: LocalDate
    public let open: Bool
    public let reasons: [ClosureReason]
    public let divisions: [AvailabilitySlot]
}

extension Bookings {
    /// The longest range `availability` answers in one request, in days.
    public static let maximumAvailabilityDays = 93

    /// What `availability` refuses with.
    public typealias AvailabilityRefusal = Refusals<DateRangeCode, FacilityLookupCode, BookableRoomCode, RegistrationLookupCode>

    /// Per date and division of `facility` from `from` to `to`: free, booked,
    /// closed (with reasons), held for the community quota (with the release
    /// date) or not yet open for `category`. A member asks as its own
    /// registration's category; anonymous callers see no booking ids.
    public func availability(facility id: FacilityID, from: LocalDate, to: LocalDate, category asked: UserCategory?,
                             for actor: Actor?) async throws(ServiceError<AvailabilityRefusal>) -> [AvailabilityDay] {
        try await context.run(AvailabilityRefusal.self) {
            guard from <= to else {
                throw Refusal(DateRangeCode.dateRangeInvalid, "`from` (\(from)) is after `to` (\(to)).",
                              details: ["from": from.description, "to": to.description])
            }
            guard from.days(until: to) < Self.maximumAvailabilityDays else {
                throw Refusal(DateRangeCode.rangeTooLong, "From `from` to `to` is at most \(Self.maximumAvailabilityDays) days.",
                              details: ["from": from.description, "to": to.description])
            }
            let center = settings.center
            let calendar = self.calendar
            let now = clock.now()
            let today = now.japanDate
            return try await pool.read { db in
                let facility = try BookingPlan.bookableRoom(id, center: center)
                var category = asked
                if let actor, actor.role == .member, let own = actor.registrationID {
                    category = try RegistrationRecord.load(db, id: own, today: today).category
                }
                let rule = SlotAvailability(now: now, divisions: center.divisions, window: category.flatMap(center.window(for:)),
                                            category: category, quota: center.quota(for: id), calendar: calendar)
                let days = try BookableCalendar.load(db, calendar: calendar, from: from.firstOfMonth, to: to.lastOfMonth)
                let units = try BookingLedger.facilityUnits(db, facility: id, from: from.firstOfMonth, to: to.lastOfMonth)
                var usedUp: [YearMonth: Bool] = [:]
                let shareUsedUp = { (month: YearMonth) -> Bool in
                    if let known = usedUp[month] { return known }
                    let full = rule.quota?.isNonCommunityShareUsedUp(facility: id, month: month,
                                                                     divisionsPerDay: facility.divisions.count,
                                                                     bookings: units.map(\.unit)) {
                        days.isClosed($0, facility: id)
                    } ?? false
                    usedUp[month] = full
                    return full
                }
                return from.dates(through: to).map { date in
                    let reasons = days.closures(on: date, facility: id)
                    let slots = facility.divisions.map { division in
                        let holder = units.first { $0.unit.date == date && $0.unit.division == division }
                        let status = rule.status(of: division, on: date, closed: !reasons.isEmpty, booked: holder != nil,
                                                 shareUsedUp: shareUsedUp)
                        return AvailabilitySlot(division: division, status: status, holder: status == .booked ? holder : nil,
                                                viewer: actor)
                    }
                    return AvailabilityDay(date: date, open: reasons.isEmpty, reasons: reasons, divisions: slots)
                }
            }
        }
    }
}
