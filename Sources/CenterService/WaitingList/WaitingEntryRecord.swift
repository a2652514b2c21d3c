import CalendarValues
import CenterDomain
internal import Store

/// A waiting-list entry (キャンセル待ち) as the service stores and shows it:
/// the slot waited for, what the booking would be (purpose, attendees), its
/// state, the running offer's deadline, and the booking its acceptance made.
/// `position` is its place among those still waiting for the slot (1 is
/// next in order of application; with the `draw` order the chain fixed when
/// the slot freed decides instead, and `position` is its place in that chain).
public struct WaitingEntryRecord: Sendable, Hashable, Encodable {
    public let id: Int64
    public let registration: Int64
    public let facility: FacilityID
    public let date: LocalDate
    public let division: DivisionID
    public let purpose: String
    public let attendees: Int
    public let appliedAt: Instant
    /// `waiting`, `offered`, `accepted`, `declined`, `expired`, `withdrawn`, `closed`.
    public let state: String
    public let offeredAt: Instant?
    /// The offer's deadline to confirm.
    public let deadline: Instant?
    public let decidedAt: Instant?
    public let booking: Int64?
    public let position: Int?
    /// The last day on which it may join or be offered the slot.
    public let lastWaitingDay: LocalDate

    enum CodingKeys: String, CodingKey {
        case id, registration, facility, date, division, purpose, attendees, state, deadline, booking, position
        case appliedAt = "applied_at", offeredAt = "offered_at", decidedAt = "decided_at", lastWaitingDay = "last_waiting_day"
    }

    static let columns = """
        id, registration_id, facility_id, date, division, purpose, attendees, applied_at, state, offered_at, deadline,
        decided_at, booking_id
        """

    init(row: Row, position: Int?, rules: WaitingListRules) throws {
        id = try row.get("id")
        registration = try row.get("registration_id")
        facility = try row.get("facility_id")
        date = try row.get("date")
        division = try row.get("division")
        purpose = try row.get("purpose")
        attendees = try row.get("attendees")
        appliedAt = try row.get("applied_at")
        state = try row.get("state")
        offeredAt = try row.get("offered_at")
        deadline = try row.get("deadline")
        decidedAt = try row.get("decided_at")
        booking = try row.get("booking_id")
        self.position = position
        lastWaitingDay = rules.lastWaitingDay(for: date)
    }

    /// The slot waited for.
    public var slot: DivisionSlot { DivisionSlot(facility: facility, date: date, division: division) }

    /// Entry `id`, or `waiting_entry_not_found` (404); a member sees only its own.
    static func load(_ db: Database, id: Int64, rules: WaitingListRules, for actor: Actor? = nil) throws -> WaitingEntryRecord {
        let notFound = Refusal(WaitingEntryLookupCode.waitingEntryNotFound, "No waiting-list entry has id \(id).",
                               details: ["entry": String(id)])
        guard let row = try db.queryOne("SELECT \(columns) FROM waiting_entries WHERE id = ?", [.integer(id)]) else {
            throw notFound
        }
        let registration: Int64 = try row.get("registration_id")
        if let actor, actor.role == .member, actor.registrationID != registration { throw notFound }
        let line = try WaitingLineStore.load(db, slot: DivisionSlot(facility: try row.get("facility_id"), date: try row.get("date"),
                                                                    division: try row.get("division")))
        return try WaitingEntryRecord(row: row, position: line.position(of: id), rules: rules)
    }
}

extension WaitingLine {
    /// The place of entry `id` among the live entries, in offer order: the
    /// chain when the slot has freed, else order of application; nil when
    /// it is no longer live.
    func position(of id: Int64) -> Int? {
        let live = places.filter(\.status.isLive).map(\.entry.id)
        let order = chain.isEmpty ? live : chain.filter(live.contains) + live.filter { !chain.contains($0) }
        return order.firstIndex(of: String(id)).map { $0 + 1 }
    }
}
