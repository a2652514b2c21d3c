import CalendarValues
import CenterDomain
internal import Store

/// An ad-hoc closure (臨時休館) staff declare: dates, the facilities it closes
/// (none: the whole center), and the reason shown in the calendar.
public struct ClosureInput: Sendable, Hashable, Decodable {
    public var date: LocalDate
    public var to: LocalDate?
    public var facilities: [FacilityID]
    public var reason: String
    public var reasonJa: String?

    public init(date: LocalDate, to: LocalDate? = nil, facilities: [FacilityID] = [], reason: String, reasonJa: String? = nil) {
        self.date = date
        self.to = to
        self.facilities = facilities
        self.reason = reason
        self.reasonJa = reasonJa
    }

    enum CodingKeys: String, CodingKey { case date, to, facilities, reason, reasonJa = "reason_ja" }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        date = try c.decode(LocalDate.self, forKey: .date)
        to = try c.decodeIfPresent(LocalDate.self, forKey: .to)
        facilities = try c.decodeIfPresent([FacilityID].self, forKey: .facilities) ?? []
        reason = try c.decode(String.self, forKey: .reason)
        reasonJa = try c.decodeIfPresent(String.self, forKey: .reasonJa)
    }
}

/// A recorded closure and the live bookings it cancelled (with full refunds).
public struct ClosureResult: Sendable, Hashable, Encodable {
    public let id: Int64
    public let date: LocalDate
    public let to: LocalDate
    public let facilities: [FacilityID]
    public let reason: String
    public let reasonJa: String?
    public let cancelled: [Booking]
    /// Desk passes the closure cancelled (when it shuts the desk pool).
    public let cancelledDeskPasses: [DeskPass]

    enum CodingKeys: String, CodingKey {
        case id, date, to, facilities, reason, cancelled, reasonJa = "reason_ja", cancelledDeskPasses = "cancelled_desk_passes"
    }
}

extension OpeningCalendar {
    /// The longest ad-hoc closure accepted in one request, in days.
    static let maximumClosureDays = 366

    /// What `declareClosure` refuses with.
    public typealias ClosureRefusal = Refusals<IdempotencyCode, ClosureCode, FacilityLookupCode>

    /// Closes the center or some facilities (臨時休館) and, in the same
    /// transaction, cancels every live booking it hits on the center's behalf
    /// (100% refund, `RefundSchedule.centerCancelPercent`).
    public func declareClosure(_ input: ClosureInput, by actor: Actor,
                               idempotency: IdempotencyKey? = nil)
        async throws(ServiceError<ClosureRefusal>) -> Recorded<ClosureResult> {
        try await context.run(ClosureRefusal.self) {
            let center = settings.center
            let last = input.to ?? input.date
            guard last >= input.date else {
                throw Refusal(ClosureCode.dateRangeInvalid, "`date` (\(input.date)) is after `to` (\(last)).",
                              details: ["date": input.date.description, "to": last.description])
            }
            guard input.date.days(until: last) < Self.maximumClosureDays else {
                throw Refusal(ClosureCode.dateRangeInvalid, "A closure runs at most \(Self.maximumClosureDays) days.",
                              details: ["date": input.date.description, "to": last.description])
            }
            try TextRule.reason.check(input.reason, field: "reason", code: ClosureCode.reasonRequired)
            if let reasonJa = input.reasonJa { try TextRule.optionalReason.check(reasonJa, field: "reason_ja", code: ClosureCode.reasonInvalid) }
            if let unknown = input.facilities.first(where: { center.facility($0) == nil }) {
                throw Refusal(FacilityLookupCode.facilityNotFound, "No facility has id \(TextRule.echo(unknown.rawValue)).", details: ["facility": unknown.rawValue])
            }
            return try await context.recordedWrite(.closureCreate, ClosureRefusal.self, actor: actor,
                                                   idempotency: idempotency) { db, now in
                try db.run("""
                    INSERT INTO closures (first_date, last_date, facilities, reason, reason_ja, created_at, created_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, [input.date.sqlValue, last.sqlValue,
                          .text(input.facilities.map(\.rawValue).joined(separator: ",")), .text(input.reason),
                          input.reasonJa.map { .text($0) } ?? .null, now.sqlValue, .text(actor.auditLabel)])
                let id = db.lastInsertRowID
                let hit = try BookingLedger.liveBookingIDs(db, from: input.date, to: last, facilities: input.facilities)
                let cancelled = try Bookings.cancelForCenter(db, bookings: hit, reason: "closure #\(id): \(input.reason)",
                                                         center: center, actor: actor.auditLabel, now: now)
                let passes = try Desks.cancelPassesClosed(db, from: input.date, to: last,
                                                              facilities: input.facilities.map(\.rawValue),
                                                              deskPool: center.desks.pool, reason: "closure #\(id)",
                                                              actor: actor.auditLabel, now: now)
                let result = try Encoded(ClosureResult(id: id, date: input.date, to: last, facilities: input.facilities,
                                                       reason: input.reason, reasonJa: input.reasonJa, cancelled: cancelled,
                                                       cancelledDeskPasses: passes))
                try AuditLog.append(db, at: now, actor: actor.auditLabel, action: "closure.create", entity: "closure",
                                    entityID: String(id), after: result)
                return result
            }
        }
    }
}
