import CalendarValues
import CenterDomain
internal import Store

/// The cancellation waiting list for rooms (キャンセル待ち): joining it for a
/// taken slot, withdrawing, and answering the offer a freed slot brings
/// (docs/DOMAIN.md "Cancellation waiting list (キャンセル待ち)"). The rules
/// are `WaitingListRules` and `WaitingLine`; the offers move in the same
/// transaction as the booking that frees the slot, and the timer expires
/// them. Desks keep first come.
public struct WaitingList: AreaService {
    let context: ServiceContext

    /// What `join` refuses with, in the order it checks.
    public typealias JoinRefusal = Refusals<
        IdempotencyCode, WaitingListRules.Code, FacilityLookupCode, WaitingRequestCode, Capacity.Code, RegistrationLookupCode,
        Registration.Code, Registration.ValidityCode, CategoryWindow.Code, BookingRequestCode, LotteryRound.FirstComeCode
    >

    /// The rules, or `waiting_list_not_offered` when the center keeps none.
    func rules() throws(Refusal<WaitingListRules.Code>) -> WaitingListRules {
        guard let rules = settings.center.waitingList else {
            throw Refusal(.waitingListNotOffered, "The center keeps no cancellation waiting list.")
        }
        return rules
    }

    /// Joins the waiting line of a taken room slot (`POST /waiting-list`): a
    /// member for its own registration, staff for any. The registration must
    /// be able to book the slot today but for its being taken: its standing,
    /// its category's window (and a lottery round's hold), the room's
    /// capacity; then `WaitingListRules.checkJoin`.
    public func join(_ request: WaitingJoinRequest, by actor: Actor,
                     idempotency: IdempotencyKey? = nil) async throws(ServiceError<JoinRefusal>) -> Recorded<WaitingEntryRecord> {
        try await context.run(JoinRefusal.self) {
            try Registrations.requireOwn(registration: request.registration, actor: actor)
            let rules = try rules()
            let center = settings.center
            return try await context.recordedWrite(.waitingListJoin, JoinRefusal.self, actor: actor,
                                                   idempotency: idempotency) { db, now in
                let today = now.japanDate
                let slot = request.slot
                guard let facility = center.facility(slot.facility) else {
                    throw Refusal(FacilityLookupCode.facilityNotFound, "No facility has id \(slot.facility).",
                                  details: ["facility": slot.facility.rawValue])
                }
                guard facility.bookingUnits.contains(slot.division) else {
                    throw Refusal(WaitingRequestCode.divisionNotOffered,
                                  "\(facility.id) is not booked in \(TextRule.echo(slot.division.rawValue)).",
                                  details: ["facility": facility.id.rawValue, "division": slot.division.rawValue])
                }
                let purpose = try TextRule.reason.check(request.purpose, field: "purpose", code: WaitingRequestCode.purposeInvalid)
                try Capacity.check(attendees: request.attendees, facility: facility)
                let record = try RegistrationStanding.load(db, id: request.registration)
                try record.registration.checkCanBook(today: today)
                try record.registration.checkValid(on: slot.date)
                if facility.kind == .room {
                    guard let window = center.window(for: record.category) else {
                        throw Refusal(BookingRequestCode.categoryNotPermitted, "The \(record.category.rawValue) category books no rooms.",
                                      details: ["category": record.category.rawValue, "kind": facility.kind.rawValue])
                    }
                    let opens = window.opens?.opening.opening(for: slot.date, in: context.calendar) ?? slot.date
                    try window.check(kind: facility.kind, useDate: slot.date, today: today, windowOpens: opens)
                    try center.lotteryRound(for: facility.id, category: record.category)?
                        .checkFirstCome(category: record.category, facility: facility.id, useDate: slot.date, now: now)
                }
                let holder: Int64? = try db.queryOne("""
                    SELECT registration_id FROM booking_units WHERE live = 1 AND facility_id = ? AND date = ? AND division = ?
                    """, [slot.facility.sqlValue, slot.date.sqlValue, slot.division.sqlValue])?.get("registration_id")
                let line = try WaitingLineStore.load(db, slot: slot)
                let held = try Self.liveEntries(db, registration: record.id, month: slot.date.yearMonth)
                try rules.checkJoin(facility: facility, slot: slot, registration: String(record.id), now: now,
                                    holder: holder.map(String.init), line: line.places.filter(\.status.isLive).map(\.entry),
                                    held: held)
                try db.run("""
                    INSERT INTO waiting_entries (registration_id, facility_id, date, division, purpose, attendees, applied_at, state,
                        created_by) VALUES (?, ?, ?, ?, ?, ?, ?, 'waiting', ?)
                    """, [.integer(record.id), slot.facility.sqlValue, slot.date.sqlValue, slot.division.sqlValue, .text(purpose),
                          .integer(Int64(request.attendees)), now.sqlValue, .text(actor.auditLabel)])
                let id = db.lastInsertRowID
                var joined = line
                joined.join(WaitingEntry(id: String(id), registration: String(record.id), slot: slot, appliedAt: now))
                try WaitingLineStore.save(db, joined, before: line)
                let entry = try Encoded(WaitingEntryRecord.load(db, id: id, rules: rules))
                try AuditLog.append(db, at: now, actor: actor.auditLabel, action: "waiting_list.join", entity: "waiting_entry",
                                    entityID: String(id), after: entry)
                return entry
            }
        }
    }

