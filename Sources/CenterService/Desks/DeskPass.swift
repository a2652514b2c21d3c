import CalendarValues
import CenterDomain
internal import Store

/// The life of a desk pass: `booked` until checked in (`checked_in`),
/// cancelled before its start (`cancelled`), or released by the timer when
/// nobody checked in by the deadline (`no_show`). Only `booked` and
/// `checked_in` passes hold their desk.
public enum DeskPassState: String, Sendable, Hashable, Codable {
    case booked
    case checkedIn = "checked_in"
    case cancelled
    case noShow = "no_show"
}

/// A flexible-desk pass (フリーデスク利用券) as the service stores and shows
/// it: whose, which desk, date and period (午前, 午後, 夜間 or `day`), the
/// division-units it occupies, its state, its check-in deadline
/// (`DeskPassRules.checkInDeadline`) and who did what when.
public struct DeskPass: Sendable, Hashable, Encodable {
    public let id: Int64
    public let registration: Int64
    public let desk: FacilityID
    public let date: LocalDate
    public let period: String
    public let units: [DivisionID]
    public let state: DeskPassState
    public let fee: Int
    public let startsAt: Instant
    public let checkInDeadline: Instant
    public let createdAt: Instant
    public let createdBy: String
    public let checkedInAt: Instant?
    public let checkedInBy: String?
    public let cancelledAt: Instant?
    public let cancelledBy: String?
    public let releasedAt: Instant?
    /// Penalty points a no-show earned.
    public let penaltyPoints: Int?

    enum CodingKeys: String, CodingKey {
        case id, registration, desk, date, period, units, state, fee
        case startsAt = "starts_at", checkInDeadline = "check_in_deadline", createdAt = "created_at"
        case createdBy = "created_by", checkedInAt = "checked_in_at", checkedInBy = "checked_in_by"
        case cancelledAt = "cancelled_at", cancelledBy = "cancelled_by", releasedAt = "released_at"
        case penaltyPoints = "penalty_points"
    }

    static let columns = """
        id, registration_id, desk_id, date, period, state, fee, starts_at, check_in_deadline, created_at, created_by,
        checked_in_at, checked_in_by, cancelled_at, cancelled_by, released_at, penalty_points,
        (SELECT group_concat(period_unit) FROM (SELECT period_unit FROM desk_pass_periods
            WHERE pass_id = desk_passes.id ORDER BY rowid)) AS units
        """

    init(row: Row) throws {
        id = try row.get("id")
        registration = try row.get("registration_id")
        desk = try row.get("desk_id")
        date = try row.get("date")
        period = try row.get("period")
        units = ((try row.get("units") as String?) ?? "").split(separator: ",").map { DivisionID(String($0)) }
        state = try row.get("state")
        fee = try row.get("fee")
        startsAt = try row.get("starts_at")
        checkInDeadline = try row.get("check_in_deadline")
        createdAt = try row.get("created_at")
        createdBy = try row.get("created_by")
        checkedInAt = try row.get("checked_in_at")
        checkedInBy = try row.get("checked_in_by")
        cancelledAt = try row.get("cancelled_at")
        cancelledBy = try row.get("cancelled_by")
        releasedAt = try row.get("released_at")
        penaltyPoints = try row.get("penalty_points")
    }

    /// Pass `id`, or `desk_pass_not_found` (404); a member sees only its own.
    static func load(_ db: Database, id: Int64, for actor: Actor? = nil) throws -> DeskPass {
        let notFound = Refusal(DeskPassLookupCode.deskPassNotFound, "No desk pass has id \(id).",
                               details: ["desk_pass": String(id)])
        guard let row = try db.queryOne("SELECT \(columns) FROM desk_passes WHERE id = ?", [.integer(id)]) else {
            throw notFound
        }
        let pass = try DeskPass(row: row)
        if let actor, actor.role == .member, actor.registrationID != pass.registration { throw notFound }
        return pass
    }
}
