import CalendarValues
/// A division that is over cannot be booked (終了した時間区分の予約不可).
///
/// On the day of use a room may still be booked for a division that has
/// started (a walk-in at 14:00 takes the rest of 午後), but not for one whose
/// end time has passed: nobody can use it any more, and its fee and a
/// consecutive-day or monthly count would be charged for nothing. Dates
/// before today are the booking window's to refuse (`window_closed`).
///
/// Flexible desks cut off earlier, at the start plus the check-in grace
/// (`DeskPassRules.checkNotPast`), because a desk pass not checked in by then
/// is released as a no-show at once; a room's no-show is judged only after
/// its day of use, so the room rule is the division's end.
public enum DivisionCutoff {
    /// The instant `division` ends on `date` in Japan; nil when its end is not `HH:MM`.
    public static func end(of division: Division, on date: LocalDate) -> Instant? {
        division.endMinute.map { Instant(japanDate: date, minuteOfDay: $0) }
    }

    /// Refuses `division_past` for the first of `divisions` that has
    /// ended at `now` on `date` (details: `date`, `division`, `ended_at`).
    public static func checkNotEnded(_ divisions: [Division], on date: LocalDate, now: Instant) throws(Refusal<DivisionCutoff.Code>) {
        for division in divisions {
            guard let end = end(of: division, on: date), now >= end else { continue }
            throw Refusal(.divisionPast, "\(division.nameJa) (\(division.nameEn)) on \(date) ended at \(division.end); it can no longer be booked.",
                          details: ["date": date.description, "division": division.id.rawValue, "ended_at": end.rfc3339])
        }
    }
}

extension DivisionCutoff {
    /// What a division already begun is refused with.
    public enum Code: String, ErrorCode {
        case divisionPast = "division_past"
    }
}
