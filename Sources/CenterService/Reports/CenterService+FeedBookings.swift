import CenterDomain
import Store

extension CenterService {
    /// The longest range a calendar feed or report query covers, in days.
    public static let maximumFeedDays = 800

    /// Every booking of `facility` used between `from` and `to` in any state
    /// (cancelled and lapsed included, so calendar feeds can mark them
    /// cancelled), oldest use first. For the public feed: callers must not
    /// show the registration, contact or purpose.
    public func feedBookings(facility: FacilityID, from: LocalDate, to: LocalDate) async throws -> [Booking] {
        guard settings.center.facility(facility) != nil else {
            throw DomainError(.notFound, "facility_not_found", "No facility has id \(facility).", details: ["facility": facility.rawValue])
        }
        return try await feedBookings(column: "facility_id", value: .text(facility.rawValue), from: from, to: to)
    }

    /// Every booking of `registration` used between `from` and `to`, in any
    /// state, oldest use first (a member's own feed).
    public func feedBookings(registration: Int64, from: LocalDate, to: LocalDate) async throws -> [Booking] {
        try await feedBookings(column: "registration_id", value: .integer(registration), from: from, to: to)
    }

    private func feedBookings(column: String, value: SQLValue, from: LocalDate, to: LocalDate) async throws -> [Booking] {
        guard from <= to, from.days(until: to) < Self.maximumFeedDays else {
            throw DomainError(.invalid, "range_too_long", "From `from` to `to`, at most \(Self.maximumFeedDays) days.",
                              details: ["from": from.description, "to": to.description])
        }
        let sql = "SELECT \(Booking.columns) FROM bookings WHERE \(column) = ? AND first_date <= ? AND last_date >= ? ORDER BY first_date, id"
        let arguments: [SQLValue] = [value, .text(to.description), .text(from.description)]
        return try await pool.read { db in try db.query(sql, arguments).map(Booking.init(row:)) }
    }
}
