import CalendarValues
import CenterDomain
internal import Store

/// An ad-hoc closure (臨時休館) staff declare: dates, the facilities it closes
/// (none: the whole center), the reason in the language staff wrote it
/// (`reason_ja`, `reason_en`, at least one), and the multi-day bookings
/// whose holders chose to cancel the whole booking rather than only the
/// days closed (`whole_bookings`).
public struct ClosureInput: Sendable, Hashable, Decodable {
    public var date: LocalDate
    public var to: LocalDate?
    public var facilities: [FacilityID]
    public var reasonJa: String?
    public var reasonEn: String?
    public var wholeBookings: [Int64]

    public init(date: LocalDate, to: LocalDate? = nil, facilities: [FacilityID] = [], reasonJa: String? = nil,
                reasonEn: String? = nil, wholeBookings: [Int64] = []) {
        self.date = date
        self.to = to
        self.facilities = facilities
        self.reasonJa = reasonJa
        self.reasonEn = reasonEn
        self.wholeBookings = wholeBookings
    }

    enum CodingKeys: String, CodingKey {
        case date, to, facilities, reasonJa = "reason_ja", reasonEn = "reason_en", wholeBookings = "whole_bookings"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        date = try c.decode(LocalDate.self, forKey: .date)
        to = try c.decodeIfPresent(LocalDate.self, forKey: .to)
        facilities = try c.decodeIfPresent([FacilityID].self, forKey: .facilities) ?? []
        reasonJa = try c.decodeIfPresent(String.self, forKey: .reasonJa)
        reasonEn = try c.decodeIfPresent(String.self, forKey: .reasonEn)
        wholeBookings = try c.decodeIfPresent([Int64].self, forKey: .wholeBookings) ?? []
    }

    /// The reason as a booking's cancellation names it: English when given.
    var reasonText: String { reasonEn ?? reasonJa ?? "" }
}

extension OpeningCalendar {
    /// The longest ad-hoc closure accepted in one request, in days.
    static let maximumClosureDays = 366

    /// What `declareClosure` refuses with.
    public typealias ClosureRefusal = Refusals<IdempotencyCode, ClosureCode, FacilityLookupCode>

