import CalendarValues
import CenterDomain

/// A booking request matched against the catalogue: the room, the units it
/// books on each date (its divisions in the day's order, or for a room let
/// by the hour its hours), the dates of use and their months. Made from the
/// request, the configuration and the arrival instant alone (docs/API.md
/// "The checks of a booking", 4), so the arrival snapshot and the single
/// writer work from the same plan.
struct BookingPlan: Sendable {
    let request: BookingRequest
    let facility: Facility
    /// The units booked on each date: divisions in the facility's day order,
    /// or hour units (`h09`, `h10`, …).
    let divisions: [DivisionID]
    /// The dates of use, first to last.
    let dates: [LocalDate]
    /// The months of `dates`, in order.
    let months: [YearMonth]

    var first: LocalDate { dates[0] }
    var last: LocalDate { dates[dates.count - 1] }

    /// The plan of a well-formed request (`BookingRequest.checkWellFormed`)
    /// arriving at `now`: `facility_not_found` (404), `facility_not_bookable`
    /// (422), or the units' refusal (`units(of:in:now:)`).
    init(_ request: BookingRequest, center: CenterConfiguration, now: Instant) throws {
        let facility = try Self.bookableRoom(request.facility, center: center)
        self.request = request
        self.facility = facility
        divisions = try Self.units(of: request, in: facility, now: now)
        dates = request.dates
        var months: [YearMonth] = []
        for date in dates where months.last != date.yearMonth { months.append(date.yearMonth) }
        self.months = months
    }

    /// The units requested in `month`.
    func requestedUnits(in month: YearMonth) -> Int {
        dates.reduce(0) { $0 + ($1.yearMonth == month ? 1 : 0) } * divisions.count
    }

    /// The facility if it is a bookable room, by division (categories 1 and
    /// 2) or by the hour: `facility_not_found` (404) or `facility_not_bookable` (422).
    static func bookableRoom(_ id: FacilityID, center: CenterConfiguration) throws -> Facility {
        guard let facility = center.facility(id) else {
            throw Refusal(FacilityLookupCode.facilityNotFound, "No facility has id \(id).", details: ["facility": id.rawValue])
        }
        let booked = switch facility.unit {
        case .division: !facility.divisions.isEmpty
        case .hour: facility.opening != nil
        }
        guard facility.kind == .room, facility.bookable, booked else {
            throw Refusal(BookableRoomCode.facilityNotBookable, "\(facility.nameEn) is not booked by division or by the hour.",
                          details: ["facility": id.rawValue])
        }
        return facility
    }

    /// The units a request books on each of its dates: its divisions in the
    /// facility's day order, or for a room let by the hour the hours of
    /// `hours` (`h09`, `h10`, …), each date's range checked by `HourRange`
    /// (on the hour, within the opening, not over at `now`). A division room
    /// refuses hours (`facility_not_hourly`), an hourly room divisions
    /// (`division_not_offered`) or no hours (`divisions_required`, as a
    /// request with neither is refused before the room is known).
    static func units(of request: BookingRequest, in facility: Facility, now: Instant) throws -> [DivisionID] {
        switch facility.unit {
        case .division:
            if request.hours != nil {
                throw Refusal(HourRange.Code.facilityNotHourly, "\(facility.nameEn) is booked by time division, not by the hour.",
                              details: ["facility": facility.id.rawValue])
            }
            if let unknown = request.divisions.first(where: { !facility.divisions.contains($0) }) {
                throw Refusal(BookingRequestCode.divisionNotOffered, "\(facility.id) is not booked in division \(unknown).",
                              details: ["facility": facility.id.rawValue, "division": unknown.rawValue])
            }
            return request.orderedDivisions(in: facility)
        case .hour:
            if let division = request.divisions.first {
                throw Refusal(BookingRequestCode.divisionNotOffered,
                              "\(facility.id) is booked by the hour, not in division \(TextRule.echo(division.rawValue)).",
                              details: ["facility": facility.id.rawValue, "division": division.rawValue])
            }
            guard let hours = request.hours else {
                throw Refusal(BookingRequestCode.divisionsRequired, "\(facility.nameEn) is booked by the hour: give `hours` from and to.",
                              details: ["facility": facility.id.rawValue])
            }
            for date in request.dates { try hours.on(date).check(facility: facility, now: now) }
            return hours.on(request.date).units
        }
    }
}
