import CalendarValues
import CenterDomain
internal import Store

/// One division of one day as `GET /availability` shows it (空き状況): its
/// `SlotStatus`, and for staff (or a member, its own) the booking holding it.
/// Asked without a category, it says for every category that books rooms
/// who may book it now and when it opens for the others (`CategorySlot`).
public struct AvailabilitySlot: Sendable, Hashable, Encodable {
    /// When the window of one category opens for the slot.
    public struct CategoryOpening: Sendable, Hashable, Encodable {
        public let category: UserCategory
        public let at: LocalDate
    }

    public let division: DivisionID
    public let status: SlotStatus.Name
    /// The booking holding it: shown to staff, and to a member for its own.
    public let booking: Int64?
    /// Whether the booking is the asking member's own.
    public let own: Bool?
    /// For `held`: the day the held share is released to everyone.
    public let releaseDate: LocalDate?
    /// For `not_open`: the day the asking category's window opens (without
    /// a category: the first day any category not yet open gets its window).
    public let opens: LocalDate?
    /// Without a category, where the categories disagree: those that may
    /// book it now (empty when none may).
    public let bookableBy: [UserCategory]?
    /// Without a category: the categories whose window has not opened yet,
    /// each with its opening day.
    public let opensByCategory: [CategoryOpening]?

    enum CodingKeys: String, CodingKey {
        case division, status, booking, own, opens, releaseDate = "release_date", bookableBy = "bookable_by"
        case opensByCategory = "opens_by_category"
    }

    init(division: DivisionID, status: SlotStatus.Name, booking: Int64?, own: Bool?, releaseDate: LocalDate?, opens: LocalDate?,
         bookableBy: [UserCategory]? = nil, opensByCategory: [CategoryOpening]? = nil) {
        self.division = division
        self.status = status
        self.booking = booking
        self.own = own
        self.releaseDate = releaseDate
        self.opens = opens
        self.bookableBy = bookableBy
        self.opensByCategory = opensByCategory
    }

    /// Who asks, as a slot's booking is shown to them: staff see every
    /// booking, a member its own (worked out once per request).
    struct Viewer {
        let seesEveryBooking: Bool
        /// The asking member's registration, as booked units name it; nil for anyone else.
        let member: String??

        init(_ actor: Actor?) {
            seesEveryBooking = actor?.role == .admin || actor?.role == .staff
            member = actor?.role == .member ? .some(actor?.registrationID.map(String.init)) : nil
        }
    }

    /// `status` of `division`, with the booking that holds it as `viewer` may
    /// see it; `across` when no category was asked.
    init(division: DivisionID, status: SlotStatus, across: CategorySlot?, holder: (booking: Int64, unit: BookedUnit)?,
         viewer: Viewer) {
        var releaseDate: LocalDate?, opens: LocalDate?
        switch status {
        case .held(let release): releaseDate = release
        case .notOpen(let date): opens = date
        case .closed, .booked, .windowClosed, .free: break
        }
        let own = holder.flatMap { held in viewer.member.map { held.unit.registration == $0 } }
        let visible = viewer.seesEveryBooking || own == true
        let disagree = across.map { $0.status != .free && !($0.bookableBy.isEmpty && $0.openings.isEmpty) } ?? false
        self.init(division: division, status: status.name, booking: visible ? holder?.booking : nil, own: own,
                  releaseDate: releaseDate, opens: opens,
                  bookableBy: disagree ? across?.bookableBy : nil,
                  opensByCategory: disagree ? across.map { $0.openings.map { CategoryOpening(category: $0.category, at: $0.opens) } }
                      : nil)
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
    /// Without a category, a slot is free only where every category that
    /// books rooms may book it now (`CategorySlot`).
    public func availability(facility id: FacilityID, from: LocalDate, to: LocalDate, category asked: UserCategory?,
                             for actor: Actor?) async throws(ServiceError<AvailabilityRefusal>) -> [AvailabilityDay] {
        try await context.run(AvailabilityRefusal.self) {
            try DateRangeCode.check(from: from, to: to, maximumDays: Self.maximumAvailabilityDays)
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
                let dates = from.dates(through: to)
                let days = try BookableCalendar.load(db, calendar: calendar, from: from.firstOfMonth, to: to.lastOfMonth)
                let units = try BookingLedger.facilityUnits(db, facility: id, from: from.firstOfMonth, to: to.lastOfMonth)
                let holds = try AvailabilityHolds.load(db, center: center, facility: id, category: category, from: from, to: to,
                                                       now: now)
                // What holds for a whole day, a category or a unit is worked
                // out once, not once per slot: each date's rules
                // (`SlotAvailability.days`), and without a category, each
                // category that books rooms with its own rules and holds.
                let ruleDays = rule.days(dates)
                let perCategory: [(category: UserCategory, days: [SlotAvailability.Day], holds: AvailabilityHolds)] =
                    category != nil ? [] : SlotAvailability.roomCategories(center.categories, kind: facility.kind)
                    .map { window in
                        let asked = SlotAvailability(now: now, divisions: center.divisions, window: window,
                                                     category: window.category, quota: center.quota(for: id), calendar: calendar)
                        return (category: window.category, days: asked.days(dates),
                                holds: holds.asking(window.category, center: center, facility: id))
                    }
                let divisions = facility.bookingUnits.map { (id: $0, hour: HourRange.hour(of: $0)) }
                var holders: [LocalDate: [(booking: Int64, unit: BookedUnit)]] = [:]
                for held in units { holders[held.unit.date, default: []].append(held) }
                let viewer = AvailabilitySlot.Viewer(actor)
                var usedUp: [YearMonth: Bool] = [:]
                let shareUsedUp = { (month: YearMonth) -> Bool in
                    if let known = usedUp[month] { return known }
                    let full = rule.quota?.isNonCommunityShareUsedUp(facility: id, month: month,
                                                                     divisionsPerDay: facility.unitsPerDay,
                                                                     bookings: units.map(\.unit)) {
                        days.isClosed($0, facility: id)
                    } ?? false
                    usedUp[month] = full
                    return full
                }
                let closures = days.closures(on: dates, facility: id)
                return dates.indices.map { index in
                    let date = dates[index]
                    let reasons = closures[index]
                    let closed = !reasons.isEmpty
                    let held = holders[date] ?? []
                    let slots = divisions.map { division in
                        let holder = held.first { $0.unit.division == division.id }
                        let booked = holder != nil
                        let across = perCategory.isEmpty ? nil : CategorySlot(statuses: perCategory.indices.map { asked in
                            (perCategory[asked].category,
                             perCategory[asked].holds.status(perCategory[asked].days[index].status(of: division.id, closed: closed,
                                                                                                   booked: booked,
                                                                                                   shareUsedUp: shareUsedUp),
                                                             hour: division.hour, on: date))
                        })
                        let status = across?.status ?? holds.status(ruleDays[index].status(of: division.id, closed: closed,
                                                                                           booked: booked, shareUsedUp: shareUsedUp),
                                                                    hour: division.hour, on: date)
                        if holds.isHeldForWaiting(division.id, on: date, status: status) {
                            return AvailabilitySlot(division: division.id, status: .waitingList, booking: nil, own: nil,
                                                    releaseDate: nil, opens: nil)
                        }
                        return AvailabilitySlot(division: division.id, status: status, across: across,
                                                holder: status == .booked ? holder : nil, viewer: viewer)
                    }
                    return AvailabilityDay(date: date, open: reasons.isEmpty, reasons: reasons, divisions: slots)
                }
            }
        }
    }
}
