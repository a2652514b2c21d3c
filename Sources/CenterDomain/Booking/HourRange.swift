import CalendarValues

/// Hours of one date booked in an hourly room (1時間単位の利用), from `start`
/// to `end` on the hour. Each hour is one unit, `h09` for the hour from
/// 09:00, so the community quota, the monthly limit and the reports count
/// hours as they count divisions (`BookedUnit.division`).
///
/// Source: comparable wards let small rooms by the hour (Shinagawa
/// 西大井創業支援センター, "1時間単位"); the rules are our decision
/// (docs/DOMAIN.md "Hourly rooms (1時間単位)").
public struct HourRange: Hashable, Sendable, Codable {
    public let date: LocalDate
    public let start: LocalTime
    public let end: LocalTime

    public init(date: LocalDate, start: LocalTime, end: LocalTime) {
        self.date = date
        self.start = start
        self.end = end
    }

    /// Whole hours from `start` to `end`.
    public var hours: Int { max(0, (end.minuteOfDay - start.minuteOfDay) / 60) }

    /// The unit id of the hour starting at `hour` (0…23): `h09`.
    public static func unit(startingAt hour: Int) -> DivisionID { DivisionID("h" + LocalDate.pad(hour, 2)) }

    /// The units of the range, one per hour.
    public var units: [DivisionID] { (0..<hours).map { Self.unit(startingAt: start.hour + $0) } }

    /// `09:00–11:00`.
    public var label: String { "\(start)–\(end)" }

    /// Checks the range for `facility` at `now`. Refuses (422 unless noted)
    /// `facility_not_hourly` when the facility is booked by division,
    /// `hour_not_on_the_hour` when a bound is not on the hour,
    /// `hour_range_invalid` when it is not at least one hour,
    /// `outside_opening_hours` outside the facility's opening, and (409)
    /// `hour_past` when its first hour has ended: like a division, an hour
    /// that has started may still be booked, not one that is over.
    public func check(facility: Facility, now: Instant) throws(Refusal<HourRange.Code>) {
        guard facility.unit == .hour, let opening = facility.opening else {
            throw Refusal(.facilityNotHourly, "\(facility.nameEn) is booked by time division, not by the hour.",
                          details: ["facility": facility.id.rawValue])
        }
        let details = ["facility": facility.id.rawValue, "date": date.description, "start": start.description, "end": end.description]
        guard start.minute == 0, end.minute == 0 else {
            throw Refusal(.hourNotOnTheHour, "An hourly booking starts and ends on the hour, not \(label).", details: details)
        }
        guard end.minuteOfDay - start.minuteOfDay >= 60 else {
            throw Refusal(.hourRangeInvalid, "An hourly booking lasts at least one hour; \(label) does not.", details: details)
        }
        guard opening.from <= start, end <= opening.to else {
            throw Refusal(.outsideOpeningHours,
                          "\(facility.nameEn) may be booked from \(opening.from) to \(opening.to), not \(label).",
                          details: details.merging(["opens": opening.from.description, "closes": opening.to.description]) { a, _ in a })
        }
        let firstHourEnds = Instant(japanDate: date, minuteOfDay: start.minuteOfDay + 60)
        guard now < firstHourEnds else {
            throw Refusal(.hourPast, "The hour from \(start) on \(date) is over; book from a later hour.",
                          details: details.merging(["ended_at": firstHourEnds.rfc3339]) { a, _ in a })
        }
    }
}

extension HourRange {
    /// What an hourly range is refused with.
    public enum Code: String, ErrorCode {
        case facilityNotHourly = "facility_not_hourly"
        case hourNotOnTheHour = "hour_not_on_the_hour"
        case hourRangeInvalid = "hour_range_invalid"
        case outsideOpeningHours = "outside_opening_hours"
        case hourPast = "hour_past"
    }
}
