import CalendarValues
import CenterDomain

/// A booking request matched against the catalogue: the room, its divisions
/// in the day's order, the dates of use and their months. Made from the
/// request and the configuration alone (docs/API.md "The checks of a
/// booking", 4), so the arrival snapshot and the single writer work from the
/// same plan.
struct BookingPlan: Sendable {
    let request: BookingRequest
    let facility: Facility
    /// The requested divisions in the facility's day order.
    let divisions: [DivisionID]
    /// The dates of use, first to last.
    let dates: [LocalDate]
    /// The months of `dates`, in order.
    let months: [YearMonth]

    var first: LocalDate { dates[0] }
    var last: LocalDate { dates[dates.count - 1] }

    /// The plan of a well-formed request (`BookingRequest.checkWellFormed`):
    /// `facility_not_found` (404), `facility_not_bookable` (422) or
    /// `division_not_offered` when the room does not have a division.
    init(_ request: BookingRequest, center: CenterConfiguration) throws {
        let facility = try Self.bookableRoom(request.facility, center: center)
        if let unknown = request.divisions.first(where: { !facility.divisions.contains($0) }) {
            throw Refusal(BookingRequestCode.divisionNotOffered, "\(facility.id) is not booked in division \(unknown).",
                          details: ["facility": facility.id.rawValue, "division": unknown.rawValue])
        }
        self.request = request
        self.facility = facility
        divisions = request.orderedDivisions(in: facility)
        dates = request.dates
        var months: [YearMonth] = []
        for date in dates where months.last != date.yearMonth { months.append(date.yearMonth) }
        self.months = months
    }

    /// The division-units requested in `month`.
    func requestedUnits(in month: YearMonth) -> Int {
        dates.reduce(0) { $0 + ($1.yearMonth == month ? 1 : 0) } * divisions.count
    }

    /// The facility if it is a room booked by division (categories 1 and 2):
    /// `facility_not_found` (404) or `facility_not_bookable` (422).
    static func bookableRoom(_ id: FacilityID, center: CenterConfiguration) throws -> Facility {
        guard let facility = center.facility(id) else {
            throw Refusal(FacilityLookupCode.facilityNotFound, "No facility has id \(id).", details: ["facility": id.rawValue])
        }
        guard facility.kind == .room, facility.bookable, !facility.divisions.isEmpty else {
            throw Refusal(BookableRoomCode.facilityNotBookable, "\(facility.nameEn) is not booked by division.",
                          details: ["facility": id.rawValue])
        }
        return facility
    }
}