    /// Closes the center or some facilities (臨時休館) and, in the same
    /// transaction, settles every live booking it hits on the center's
    /// behalf (`PartialClosure`, refunds at `RefundSchedule.centerCancelPercent`):
    /// a booking with a usable day left loses only the days closed, unless
    /// its holder chose to cancel it whole (`whole_bookings`); any other is
    /// cancelled whole. A booking already checked in is in use and is left
    /// alone. Closing the desk pool (or the center) cancels its live passes.
    /// The answer lists every holder to call, with their contact.
    public func declareClosure(_ input: ClosureInput, by actor: Actor,
                               idempotency: IdempotencyKey? = nil)
        async throws(ServiceError<ClosureRefusal>) -> Recorded<ClosureRecord> {
        try await context.run(ClosureRefusal.self) {
            let center = settings.center
            let last = input.to ?? input.date
            guard last >= input.date else {
                throw Refusal(ClosureCode.dateRangeInvalid, "`date` (\(input.date)) is after `to` (\(last)).",
                              details: ["date": input.date.description, "to": last.description])
            }
            guard input.date.days(until: last) < Self.maximumClosureDays else {
                throw Refusal(ClosureCode.dateRangeInvalid, "A closure runs at most \(Self.maximumClosureDays) days.",
                              details: ["date": input.date.description, "to": last.description,
                                        "limit": String(Self.maximumClosureDays)])
            }
            guard input.reasonJa != nil || input.reasonEn != nil else {
                throw Refusal(ClosureCode.reasonRequired, "A closure needs its reason: `reason_ja`, `reason_en` or both.")
            }
            if let reason = input.reasonJa { try TextRule.reason.check(reason, field: "reason_ja", code: ClosureCode.reasonInvalid) }
            if let reason = input.reasonEn { try TextRule.reason.check(reason, field: "reason_en", code: ClosureCode.reasonInvalid) }
            if let unknown = input.facilities.first(where: { center.facility($0) == nil }) {
                throw Refusal(FacilityLookupCode.facilityNotFound, "No facility has id \(TextRule.echo(unknown.rawValue)).",
                              details: ["facility": unknown.rawValue])
            }
            return try await context.recordedWrite(.closureCreate, ClosureRefusal.self, actor: actor,
                                                   idempotency: idempotency) { db, now in
                try db.run("""
                    INSERT INTO closures (first_date, last_date, facilities, reason_ja, reason_en, created_at, created_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, [input.date.sqlValue, last.sqlValue,
                          .text(input.facilities.map(\.rawValue).joined(separator: ",")),
                          input.reasonJa.map { .text($0) } ?? .null, input.reasonEn.map { .text($0) } ?? .null,
                          now.sqlValue, .text(actor.auditLabel)])
                let id = db.lastInsertRowID
                let hit = try BookingLedger.liveBookingIDs(db, from: input.date, to: last, facilities: input.facilities)
                if let stray = input.wholeBookings.first(where: { !hit.contains($0) }) {
                    throw Refusal(ClosureCode.wholeBookingNotHit, "Booking \(stray) is not a live booking this closure hits.",
                                  details: ["booking": String(stray)])
                }
                try ClosureSettlement(db: db, closure: id, dates: Set(input.date.dates(through: last)),
                                      facilities: Set(input.facilities), reason: "closure #\(id): \(input.reasonText)",
                                      center: center, actor: actor.auditLabel, now: now)
                    .settle(bookings: hit, whole: Set(input.wholeBookings))
                let passes = try Desks.cancelPassesClosed(db, from: input.date, to: last,
                                                          facilities: input.facilities.map(\.rawValue),
                                                          deskPool: center.desks.pool, reason: "closure #\(id)",
                                                          actor: actor.auditLabel, now: now)
                for pass in passes {
                    try db.run("""
                        INSERT INTO closure_effects (closure_id, desk_pass_id, outcome, days, refund) VALUES (?, ?, 'cancelled', ?, 0)
                        """, [.integer(id), .integer(pass.id), pass.date.sqlValue])
                }
                let record = try ClosureRecord.load(db, id: id)
                try AuditLog.append(db, at: now, actor: actor.auditLabel, action: "closure.create", entity: "closure",
                                    entityID: String(id), after: record.withoutHolders)
                return try Encoded(record)
            }
        }
    }
}

/// How one closure settles the live bookings it hits, inside its write
/// transaction (`PartialClosure`): the days closed, or the whole booking.
struct ClosureSettlement {
    let db: Database
    let closure: Int64
    let dates: Set<LocalDate>
    let facilities: Set<FacilityID>
    let reason: String
    let center: CenterConfiguration
    let actor: String
    let now: Instant

    /// Settles each of `ids` (live bookings the closure hits); those in
    /// `whole` are cancelled whole at their holder's choice.
    func settle(bookings ids: [Int64], whole: Set<Int64>) throws {
        let today = now.japanDate
        for id in ids {
            let before = try Booking.load(db, id: id)
            guard before.state.successors.contains(.cancelledByCenter) else { continue }
            let paid = try BookingAccount.load(db, booking: before).ledger.retained
            let assessment = PartialClosure(days: before.dates, facility: before.facility, feePerDay: before.fee.perDay.total,
                                            paid: paid, closedDates: dates, closedFacilities: facilities, today: today,
                                            refunds: center.refunds)
            switch assessment.outcome {
            case .unaffected:
                continue
            case .daysHit where !whole.contains(id):
                if let settlement = assessment.daysHit {
                    try cancelDays(before, days: assessment.hitDays, settlement: settlement)
                }
            case .daysHit, .wholeRequired:
                if let settlement = assessment.whole {
                    try cancelWhole(before, settlement: settlement)
                }
            }
        }
    }

    /// Cancels `days` of `booking`: their units are freed, the fee becomes
    /// the settlement's and what was paid above it is refunded; a hold
    /// whose payments then cover the fee becomes paid.
    private func cancelDays(_ booking: Booking, days: [LocalDate], settlement: PartialClosure.Settlement) throws {
        for day in days {
            try db.run("INSERT INTO booking_cancelled_days (booking_id, date, closure_id) VALUES (?, ?, ?)",
                       [.integer(booking.id), day.sqlValue, .integer(closure)])
            try db.run("UPDATE booking_units SET live = 0 WHERE booking_id = ? AND date = ?", [.integer(booking.id), day.sqlValue])
        }
        let refunded = (booking.refund?.amount ?? 0) + settlement.refund
        try db.run("""
            UPDATE bookings SET fee_total = ?, refund_percent = CASE WHEN ? > 0 THEN ? ELSE refund_percent END,
                refund_amount = CASE WHEN ? > 0 THEN ? ELSE refund_amount END WHERE id = ?
            """, [.integer(Int64(settlement.fee)), .integer(Int64(refunded)), .integer(Int64(center.refunds.centerCancelPercent)),
                  .integer(Int64(refunded)), .integer(Int64(refunded)), .integer(booking.id)])
        if settlement.refund > 0 {
            try BookingAccount.insert(db, refund: RefundDue(amount: settlement.refund, percent: center.refunds.centerCancelPercent,
                                                            decidedAt: now),
                                      reason: .closure, booking: booking.id, decidedBy: actor)
        }
        try record(booking, outcome: "days_cancelled", days: days, refund: settlement.refund)
        _ = try Bookings.audited(db, id: booking.id, before: booking, action: "booking.cancel_days", actor: actor, now: now)
        try markPaidWhenCovered(booking.id)
    }

    /// A provisional hold whose part payments now cover its lowered fee is
    /// paid, as if the payment that covers it had been taken now; otherwise
    /// it would lapse at its deadline, refunding what the holder paid for
    /// the days it keeps.
    private func markPaidWhenCovered(_ id: Int64) throws {
        let after = try Booking.load(db, id: id)
        guard after.state == .provisional, after.feeTotal > 0, try BookingAccount.load(db, booking: after).ledger.isCovered else { return }
        try Bookings.markPaid(db, after, at: now, actor: actor)
    }

    /// Cancels the whole booking on the center's account with the
    /// settlement's refund (every day not yet past).
    private func cancelWhole(_ booking: Booking, settlement: PartialClosure.Settlement) throws {
        _ = try Bookings.cancel(db, BookingRow.load(db, id: booking.id), by: .center, reason: reason, center: center, actor: actor, now: now,
                                settledRefund: settlement.refund)
        try record(booking, outcome: "cancelled", days: booking.dates.filter { !settlement.days.contains($0) },
                   refund: settlement.refund)
    }

    private func record(_ booking: Booking, outcome: String, days: [LocalDate], refund: Int) throws {
        try db.run("""
            INSERT INTO closure_effects (closure_id, booking_id, outcome, days, refund) VALUES (?, ?, ?, ?, ?)
            """, [.integer(closure), .integer(booking.id), .text(outcome),
                  .text(days.map(\.description).joined(separator: ",")), .integer(Int64(refund))])
    }
}