    /// What reading an entry refuses with.
    public typealias LookupRefusal = Refusals<WaitingEntryLookupCode, WaitingListRules.Code>

    /// Entry `id`; a member sees only its own.
    public func entry(id: Int64, for actor: Actor) async throws(ServiceError<LookupRefusal>) -> WaitingEntryRecord {
        try await context.run(LookupRefusal.self) {
            let rules = try rules()
            return try await pool.read { db in try WaitingEntryRecord.load(db, id: id, rules: rules, for: actor) }
        }
    }

    /// Entries of `registration` (a member: its own), or of a slot's
    /// `facility` and `date`; live ones only unless `all`; by date, then
    /// application.
    public func entries(registration: Int64?, facility: FacilityID?, date: LocalDate?, all: Bool, for actor: Actor)
        async throws(ServiceError<Refusals<RegistrationLookupCode, WaitingListRules.Code>>) -> [WaitingEntryRecord] {
        try await context.run(Refusals<RegistrationLookupCode, WaitingListRules.Code>.self) {
            if let registration { try Registrations.requireOwn(registration: registration, actor: actor) }
            let rules = try rules()
            let owner = actor.role == .member ? actor.registrationID : registration
            var filter = SQLConditions()
            filter.add("registration_id = ?", owner.map { .integer($0) })
            filter.add("facility_id = ?", facility.map(\.sqlValue))
            filter.add("date = ?", date.map(\.sqlValue))
            filter.add("(? = 1 OR state IN ('waiting', 'offered'))", .integer(all ? 1 : 0))
            let query = "SELECT id FROM waiting_entries" + filter.clause + " ORDER BY date, applied_at, id LIMIT 500"
            let arguments = filter.arguments
            return try await pool.read { db in
                try db.query(query, arguments).map { try WaitingEntryRecord.load(db, id: $0.get("id"), rules: rules) }
            }
        }
    }

    /// What `withdraw` and `decline` refuse with.
    public typealias StepRefusal = Refusals<IdempotencyCode, WaitingEntryLookupCode, WaitingListRules.Code, WaitingOfferCode>

    /// Leaves the line (取下げ); a running offer passes to the next.
    public func withdraw(entry id: Int64, by actor: Actor,
                         idempotency: IdempotencyKey? = nil) async throws(ServiceError<StepRefusal>) -> Recorded<WaitingEntryRecord> {
        try await move(.withdraw, entry: id, by: actor, idempotency: idempotency)
    }

    /// Declines the running offer (辞退); it passes to the next.
    public func decline(entry id: Int64, by actor: Actor,
                        idempotency: IdempotencyKey? = nil) async throws(ServiceError<StepRefusal>) -> Recorded<WaitingEntryRecord> {
        try await move(.decline, entry: id, by: actor, idempotency: idempotency)
    }

