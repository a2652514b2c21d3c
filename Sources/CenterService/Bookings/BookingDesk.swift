import CalendarValues
import CenterDomain
import JSON
internal import Store

/// Takes a booking (受付) in two steps over the same rules, in the order of
/// docs/API.md "The checks of a booking", each refusing with its code:
///
/// 1. On arrival, on a read snapshot (`onArrival`): a replayed
///    `Idempotency-Key` answers, then every rule runs against the snapshot's
///    facts. A refusal there is final, right as of that instant, and is not
///    recorded under the key (docs/API.md "Idempotency"). A request the
///    snapshot accepts comes out as a `Draft`: its fee, and its JSON with a
///    hole for the id, encoded here, outside the writer.
/// 2. In the single writer (`take`): the facts are read again in the write
///    transaction (other writers may have taken the slot, filled the quota,
///    suspended the registration, closed the room or joined its waiting list
///    since), every rule runs again on them, and the booking is inserted
///    before the transaction ends, so nothing can slip between check and
///    insert. When the writer's facts give the snapshot's decision, the
///    draft's bytes are used as they are: nothing is encoded inside the
///    transaction.
///
/// Both steps run `decide`, a pure function of the plan and the facts, so
/// they cannot disagree on the same state. Bookings made inside another
/// write (a lottery win, a waiting-list acceptance, a series date) run both
/// at once in that write (`book`), with their `origin`.
struct BookingDesk {
    let center: CenterConfiguration
    let catalogue: [FacilityID: Facility]
    let calendar: CenterCalendar
    /// The request's arrival: both steps judge "today" and "now" by it.
    let now: Instant
    /// How the booking comes: a request, a lottery win, a waiting-list offer, a series date.
    var origin: BookingOrigin = .request

    /// What the rules decide for an accepted request: the registration as
    /// they saw it, the staff approval, the fee and the payment deadline.
    struct Decision: Equatable {
        let category: UserCategory
        let inWard: Bool
        let approval: CouplingApproval?
        let fee: BookingFee
        let paymentDeadline: Instant
    }

    /// A request the arrival snapshot accepted, with everything the writer
    /// can reuse when it decides the same.
    struct Draft: Sendable {
        let plan: BookingPlan
        let registration: RegistrationStanding
        let decision: Decision
        let encoding: Encoding
    }

    /// The stored and answered bytes of a decision: the fee's JSON (the
    /// `fee_breakdown` column), the approval's (`coupling_approval`) and the
    /// booking's JSON around its id.
    struct Encoding: Sendable {
        let fee: String
        let approval: String?
        let booking: BookingJSON.Template?
    }

    /// What the arrival snapshot says: the first answer of a replayed key,
    /// or a draft for the writer. A refusal is thrown.
    enum Arrival: Sendable {
        case replay([UInt8])
        case accepted(Draft)
    }

    /// Step 1, on a read snapshot: the replay of a known key, or the draft.
    func onArrival(_ db: Database, _ request: BookingRequest, actor: Actor, idempotency: IdempotencyKey?) throws -> Arrival {
        if let idempotency, let first = try IdempotencyStore.replay(db, actor: actor.auditLabel, key: idempotency,
                                                                   useCase: .bookingCreate, codes: Bookings.BookRefusal.self) {
            return .replay(first)
        }
        return .accepted(try draft(db, request, actor: actor))
    }

    /// The plan of `request`, judged on `db`'s facts, with its bytes.
    func draft(_ db: Database, _ request: BookingRequest, actor: Actor) throws -> Draft {
        let plan = try BookingPlan(request, center: center, now: now)
        let (facts, decision) = try judge(db, plan)
        return Draft(plan: plan, registration: facts.registration, decision: decision,
                     encoding: try encode(plan, registration: facts.registration, decision: decision, actor: actor))
    }

    /// The facts of `plan` as `db` holds them, and what the rules decide on
    /// them: the one judgement both steps make, each on its own connection.
    func judge(_ db: Database, _ plan: BookingPlan) throws -> (BookingFacts, Decision) {
        let facts = try BookingFacts.load(db, plan: plan, center: center, calendar: calendar)
        return (facts, try decide(plan, facts: facts))
    }

    /// Both steps at once, inside the caller's write transaction: the
    /// request's own checks, every rule on this transaction's facts, and the
    /// insert. A lottery win, a waiting-list acceptance and a series date
    /// book this way.
    func book(_ db: Database, _ request: BookingRequest, actor: Actor) throws -> Encoded<Booking> {
        try request.checkWellFormed()
        let draft = try draft(db, request, actor: actor)
        return try insert(db, draft.plan, registration: draft.registration, decision: draft.decision,
                          encoding: draft.encoding, actor: actor)
    }

