import CalendarValues
import CenterService

/// Nothing is booked for a day outside its registration's validity: when a
/// booking, a desk pass, a lease or a storage application is taken, the
/// registration (as its row then reads) is valid on every day of use (a
/// lease's first day of use, storage's first day) and on the day it is
/// taken, and not suspended; and at
/// any time no live booking holds a day from today on outside its
/// registration's validity.
final class UseWithinValidityInvariant: Invariant {
    let name = "bookings.within_validity"

    func check(_ c: StepCheck) throws -> [String] {
        var problems = try c.db.lines("""
            SELECT DISTINCT b.id, u.date, r.id, r.valid_from, r.valid_until FROM booking_units u JOIN bookings b ON b.id = u.booking_id
            JOIN registrations r ON r.id = b.registration_id
            WHERE u.live = 1 AND b.state IN ('provisional', 'paid') AND u.date >= ? AND (u.date < r.valid_from OR u.date > r.valid_until)
            """, [.text(c.today.description)], "a live booking for a day its registration is not valid (booking, date, registration, from, until)")
        let taken: (registration: Int64, days: [LocalDate], what: String)?
        switch c.value {
        case .booking(let booking)?: taken = (booking.registration, booking.dates, "booking \(booking.id)")
        case .deskPass(let pass)?: taken = (pass.registration, [pass.date], "desk pass \(pass.id)")
        case .lease(let lease)?:
            taken = (lease.registration, [max(lease.startDate, lease.createdAt.japanDate)], "lease \(lease.id)")
        case .storageApplication(let application)?:
            taken = application.registration.map {
                ($0, [max(application.appliedAt.japanDate, FiscalYear(application.fiscalYear).first)], "storage application \(application.id)")
            }
        default: taken = nil
        }
        // Only what this step took: a renewal or a lease's own change answers
        // with values taken before.
        guard let taken, Self.isTaking(c.operation.request) else { return problems }
        guard let row = try c.db.rows("SELECT valid_from, valid_until, status, suspended_until FROM registrations WHERE id = ?",
                                      [.int(taken.registration)]).first,
              let from = row[0].text.flatMap(LocalDate.init), let until = row[1].text.flatMap(LocalDate.init) else {
            return problems + ["\(taken.what) names registration \(taken.registration), which does not exist"]
        }
        for day in [c.today] + taken.days where day < from || day > until {
            problems.append("\(taken.what) is for \(day), outside registration \(taken.registration)'s validity \(from)…\(until)")
        }
        if row[2].text == "suspended", let end = row[3].text.flatMap(LocalDate.init), c.today <= end {
            problems.append("\(taken.what) was taken for registration \(taken.registration), suspended until \(end)")
        }
        return problems
    }

    /// Whether the operation takes something new (not a change of what was taken).
    static func isTaking(_ operation: any SimOperation) -> Bool {
        operation is BookOperation || operation is PassOperation || operation is LeaseOperation
            || (operation as? OfferOperation)?.accept == true || operation is ApplyStorageOperation
    }
}
