import CalendarValues

/// Marking a room booking as a no-show (無断キャンセル・無断不使用) at the counter.
///
/// - Only a live booking not checked in, paid or provisional, can be a
///   no-show (`invalid_transition` otherwise; a provisional hold exists on
///   its day of use only when made within the payment deadline, and an
///   unused one blocked the room just the same);
/// - only on a day the booking is for (`no_show_not_booking_day`);
/// - only once the first of its divisions that day has started
///   (`no_show_too_early`): until then the holder may still come;
/// - it earns the points of `PenaltyPolicy` (`no_show_points`, 2 by default)
///   and may suspend the registration, counted on the day it is marked.
///
/// Marking ends the booking (`no_show`): the service frees its units of that
/// day and the days after, so the room can be given to someone else. A paid
/// booking's fee is not refunded; a provisional one's is not collected.
/// Comparable wards (Nerima: no-shows earn points; Chuo 適正利用促進制度); the
/// start-of-division rule is our decision.
public enum RoomNoShow {
    /// What marking the no-show does.
    public struct Outcome: Hashable, Sendable {
        /// `no_show`.
        public let state: BookingState
        /// The registration with the points (and any suspension) recorded.
        public let registration: Registration
        /// Points this no-show earned.
        public let pointsEarned: Int
        /// When the first division of the day started.
        public let startedAt: Instant
    }

    /// Marks a booking in `state` for `dates` and `divisions` a no-show on
    /// `date` at `now`, or refuses `invalid_transition`,
    /// `no_show_not_booking_day` (409; details: `date`) or
    /// `no_show_too_early` (409; details: `date`, `division`, its `start`
    /// `HH:MM` and `starts_at`).
    public static func mark(state: BookingState, dates: [LocalDate], divisions: [Division], on date: LocalDate,
                            now: Instant, registration: Registration, policy: PenaltyPolicy) throws(Refusal<RoomNoShow.Code>) -> Outcome {
        let next: BookingState
        do {
            next = try state.transition(to: .noShow)
        } catch {
            throw error.recast(as: .invalidTransition)
        }
        guard dates.contains(date) else {
            throw Refusal(.notBookingDay, "The booking is not for \(date); a no-show is marked on a day of use.",
                          details: ["date": date.description])
        }
        let first = divisions.min { ($0.startMinute ?? 0) < ($1.startMinute ?? 0) }
        let start = Instant(japanDate: date, minuteOfDay: first?.startMinute ?? 0)
        guard now >= start else {
            throw Refusal(.tooEarly, "\(first.map { "\($0.nameEn) (\($0.nameJa))" } ?? "The first division") on \(date) starts at \(first?.start ?? "00:00"); a no-show can be marked only after it has started.",
                          details: ["date": date.description, "division": first?.id.rawValue ?? "", "start": first?.start ?? "00:00",
                                    "starts_at": start.rfc3339])
        }
        let updated = policy.applying(.noShow, to: registration, on: now.japanDate)
        return Outcome(state: next, registration: updated, pointsEarned: policy.points(for: .noShow), startedAt: start)
    }
}

extension RoomNoShow {
    /// The codes this rule refuses with.
    public enum Code: String, ErrorCode {
        case invalidTransition = "invalid_transition"
        case notBookingDay = "no_show_not_booking_day"
        case tooEarly = "no_show_too_early"
    }
}