    /// A registration's own step in its line.
    enum Move: Sendable {
        case withdraw, decline

        var useCase: RecordedUseCase {
            switch self {
            case .withdraw: .waitingListWithdraw
            case .decline: .waitingListDecline
            }
        }
    }

    /// Runs one step of entry `id`'s line in one write, audited.
    private func move(_ move: Move, entry id: Int64, by actor: Actor,
                      idempotency: IdempotencyKey?) async throws(ServiceError<StepRefusal>) -> Recorded<WaitingEntryRecord> {
        try await context.run(StepRefusal.self) {
            let rules = try rules()
            let calendar = context.calendar
            return try await context.recordedWrite(move.useCase, StepRefusal.self, actor: actor, idempotency: idempotency) { db, now in
                let entry = try WaitingEntryRecord.load(db, id: id, rules: rules, for: actor)
                let before = try WaitingLineStore.load(db, slot: entry.slot)
                var line = before
                do throws(Refusal<WaitingLine.Code>) {
                    switch move {
                    case .withdraw: _ = try line.withdraw(String(id), at: now, rules: rules)
                    case .decline: _ = try line.decline(String(id), at: now, rules: rules)
                    }
                } catch {
                    throw try Self.offerRefusal(error)
                }
                try WaitingLineStore.save(db, line, before: before)
                try WaitingDesk(db: db, rules: rules, calendar: calendar, now: now, actor: actor.auditLabel, seeds: context.seeds)
                    .audit(line, before: before)
                return try Encoded(WaitingEntryRecord.load(db, id: id, rules: rules))
            }
        }
    }

    /// What `accept` refuses with: the offer, then every rule of a booking.
    public typealias AcceptRefusal = Refusals<
        IdempotencyCode, WaitingEntryLookupCode, WaitingListRules.Code, WaitingOfferCode, BookingRequestCode,
        FacilityLookupCode, BookableRoomCode, HourRange.Code, RegistrationLookupCode, Registration.Code, Registration.ValidityCode,
        ClosedDayCode, CategoryWindow.Code, LotteryRound.FirstComeCode, DivisionCutoff.Code, ConsecutiveDays.Code,
        WaitingHoldCode, CommunityQuota.Code, MonthlyLimit.Code, CouplingApproval.Code, RoomCoupling.Code, Capacity.Code,
        FeeCalculator.Code
    >

    /// Accepts the running offer (承諾): the slot is booked for the entry's
    /// registration through every booking rule, provisional with its payment
    /// deadline. When a rule refuses the booking (a suspension, the monthly
    /// limit, …), the refusal is answered and the offer ends at once and
    /// passes to the next, as a decline: it is not held to its deadline for
    /// an acceptance that cannot succeed, which would only take the next in
    /// line's hours (docs/DOMAIN.md "Cancellation waiting list (キャンセル待ち)").
    public func accept(entry id: Int64, by actor: Actor,
                       idempotency: IdempotencyKey? = nil) async throws(ServiceError<AcceptRefusal>) -> Recorded<Booking> {
        do throws(ServiceError<AcceptRefusal>) {
            return try await context.run(AcceptRefusal.self) {
                let rules = try rules()
                let center = settings.center, catalogue = context.catalogue
                let roadmapState = context.roadmapState
                let recorded = try await context.recordedWrite(.waitingListAccept, AcceptRefusal.self, actor: actor,
                                                               idempotency: idempotency) { db, now in
                    let entry = try WaitingEntryRecord.load(db, id: id, rules: rules, for: actor)
                    let before = try WaitingLineStore.load(db, slot: entry.slot)
                    var line = before
                    do throws(Refusal<WaitingLine.Code>) {
                        _ = try line.accept(String(id), at: now)
                    } catch {
                        throw try Self.offerRefusal(error)
                    }
                    let facility = center.facility(entry.facility)
                    let hourly = facility?.unit == .hour
                    let request = BookingRequest(
                        facility: entry.facility, date: entry.date, divisions: hourly ? [] : [entry.division],
                        registration: entry.registration, purpose: entry.purpose, attendees: entry.attendees,
                        hours: hourly ? BookingHours(units: [entry.division]) : nil)
                    let desk = BookingDesk(center: center, catalogue: catalogue, calendar: roadmapState.calendar, now: now,
                                           origin: .waitingList(entry: id))
                    let booking = try desk.book(db, request, actor: actor)
                    try db.run("UPDATE waiting_entries SET booking_id = ? WHERE id = ?", [.integer(booking.value.id), .integer(id)])
                    try WaitingLineStore.save(db, line, before: before)
                    try WaitingDesk(db: db, rules: rules, calendar: roadmapState.calendar, now: now, actor: actor.auditLabel, seeds: context.seeds)
                        .audit(line, before: before)
                    return booking
                }
                if let booking = recorded.value { context.bookingTimer.nudge(deadline: booking.paymentDeadline) }
                return recorded
            }
        } catch {
            if case .refused(let refusal) = error, Self.isBookingRule(refusal.code.leaf) {
                await passOn(entry: id, refused: refusal.codeName, by: actor)
            }
            throw error
        }
    }