    /// Step 2, in the single writer: the rules again on the writer's facts,
    /// then the insert; the booking comes back with its JSON, for its audit
    /// line, its idempotency record and its answer.
    func take(_ db: Database, _ draft: Draft, actor: Actor) throws -> Encoded<Booking> {
        let plan = draft.plan
        let (facts, decision) = try judge(db, plan)
        let encoding = decision == draft.decision && facts.registration.id == draft.registration.id
            ? draft.encoding
            : try encode(plan, registration: facts.registration, decision: decision, actor: actor)
        return try insert(db, plan, registration: facts.registration, decision: decision, encoding: encoding, actor: actor)
    }

    /// Inserts the booking `decision` accepted, its units and its audit line.
    func insert(_ db: Database, _ plan: BookingPlan, registration: RegistrationStanding, decision: Decision,
                encoding: Encoding, actor: Actor) throws -> Encoded<Booking> {
        let request = plan.request
        let by = actor.auditLabel
        // The row's id is the insert's rowid and its feed id is made here;
        // everything else is what it was given, so the booking is not read
        // back (a `RETURNING` clause would make SQLite build a temporary
        // b-tree for its one row on every insert).
        let feedID = Self.newFeedID()
        try db.run(Self.insertBooking, [
            .integer(registration.id), registration.category.sqlValue, plan.facility.id.sqlValue,
            plan.first.sqlValue, plan.last.sqlValue, .text(plan.divisions.map(\.rawValue).joined(separator: ",")),
            .text(request.purpose), .integer(Int64(request.attendees)), .integer(Int64(request.admissionCharged)),
            request.commercial.sqlValue, (!registration.inWard).sqlValue, request.guardian.map { .text($0) } ?? .null,
            .integer(Int64(decision.fee.total)), .text(encoding.fee), decision.paymentDeadline.sqlValue, now.sqlValue,
            .text(by), .text(feedID), .text(origin.source.rawValue), origin.series.map { .integer($0) } ?? .null,
            encoding.approval.map { .text($0) } ?? .null,
        ])
        let id = db.lastInsertRowID
        try BookingLedger.insertUnits(db, booking: id, facility: plan.facility.id, dates: plan.dates, divisions: plan.divisions,
                                      registration: registration.id, community: registration.category.isCommunity)
        let row = BookingRow(taken: id, feedID: feedID, request: request, registration: registration,
                             divisions: plan.divisions, feeTotal: decision.fee.total, fee: encoding.fee,
                             paymentDeadline: decision.paymentDeadline, at: now, by: by, origin: origin,
                             approval: decision.approval)
        let booking = Booking(row, fee: decision.fee)
        let encoded = try encoding.booking.map { Encoded(booking, json: $0.json(id: id)) } ?? Encoded(booking)
        try AuditLog.append(db, at: now, actor: by, action: "booking.create", entity: "booking",
                            entityID: String(id), after: encoded)
        return encoded
    }

    /// Every rule from the registration on, against `facts`: the decision,
    /// or the first refusal.
    func decide(_ plan: BookingPlan, facts: BookingFacts) throws -> Decision {
        let today = now.japanDate
        let request = plan.request
        let facility = plan.facility, divisions = plan.divisions, dates = plan.dates
        let first = plan.first, last = plan.last
        let record = facts.registration
        try record.registration.checkCanBook(today: today)
        try record.registration.checkValid(on: dates)

        let days = facts.days
        if let closed = dates.first(where: { days.isClosed($0, facility: facility.id) }) {
            throw days.closedError(on: closed, facility: facility.id)
        }

        guard let window = center.window(for: record.category) else {
            throw Refusal(BookingRequestCode.categoryNotPermitted, "The \(record.category.rawValue) category books no rooms.",
                          details: ["category": record.category.rawValue, "kind": facility.kind.rawValue])
        }
        for date in dates {
            let opens = window.opens?.opening.opening(for: date, in: calendar) ?? date
            try window.check(kind: facility.kind, useDate: date, today: today, windowOpens: opens)
        }
        if !origin.isLotteryWin, let round = center.lotteryRound(for: facility.id, category: record.category) {
            for date in dates { try round.checkFirstCome(category: record.category, facility: facility.id, useDate: date, now: now) }
        }

        if dates.contains(today) {
            try DivisionCutoff.checkNotEnded(center.divisions.filter { divisions.contains($0.id) }, on: today, now: now)
        }

        // The run joins this registration's live units of the room on
        // adjacent days (none are read when the limit does not apply).
        try center.limits.consecutive.check(first: first, last: last, category: record.category, heldDays: facts.heldDays) {
            days.isClosed($0, facility: facility.id)
        }

        for date in dates {
            for division in divisions where facts.taken.contains(BookingFacts.Unit(date: date, division: division)) {
                throw BookingLedger.slotTaken(facility: facility.id, date: date, division: division)
            }
        }
        try WaitingHold(rules: center.waitingList, live: facts.waiting, now: now)
            .checkFree(facility: facility.id, dates: dates, divisions: divisions, origin: origin)

        if let quota = center.quota(for: facility.id) {
            for month in plan.months {
                guard let useDate = dates.first(where: { $0.yearMonth == month && quota.isProtected(useDate: $0, today: today) })
                else { continue }
                let bookable = facts.bookableUnits[month] ?? days.bookableUnits(in: month, facility: facility)
                try quota.check(category: record.category, useDate: useDate, today: today, bookableUnits: bookable,
                                nonCommunityUnitsBooked: facts.nonCommunityUnits[month] ?? 0,
                                requestedUnits: plan.requestedUnits(in: month))
            }
        }

        let facilityClass = MonthlyLimit.facilityClass(of: facility)
        for month in plan.months {
            let already = (facts.registrationUnits[month] ?? [:]).reduce(0) { sum, held in
                sum + (catalogue[held.key].map(MonthlyLimit.facilityClass(of:)) == facilityClass ? held.value : 0)
            }
            try center.limits.monthly.check(category: record.category, month: month, facilityClass: facilityClass,
                                            alreadyBooked: already, requested: plan.requestedUnits(in: month))
        }

        let couplings = center.couplings(for: facility.id)
        let approval = try request.couplingApproval.map { input throws(Refusal<CouplingApproval.Code>) in try input.approval(now: now) }
        if approval != nil, couplings.isEmpty {
            throw Refusal(RoomCoupling.Code.couplingApprovalNotAllowed, "\(facility.id) has no coupling for an approval to lift.",
                          details: ["facility": facility.id.rawValue])
        }
        for coupling in couplings {
            for date in dates {
                try coupling.check(registration: String(record.id), date: date, divisions: divisions, companions: facts.companions,
                                   catalogue: catalogue, guardian: request.guardian, approval: approval)
            }
        }

        try Capacity.check(attendees: request.attendees, facility: facility)

        let fee = try Self.fee(center: center, facility: facility, divisions: divisions, hours: request.hours, first: first,
                               days: dates.count, category: record.category, inWard: record.inWard,
                               admissionCharged: request.admissionCharged, commercial: request.commercial,
                               exemptions: request.exemptions)
        return Decision(category: record.category, inWard: record.inWard, approval: approval, fee: fee,
                        paymentDeadline: center.payment.deadline(bookedAt: now, useDate: first))
    }

