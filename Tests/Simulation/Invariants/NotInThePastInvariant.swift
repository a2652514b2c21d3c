import CalendarValues
import CenterDomain
import CenterService

/// Nothing is taken for a time already over, nor outside its window: a new
/// booking holds no division that had ended when it was taken, falls inside
/// its category's window (not before the window's first day, which a closed
/// day only moves later, nor after its last booking day); a new desk pass
/// is taken before its check-in deadline and within its window days.
final class NotInThePastInvariant: Invariant {
    let name = "bookings.not_in_the_past"

    func check(_ c: StepCheck) throws -> [String] {
        switch c.value {
        case .booking(let booking)? where c.operation.request is BookOperation:
            return check(booking, c.settings.center)
        case .deskPass(let pass)? where c.operation.request is PassOperation:
            var problems: [String] = []
            if pass.createdAt > pass.checkInDeadline {
                problems.append("desk pass \(pass.id) was taken at \(pass.createdAt.rfc3339), after its check-in deadline \(pass.checkInDeadline.rfc3339)")
            }
            let taken = pass.createdAt.japanDate
            if pass.date < taken || pass.date > taken.adding(days: c.settings.center.desks.windowDays) {
                problems.append("desk pass \(pass.id) for \(pass.date) was taken on \(taken), outside its window")
            }
            return problems
        default:
            return []
        }
    }

    private func check(_ booking: Booking, _ center: CenterConfiguration) -> [String] {
        var problems: [String] = []
        let taken = booking.createdAt
        for date in booking.dates {
            for division in center.divisions where booking.divisions.contains(division.id) {
                guard let end = division.endMinute else { continue }
                if Instant(japanDate: date, minuteOfDay: end) <= taken {
                    problems.append("booking \(booking.id) holds \(date) \(division.id), over before it was taken at \(taken.rfc3339)")
                }
            }
            guard let window = center.window(for: booking.category) else {
                problems.append("booking \(booking.id) was taken in category \(booking.category.rawValue), which books no rooms")
                continue
            }
            if case .firstOfMonth(let months)? = window.opens, taken.japanDate < date.firstOfMonth.adding(months: -months) {
                problems.append("booking \(booking.id) for \(date) was taken on \(taken.japanDate), before its window opened")
            }
            if taken.japanDate > date.adding(days: -(window.closesDaysBefore ?? 0)) {
                problems.append("booking \(booking.id) for \(date) was taken on \(taken.japanDate), after its window closed")
            }
        }
        return problems
    }
}