    /// Whether `code` is a booking rule's, not the offer's own.
    static func isBookingRule(_ code: any ErrorCode) -> Bool {
        !(code is IdempotencyCode || code is WaitingEntryLookupCode || code is WaitingListRules.Code || code is WaitingOfferCode)
    }

    /// Passes a refused acceptance's offer on, as a decline, in a write of
    /// its own after the refused one; an offer no longer running (a retry)
    /// is left as it is.
    private func passOn(entry id: Int64, refused code: String, by actor: Actor) async {
        guard let rules = settings.center.waitingList else { return }
        let calendar = context.calendar
        let now = clock.now()
        _ = await context.timerRound("waiting_list.pass_on") {
            try await pool.write { db in
                let entry = try WaitingEntryRecord.load(db, id: id, rules: rules)
                let before = try WaitingLineStore.load(db, slot: entry.slot)
                var line = before
                guard (try? line.decline(String(id), at: now, rules: rules)) != nil else { return }
                try WaitingLineStore.save(db, line, before: before)
                try WaitingDesk(db: db, rules: rules, calendar: calendar, now: now, actor: actor.auditLabel, seeds: context.seeds).audit(line, before: before)
                try AuditLog.append(db, at: now, actor: actor.auditLabel, action: "waiting_list.acceptance_refused",
                                    entity: "waiting_entry", entityID: String(id), after: ["code": code])
            }
        }
    }

    /// A refusal of the offer chain as the use cases answer it; a missing
    /// seed is a defect of the service, never the caller's.
    static func offerRefusal(_ error: Refusal<WaitingLine.Code>) throws -> any Error {
        switch error.code {
        case .offerNotFound: error.recast(as: WaitingOfferCode.offerNotFound)
        case .offerExpired: error.recast(as: WaitingOfferCode.offerExpired)
        case .waitingEntryNotFound: error.recast(as: WaitingEntryLookupCode.waitingEntryNotFound)
        case .waitingSeedMissing: throw StoreError(code: .typeMismatch, resultCode: 20, message: error.message)
        }
    }

    /// `registration`'s live entries for use dates in `month`.
    static func liveEntries(_ db: Database, registration: Int64, month: YearMonth) throws -> [WaitingEntry] {
        try db.query("""
            SELECT id, facility_id, date, division, applied_at FROM waiting_entries
            WHERE registration_id = ? AND state IN ('waiting', 'offered') AND date BETWEEN ? AND ?
            """, [.integer(registration), month.firstDay.sqlValue, month.lastDay.sqlValue]).map { row in
            WaitingEntry(id: String(try row.get("id") as Int64), registration: String(registration),
                         slot: DivisionSlot(facility: try row.get("facility_id"), date: try row.get("date"),
                                            division: try row.get("division")),
                         appliedAt: try row.get("applied_at"))
        }
    }
}
