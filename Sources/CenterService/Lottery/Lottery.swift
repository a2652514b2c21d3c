import CalendarValues
import CenterDomain
internal import Store

/// Lottery rounds (抽選) through the service: entries made and withdrawn in
/// the entry period, the commitment published when the entries open, the
/// draw at its time with provisional bookings for the winners, and what is
/// published of each round's month: its status, the ballot, the result
/// (docs/DOMAIN.md "Lottery rounds (抽選)"). The rules are `LotteryRound`
/// and `LotteryDraw`; no entry is a booking.
public struct Lottery: AreaService {
    let context: ServiceContext

    /// The configured rounds.
    var rounds: [LotteryRound] { settings.center.lottery?.rounds ?? [] }

    /// Round `id` and `month`, or `lottery_round_not_found` (404).
    func round(_ id: String, month: YearMonth?) throws(Refusal<LotteryLookupCode>) -> (LotteryRound, YearMonth) {
        guard let round = rounds.first(where: { $0.id == id }), let month, (try? SupportedDates.check(month)) != nil else {
            throw Refusal(.lotteryRoundNotFound, "No lottery round \(TextRule.echo(id)) draws \(month?.description ?? "that month").",
                          details: ["round": String(id.prefix(100))])
        }
        return (round, month)
    }

    /// What `enter` refuses with, in the order it checks.
    public typealias EnterRefusal = Refusals<
        IdempotencyCode, LotteryRequestCode, FacilityLookupCode, Capacity.Code, RegistrationLookupCode, Registration.Code,
        Registration.ValidityCode, LotteryRound.EntryCode
    >

    /// Enters the round that the registration's category enters for the
    /// facility (`POST /lottery-entries`): a member for its own
    /// registration, staff for any. The registration must be able to book
    /// on the date (its standing, its validity then), the attendees fit the
    /// room; then `LotteryRound.checkEntry` (period, category, divisions,
    /// closed day, duplicates, the cap). The round's commitment is published
    /// with the first entry if the timer has not yet.
    public func enter(_ request: LotteryEntryRequest, by actor: Actor,
                      idempotency: IdempotencyKey? = nil) async throws(ServiceError<EnterRefusal>) -> Recorded<LotteryEntryRecord> {
        try await context.run(EnterRefusal.self) {
            try Registrations.requireOwn(registration: request.registration, actor: actor)
            let purpose = try TextRule.reason.check(request.purpose, field: "purpose", code: LotteryRequestCode.purposeInvalid)
            guard Set(request.divisions).count == request.divisions.count else {
                throw Refusal(LotteryRequestCode.divisionsRepeated, "A division may be named once.")
            }
            let center = settings.center
            let calendar = self.calendar
            return try await context.recordedWrite(.lotteryEnter, EnterRefusal.self, actor: actor, idempotency: idempotency) { db, now in
                guard let facility = center.facility(request.facility) else {
                    throw Refusal(FacilityLookupCode.facilityNotFound, "No facility has id \(request.facility).",
                                  details: ["facility": request.facility.rawValue])
                }
                try Capacity.check(attendees: request.attendees, facility: facility)
                let standing = try RegistrationStanding.load(db, id: request.registration)
                try standing.registration.checkCanBook(today: now.japanDate)
                try standing.registration.checkValid(on: request.date)
                guard let round = center.lotteryRound(for: facility.id, category: standing.category) else {
                    let drawn = center.lottery?.rounds(for: facility.id).first
                    throw drawn.map { round in
                        Refusal(LotteryRound.EntryCode.lotteryCategoryNotPermitted,
                                "The \(standing.category.rawValue) category does not enter a lottery for \(facility.nameEn); it books first come.",
                                details: ["round": round.id, "category": standing.category.rawValue])
                    } ?? Refusal(LotteryRound.EntryCode.lotteryNotHeld, "\(facility.nameEn) is not drawn by lottery; book it first come.",
                                 details: ["facility": facility.id.rawValue])
                }
                let month = request.date.yearMonth
                let days = try BookableCalendar.load(db, calendar: calendar, from: month.firstDay, to: month.lastDay)
                let held = try Self.liveEntries(db, round: round.id, month: month, registration: standing.id)
                let divisions = try round.checkEntry(category: standing.category, facility: facility, date: request.date,
                                                     divisions: request.divisions, now: now, held: held) {
                    days.isClosed($0, facility: facility.id)
                }
                try LotteryMonthRow.commit(db, round: round.id, month: month, now: now)
                try db.run("""
                    INSERT INTO lottery_entries (round_id, use_month, registration_id, facility_id, date, divisions, purpose, attendees,
                        state, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'entered', ?, ?)
                    """, [.text(round.id), month.sqlValue, .integer(standing.id), facility.id.sqlValue, request.date.sqlValue,
                          .text(divisions.map(\.rawValue).joined(separator: ",")), .text(purpose),
                          .integer(Int64(request.attendees)), now.sqlValue, .text(actor.auditLabel)])
                let entry = try Encoded(LotteryEntryRecord.load(db, id: db.lastInsertRowID))
                try AuditLog.append(db, at: now, actor: actor.auditLabel, action: "lottery_entry.create", entity: "lottery_entry",
                                    entityID: String(entry.value.id), after: entry)
                return entry
            }
        }
    }

