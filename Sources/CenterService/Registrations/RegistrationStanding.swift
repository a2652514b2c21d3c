import CalendarValues
import CenterDomain
internal import Store

/// What the booking and desk rules read of a registration: its category,
/// whether it is in the ward, and the domain value (validity, suspension,
/// points) — not its evidence or contact, which those rules never read.
struct RegistrationStanding: Sendable {
    let id: Int64
    let category: UserCategory
    let inWard: Bool
    let registration: Registration

    static let query = SQL("""
        SELECT category, in_ward, name, valid_from, valid_until, status, suspended_until, penalty_points
        FROM registrations WHERE id = ?
        """)

    /// Registration `id`'s standing, or `registration_not_found`.
    static func load(_ db: Database, id: Int64) throws -> RegistrationStanding {
        guard let row = try db.queryOne(query, [.integer(id)]) else {
            throw RegistrationRecord.notFound(id)
        }
        let category: UserCategory = try row.get(0)
        let suspended = (try row.get(5) as RegistrationStatus) == .suspended
        let registration = Registration(id: String(id), category: category, name: try row.get(2),
                                        validFrom: try row.get(3), validUntil: try row.get(4),
                                        suspendedUntil: suspended ? try row.get(6) : nil,
                                        penaltyPoints: try row.get(7))
        return RegistrationStanding(id: id, category: category, inWard: try row.get(1), registration: registration)
    }
}