    /// The fee of `days` days of `divisions` (or of `hours` from `first` on,
    /// for a room let by the hour) of `facility` for a registration of
    /// `category` (使用料, `FeeCalculator`): what a booking records and a
    /// quote (`POST /fees/quote`) answers, by this one path.
    static func fee(center: CenterConfiguration, facility: Facility, divisions: [DivisionID], hours: BookingHours?,
                    first: LocalDate, days: Int, category: UserCategory, inWard: Bool, admissionCharged: Int,
                    commercial: Bool, exemptions: [String]) throws -> BookingFee {
        let perDay = try center.feeCalculator.fee(for: FeeRequest(
            facility: facility, divisions: facility.unit == .hour ? [] : divisions, category: category,
            admissionYen: admissionCharged, commercial: commercial, outOfWard: !inWard, exemptionCodes: exemptions,
            hours: hours.map { $0.on(first) }))
        return BookingFee(days: days, perDay: perDay)
    }

    /// The fee's and the approval's JSON and the booking's JSON around its
    /// id, for `decision`.
    func encode(_ plan: BookingPlan, registration: RegistrationStanding, decision: Decision,
                actor: Actor) throws -> Encoding {
        let fee = try BookingJSON.fee(decision.fee) ?? JSONCodec.encode(decision.fee)
        let text = String(decoding: fee, as: UTF8.self)
        let row = BookingRow(taken: 0, feedID: "", request: plan.request, registration: registration, divisions: plan.divisions,
                             feeTotal: decision.fee.total, fee: text, paymentDeadline: decision.paymentDeadline, at: now,
                             by: actor.auditLabel, origin: origin, approval: decision.approval)
        return Encoding(fee: text, approval: try decision.approval.map { try JSONCodec.text(of: $0) },
                        booking: BookingJSON.template(row, fee: fee))
    }

    static let insertBooking = SQL("""
        INSERT INTO bookings (registration_id, category, facility_id, first_date, last_date, divisions, purpose,
            attendees, admission_charged, commercial, out_of_ward, guardian, state, fee_total, fee_breakdown,
            payment_deadline, created_at, created_by, feed_id, source, series_id, coupling_approval)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'provisional', ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)

    /// A new booking's public feed id (schema version 7): 128 bits from the
    /// system's random source, as 32 lowercase hexadecimal digits.
    static func newFeedID() -> String {
        var random = SystemRandomNumberGenerator()
        let words = [random.next(), random.next()] as [UInt64]
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8](repeating: 0, count: 32)
        for index in 0..<32 {
            text[index] = digits[Int(truncatingIfNeeded: words[index / 16] >> UInt64(60 - 4 * (index % 16))) & 0xF]
        }
        return String(decoding: text, as: UTF8.self)
    }
}