    /// What `withdraw` refuses with.
    public typealias WithdrawRefusal = Refusals<IdempotencyCode, LotteryEntryLookupCode, LotteryRound.WithdrawalCode>

    /// Withdraws an entry (取下げ), during the entry period only.
    public func withdraw(entry id: Int64, by actor: Actor,
                         idempotency: IdempotencyKey? = nil) async throws(ServiceError<WithdrawRefusal>) -> Recorded<LotteryEntryRecord> {
        try await context.run(WithdrawRefusal.self) {
            let rounds = self.rounds
            return try await context.recordedWrite(.lotteryWithdraw, WithdrawRefusal.self, actor: actor,
                                                   idempotency: idempotency) { db, now in
                let before = try LotteryEntryRecord.load(db, id: id, for: actor)
                guard before.state == "entered", let round = rounds.first(where: { $0.id == before.round }) else {
                    throw Refusal(LotteryRound.WithdrawalCode.lotteryEntryClosed, "Entry \(before.entry) is \(before.state).",
                                  details: ["entry": before.entry, "state": before.state])
                }
                try round.checkWithdrawal(useMonth: before.month, now: now)
                try db.run("UPDATE lottery_entries SET state = 'withdrawn', withdrawn_at = ?, withdrawn_by = ? WHERE id = ?",
                           [now.sqlValue, .text(actor.auditLabel), .integer(id)])
                let after = try Encoded(LotteryEntryRecord.load(db, id: id))
                try AuditLog.append(db, at: now, actor: actor.auditLabel, action: "lottery_entry.withdraw", entity: "lottery_entry",
                                    entityID: String(id), before: before, after: after)
                return after
            }
        }
    }

    /// Entry `id`; a member sees only its own.
    public func entry(id: Int64, for actor: Actor) async throws(ServiceError<LotteryEntryLookupCode>) -> LotteryEntryRecord {
        try await context.run(LotteryEntryLookupCode.self) {
            try await pool.read { db in try LotteryEntryRecord.load(db, id: id, for: actor) }
        }
    }

    /// The entries of `registration` (a member: its own), of a round and
    /// month when given, newest month first, then by id: each registration's
    /// results after the draw.
    public func entries(registration: Int64?, round: String?, month: YearMonth?, for actor: Actor)
        async throws(ServiceError<RegistrationLookupCode>) -> [LotteryEntryRecord] {
        try await context.run(RegistrationLookupCode.self) {
            if let registration { try Registrations.requireOwn(registration: registration, actor: actor) }
            let owner = actor.role == .member ? actor.registrationID : registration
            var filter = SQLConditions()
            filter.add("registration_id = ?", owner.map { .integer($0) })
            filter.add("round_id = ?", round.map { .text($0) })
            filter.add("use_month = ?", month.map(\.sqlValue))
            let query = "SELECT id FROM lottery_entries" + filter.clause + " ORDER BY use_month DESC, id LIMIT 500"
            let arguments = filter.arguments
            return try await pool.read { db in
                try db.query(query, arguments).map { try LotteryEntryRecord.load(db, id: $0.get("id")) }
            }
        }
    }

