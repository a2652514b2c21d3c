import CalendarValues
import CenterDomain
internal import Store

/// One division of one day as `GET /availability` shows it (空き状況).
public struct AvailabilitySlot: Sendable, Hashable, Encodable {
    /// `free`, `booked`, `closed`, `held` (community quota, 地域の方の利用枠)
    /// `not_open` (the asking category's window opens later) or
    /// `window_closed` (the day or, today, the division is past
    /// (`DivisionCutoff`), or the category's last booking day is).
    public let division: DivisionID
    public let status: String
    /// The booking holding it: shown to staff, and to a member for its own.
    public let booking: Int64?
    /// Whether the booking is the asking member's own.
    public let own: Bool?
    /// For `held`: the day the held share is released to everyone.
    public let releaseDate: LocalDate?
    /// For `not_open`: the day the asking category's window opens.
    public let opens: LocalDate?

    enum CodingKeys: String, CodingKey { case division, status, booking, own, opens, releaseDate = "release_date" }
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
                let facility = try BookingDesk(center: center, calendar: calendar, db: db, now: now).bookableRoom(id)
                var category = asked
                if let actor, actor.role == .member, let own = actor.registrationID {
                    category = try RegistrationRecord.load(db, id: own, today: today).category
                }
                let window = category.flatMap(center.window(for:))
                let quota = center.quota(for: id)
                let days = try BookableCalendar.load(db, calendar: calendar, from: from.firstOfMonth, to: to.lastOfMonth)
                let units = try BookingLedger.facilityUnits(db, facility: id, from: from.firstOfMonth, to: to.lastOfMonth)
                var quotaFull: [YearMonth: Bool] = [:]
                return from.dates(through: to).map { date in
                    let reasons = days.closures(on: date, facility: id)
                    let slots = facility.divisions.map { division -> AvailabilitySlot in
                        if !reasons.isEmpty {
                            return AvailabilitySlot(division: division, status: "closed", booking: nil, own: nil, releaseDate: nil, opens: nil)
                        }
                        if let held = units.first(where: { $0.unit.date == date && $0.unit.division == division }) {
                            let own = actor?.role == .member ? held.unit.registration == actor?.registrationID.map(String.init) : nil
                            let visible = actor?.role == .admin || actor?.role == .staff || own == true
                            return AvailabilitySlot(division: division, status: "booked", booking: visible ? held.booking : nil,
                                                    own: own, releaseDate: nil, opens: nil)
                        }
                        let over = date == today && center.divisions.first { $0.id == division }
                            .flatMap { DivisionCutoff.end(of: $0, on: date) }.map { now >= $0 } == true
                        if date < today || over || window.map({ today > $0.lastBookingDay(for: date) }) == true {
                            return AvailabilitySlot(division: division, status: "window_closed", booking: nil, own: nil,
                                                    releaseDate: nil, opens: nil)
                        }
                        if let opensSpec = window?.opens?.opening {
                            let opens = opensSpec.opening(for: date, in: calendar)
                            if today < opens {
                                return AvailabilitySlot(division: division, status: "not_open", booking: nil, own: nil,
                                                        releaseDate: nil, opens: opens)
                            }
                        }
                        if let quota, category?.isCommunity != true, quota.isProtected(useDate: date, today: today) {
                            let month = date.yearMonth
                            let full = quotaFull[month] ?? {
                                let bookable = CommunityQuota.bookableUnits(in: month, divisionsPerDay: facility.divisions.count) {
                                    days.isClosed($0, facility: id)
                                }
                                let booked = CommunityQuota.nonCommunityUnits(facility: id, month: month, bookings: units.map(\.unit))
                                return booked >= quota.nonCommunityCeiling(bookableUnits: bookable)
                            }()
                            quotaFull[month] = full
                            if full {
                                return AvailabilitySlot(division: division, status: "held", booking: nil, own: nil,
                                                        releaseDate: quota.releaseDate(for: date), opens: nil)
                            }
                        }
                        return AvailabilitySlot(division: division, status: "free", booking: nil, own: nil, releaseDate: nil, opens: nil)
                    }
                    return AvailabilityDay(date: date, open: reasons.isEmpty, reasons: reasons, divisions: slots)
                }
            }
        }
    }
}
