import CalendarValues
import CenterDomain
internal import Store

extension Bookings {
    /// The longest range a calendar feed covers, in days.
    public static let maximumFeedDays = 800

    /// What a facility's feed refuses with.
    public typealias FacilityFeedRefusal = Refusals<DateRangeCode, FacilityLookupCode>

    /// Every booking of `facility` used between `from` and `to` in any state
    /// (cancelled and lapsed included, so calendar feeds can mark them
    /// cancelled), oldest use first. For the public feed: callers must not
    /// show the registration, contact or purpose.
    public func feed(facility: FacilityID, from: LocalDate, to: LocalDate)
        async throws(ServiceError<FacilityFeedRefusal>) -> [Booking] {
        try await context.run(FacilityFeedRefusal.self) {
            try DateRangeCode.check(from: from, to: to, maximumDays: Self.maximumFeedDays)
            guard settings.center.facility(facility) != nil else {
                throw Refusal(FacilityLookupCode.facilityNotFound, "No facility has id \(TextRule.echo(facility.rawValue)).", details: ["facility": facility.rawValue])
            }
            return try await pool.read { db in
                try db.query("""
                    SELECT \(Booking.columns) FROM bookings WHERE facility_id = ? AND first_date <= ? AND last_date >= ?
                    ORDER BY first_date, id LIMIT 5000
                    """, [facility.sqlValue, to.sqlValue, from.sqlValue]).map(Booking.init(row:))
            }
        }
    }

    /// Every booking of `registration` used between `from` and `to`, in any
    /// state, oldest use first (a member's own feed).
    public func feed(registration: Int64, from: LocalDate, to: LocalDate) async throws(ServiceError<DateRangeCode>) -> [Booking] {
        try await context.run(DateRangeCode.self) {
            try DateRangeCode.check(from: from, to: to, maximumDays: Self.maximumFeedDays)
            return try await pool.read { db in
                try db.query("""
                    SELECT \(Booking.columns) FROM bookings WHERE registration_id = ? AND first_date <= ? AND last_date >= ?
                    ORDER BY first_date, id
                    """, [.integer(registration), to.sqlValue, from.sqlValue]).map(Booking.init(row:))
            }
        }
    }
}