    /// Every round for the months whose entries open from last month to
    /// next month, by round then month: what the public page lists.
    public func months() async throws -> [LotteryRoundMonth] {
        let now = clock.now()
        let rounds = self.rounds
        return try await pool.read { db in
            try rounds.flatMap { round in
                try (-1...1).map { offset in
                    let month = now.japanDate.yearMonth.adding(months: offset + round.monthsBefore)
                    return try Self.status(db, round: round, month: month, now: now)
                }
            }
        }
    }

    /// Round `id`'s `month` as the public sees it.
    public func month(round id: String, month: YearMonth?) async throws(ServiceError<LotteryLookupCode>) -> LotteryRoundMonth {
        try await context.run(LotteryLookupCode.self) {
            let (round, month) = try round(id, month: month)
            let now = clock.now()
            return try await pool.read { db in try Self.status(db, round: round, month: month, now: now) }
        }
    }

    /// What reading a ballot or a result refuses with.
    public typealias PublicationRefusal = Refusals<LotteryLookupCode, LotteryPublicationCode>

    /// The published ballot (`bench/replay-lottery.py` reads it): from the
    /// close of the entries without the seed (the free slots as they stand
    /// now), and from the draw the ballot the draw read, with the seed.
    public func ballot(round id: String, month: YearMonth?) async throws(ServiceError<PublicationRefusal>) -> LotteryBallot {
        try await context.run(PublicationRefusal.self) {
            let (round, month) = try round(id, month: month)
            let now = clock.now()
            let center = settings.center, calendar = self.calendar
            return try await pool.read { db in
                let stored = try LotteryMonthRow.load(db, round: round.id, month: month)
                if let ballot = stored?.ballot { return ballot }
                let schedule = round.schedule(for: month)
                guard let stored, now > schedule.entryCloses else {
                    throw Refusal(LotteryPublicationCode.lotteryBallotNotPublished,
                                  "The ballot of \(round.id) for \(month) is published when the entries close, at \(schedule.entryCloses.rfc3339).",
                                  details: ["round": round.id, "month": month.description, "entry_closes": schedule.entryCloses.rfc3339])
                }
                return try LotteryBallotBuilder(db: db, center: center, calendar: calendar, now: now)
                    .build(round: round, month: month, commitment: stored.commitment, seed: nil).ballot
            }
        }
    }

    /// The result of the draw (`LotteryResult`), from the draw on.
    public func result(round id: String, month: YearMonth?) async throws(ServiceError<PublicationRefusal>) -> LotteryResult {
        try await context.run(PublicationRefusal.self) {
            let (round, month) = try round(id, month: month)
            return try await pool.read { db in
                guard let result = try LotteryMonthRow.load(db, round: round.id, month: month)?.result else {
                    throw Refusal(LotteryPublicationCode.lotteryNotDrawn,
                                  "\(round.id) for \(month) is drawn at \(round.schedule(for: month).drawAt.rfc3339).",
                                  details: ["round": round.id, "month": month.description,
                                            "draw_at": round.schedule(for: month).drawAt.rfc3339])
                }
                return result
            }
        }
    }

    static func status(_ db: Database, round: LotteryRound, month: YearMonth, now: Instant) throws -> LotteryRoundMonth {
        let stored = try LotteryMonthRow.load(db, round: round.id, month: month)
        let counts = try db.queryOne("""
            SELECT count(*) AS entries, count(DISTINCT registration_id) AS applicants FROM lottery_entries
            WHERE round_id = ? AND use_month = ? AND state <> 'withdrawn'
            """, [.text(round.id), month.sqlValue])
        return LotteryRoundMonth(round: round, month: month, now: now, stored: stored,
                                 entries: try counts?.get("entries") ?? 0, applicants: try counts?.get("applicants") ?? 0)
    }

    /// `registration`'s live entries in `round` for `month`, as the rules read them.
    static func liveEntries(_ db: Database, round: String, month: YearMonth, registration: Int64) throws -> [LotteryEntry] {
        try db.query("""
            SELECT id, facility_id, date, divisions FROM lottery_entries
            WHERE round_id = ? AND use_month = ? AND registration_id = ? AND state = 'entered' ORDER BY id
            """, [.text(round), month.sqlValue, .integer(registration)]).map { row in
            LotteryEntry(id: LotteryEntryRecord.ballotID(try row.get("id")), applicant: String(registration),
                         facility: try row.get("facility_id"), date: try row.get("date"),
                         divisions: (try row.get("divisions") as String).split(separator: ",").map { DivisionID(String($0)) })
        }
    }
}
