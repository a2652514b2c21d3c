import CalendarValues
import CenterService

/// No registration is valid beyond its rule: at most two years from the day
/// its card was issued (the last valid day the day before the same date two
/// years later; with no such date, the last day of that month, 民法 第143条),
/// never ending before it starts; a renewal leaves the card valid at least
/// as long as one issued that day. Penalty points stay below the suspension threshold
/// (reaching it suspends and starts the count again).
final class RegistrationValidityInvariant: Invariant {
    let name = "registrations.validity_rule"

    func check(_ c: StepCheck) throws -> [String] {
        let years = c.settings.center.registration.maxYears
        let threshold = c.settings.center.penalties.threshold
        var problems: [String] = []
        for row in try c.db.rows("SELECT id, valid_from, valid_until, penalty_points FROM registrations") {
            guard let from = row[1].text.flatMap(LocalDate.init), let until = row[2].text.flatMap(LocalDate.init) else { continue }
            let latest = Self.latestValidUntil(issued: from, years: years)
            if until > latest || until < from {
                problems.append("registration \(row[0]) is valid \(from)…\(until); the rule allows \(from)…\(latest)")
            }
            if let points = row[3].int, points >= Int64(threshold) || points < 0 {
                problems.append("registration \(row[0]) holds \(points) penalty points; at \(threshold) it is suspended and starts again")
            }
        }
        // A renewal answered leaves the card valid at least as long as one
        // issued today: it starts anew, or it already ran that long.
        if case .registration(let renewed)? = c.value, c.operation.request is RenewOperation {
            let issuedToday = Self.latestValidUntil(issued: c.today, years: years)
            if renewed.validUntil < issuedToday {
                problems.append("registration \(renewed.id) renewed on \(c.today) is valid until \(renewed.validUntil), "
                    + "short of \(issuedToday) for a card issued that day")
            }
        }
        return problems
    }

    /// The day before the same date `years` later, or the last day of that
    /// month when it has no such date.
    static func latestValidUntil(issued: LocalDate, years: Int) -> LocalDate {
        let year = issued.year + years
        guard let same = LocalDate(year: year, month: issued.month, day: issued.day) else {
            return LocalDate(clampingYear: year, month: issued.month, day: 1).lastOfMonth
        }
        return same.adding(days: -1)
    }
}
