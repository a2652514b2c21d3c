import CalendarValues
import CenterService

/// When a non-community booking of a quota facility is taken for a month
/// whose held share is still protected (a date of it more than the release
/// days ahead), the month's non-community live units after it are at most
/// ⌊U × (1 − share)⌋, U being the month's open days × divisions as the
/// checker's own calendar counts them at that moment. (Afterwards a closure
/// may lower U below what was rightly taken, so the check is at the taking,
/// the step that wrote the booking's creation, and not at a later step
/// answered with the booking, such as its payment.)
final class CommunityQuotaInvariant: Invariant {
    let name = "quota.non_community_ceiling"

    func check(_ c: StepCheck) throws -> [String] {
        guard case .booking(let booking)? = c.value, booking.category != .communityGroup,
              let quota = c.settings.center.quota(for: booking.facility),
              let facility = c.settings.center.facility(booking.facility) else { return [] }
        // Judged at the taking only: the step that wrote the booking's
        // creation, not a later one answered with it (a payment, a check-in).
        guard try c.db.int("SELECT count(*) FROM audit_log WHERE id > ? AND action = 'booking.create' AND entity_id = ?",
                           [.int(c.before.lastAuditID), .text(String(booking.id))]) > 0 else { return [] }
        let taken = booking.createdAt.japanDate
        var problems: [String] = []
        for month in Array(Set(booking.dates.map(\.yearMonth))).sorted() {
            guard booking.dates.contains(where: { $0.yearMonth == month && taken < $0.adding(days: -quota.releaseDays) }) else { continue }
            let bookable = c.calendar.bookableUnits(in: month, facility: booking.facility.rawValue,
                                                    divisionsPerDay: facility.divisions.count)
            let heldBasisPoints = Int((quota.share * 10_000).rounded())
            let ceiling = bookable * (10_000 - heldBasisPoints) / 10_000
            let booked = try c.db.int("""
                SELECT count(*) FROM booking_units u JOIN bookings b ON b.id = u.booking_id
                WHERE u.live = 1 AND u.facility_id = ? AND substr(u.date, 1, 7) = ? AND b.category <> 'community_group'
                """, [.text(booking.facility.rawValue), .text(month.description)])
            if booked > Int64(ceiling) {
                problems.append("booking \(booking.id) took \(booking.facility) in \(month) to \(booked) non-community units "
                    + "while protected; the ceiling is \(ceiling) of U = \(bookable)")
            }
        }
        return problems
    }
}
