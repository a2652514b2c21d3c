import CalendarValues
import CenterDomain

extension BookingDesk {
    /// The units a request books on each of its dates: its divisions in the
    /// facility's day order, or for a room let by the hour the hours of
    /// `hours` (`h09`, `h10`, …), each date's range checked by `HourRange`
    /// (on the hour, within the opening, not over). A division room refuses
    /// hours (`facility_not_hourly`), an hourly room divisions
    /// (`division_not_offered`) or no hours (`divisions_required`, as a
    /// request with neither is refused before the room is known).
    func units(of request: BookingRequest, in facility: Facility) throws -> [DivisionID] {
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

/// How a booking came to be (`bookings.source`), and what that changes of
/// its checks: a lottery win is not held back by its own round
/// (`lottery_pending`); a waiting list's offer books the slot held for it.
enum BookingOrigin: Sendable, Hashable {
    /// `POST /bookings`.
    case request
    /// The provisional booking of a lottery entry that won.
    case lotteryWin(entry: Int64)
    /// A waiting-list entry accepting its offer.
    case waitingList(entry: Int64)
    /// A date of series `id`.
    case series(Int64)

    /// The stored `source`.
    var source: BookingSource {
        switch self {
        case .request: .request
        case .lotteryWin: .lottery
        case .waitingList: .waitingList
        case .series: .series
        }
    }

    var isLotteryWin: Bool { if case .lotteryWin = self { true } else { false } }

    /// The series a date belongs to.
    var series: Int64? { if case .series(let id) = self { id } else { nil } }

    /// The waiting-list entry whose offer this booking accepts.
    var waitingEntry: Int64? { if case .waitingList(let id) = self { id } else { nil } }
}

/// How a booking came to be, as its JSON and the store name it.
public enum BookingSource: String, Sendable, Hashable, Codable, CaseIterable {
    case request
    case lottery
    case waitingList = "waiting_list"
    case series
}

extension BookingSource: ColumnValue {}
