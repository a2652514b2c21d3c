import CalendarValues
import CenterDomain
import JSON
internal import Store

/// What one round of the lottery timer did.
public struct LotteryAdvance: Sendable, Hashable {
    /// `round/month` of each commitment published.
    public var committed: [String] = []
    /// `round/month` of each draw run.
    public var drawn: [String] = []
}

extension Lottery {
    /// The lottery timer's work at `now`, one write per round's month: a
    /// round whose entries have opened gets its commitment (if no entry has
    /// published it), and a round whose draw time has come is drawn. Months
    /// are those whose entries open from last month to next month, and any
    /// month committed but not drawn. The service's timer calls it; tests
    /// call it directly.
    @discardableResult
    public func advance(now: Instant) async throws -> LotteryAdvance {
        var advance = LotteryAdvance()
        let drawn: [String: Bool] = try await pool.read { db in
            Dictionary(try db.query("SELECT round_id, use_month, drawn_at IS NOT NULL AS drawn FROM lottery_months").map { row in
                ("\(try row.get("round_id") as String)/\(try row.get("use_month") as String)", try row.get("drawn") as Bool)
            }, uniquingKeysWith: { first, _ in first })
        }
        for (round, month) in try await dueMonths(now: now) {
            let schedule = round.schedule(for: month)
            let key = "\(round.id)/\(month)"
            if now >= schedule.entryOpens, drawn[key] == nil {
                let seeds = context.seeds
                let committed = try await pool.write { db in
                    try LotteryMonthRow.commit(db, round: round.id, month: month, now: now, seeds: seeds)
                }
                if committed { advance.committed.append(key) }
            }
            if now >= schedule.drawAt, drawn[key] != true, try await draw(round: round, month: month, now: now) {
                advance.drawn.append(key)
            }
        }
        if !advance.drawn.isEmpty { context.bookingTimer.nudge() }
        return advance
    }

    /// The rounds' months the timer looks at.
    func dueMonths(now: Instant) async throws -> [(LotteryRound, YearMonth)] {
        let rounds = self.rounds
        let pending: [(String, YearMonth)] = try await pool.read { db in
            try db.query("SELECT round_id, use_month FROM lottery_months WHERE drawn_at IS NULL ORDER BY use_month")
                .map { (try $0.get("round_id"), try $0.get("use_month")) }
        }
        var months: [(LotteryRound, YearMonth)] = []
        for round in rounds {
            let current = (-1...1).map { now.japanDate.yearMonth.adding(months: $0 + round.monthsBefore) }
            for month in pending.filter({ $0.0 == round.id }).map(\.1) + current
            where !months.contains(where: { $0.0.id == round.id && $0.1 == month }) {
                months.append((round, month))
            }
        }
        return months
    }

    /// Draws `round`'s `month` unless it is drawn: reads the ballot with the
    /// revealed seed, runs `LotteryDraw`, marks every entry won or lost,
    /// books each winner provisionally (every booking rule but the round's
    /// own hold; the payment deadline counts from now), and stores the
    /// ballot and the result, all in one write, audited as the round's
    /// month changing from its commitment alone to its drawn result. A winner's booking a rule
    /// refuses is recorded on its entry and its slots stay open first come.
    /// Returns whether it drew.
    func draw(round: LotteryRound, month: YearMonth, now: Instant) async throws -> Bool {
        let center = settings.center, catalogue = context.catalogue
        let calendar = self.calendar
        return try await pool.write { db in
            guard let stored = try LotteryMonthRow.load(db, round: round.id, month: month), stored.drawnAt == nil,
                  let seedText: String = try db.queryOne("SELECT seed FROM lottery_seeds WHERE round_id = ? AND use_month = ?",
                                                         [.text(round.id), month.sqlValue])?.get("seed"),
                  let seed = LotterySeed(hex: seedText) else { return false }
            let (ballot, entries) = try LotteryBallotBuilder(db: db, center: center, calendar: calendar, now: now)
                .build(round: round, month: month, commitment: stored.commitment, seed: seed)
            let result: LotteryResult
            do throws(Refusal<LotteryDraw.Code>) {
                result = try LotteryDraw.draw(ballot)
            } catch {
                throw StoreError(code: .typeMismatch, resultCode: 20, message: "the ballot of \(round.id)/\(month) was refused: \(error.message)")
            }
            for ranked in result.order {
                guard let entry = entries[ranked.entry] else { continue }
                try db.run("UPDATE lottery_entries SET state = ?, rank = ?, loss = ? WHERE id = ?",
                           [.text(ranked.won ? "won" : "lost"), .integer(Int64(ranked.rank)), ranked.loss.sqlValue, .integer(entry.id)])
                guard ranked.won else { continue }
                let request = BookingRequest(facility: entry.facility, date: entry.date, divisions: entry.divisions,
                                             registration: entry.registration, purpose: entry.purpose, attendees: entry.attendees)
                let desk = BookingDesk(center: center, catalogue: catalogue, calendar: calendar, now: now,
                                       origin: .lotteryWin(entry: entry.id))
                try db.execute("SAVEPOINT lottery_win")
                do {
                    let booking = try desk.book(db, request, actor: Self.drawActor)
                    try db.execute("RELEASE lottery_win")
                    try db.run("UPDATE lottery_entries SET booking_id = ? WHERE id = ?", [.integer(booking.value.id), .integer(entry.id)])
                } catch let refusal as any AnyRefusal {
                    try db.execute("ROLLBACK TO lottery_win; RELEASE lottery_win")
                    try db.run("UPDATE lottery_entries SET booking_refusal = ? WHERE id = ?", [.text(refusal.codeName), .integer(entry.id)])
                }
            }
            try db.run("UPDATE lottery_months SET drawn_at = ?, ballot = ?, result = ? WHERE round_id = ? AND use_month = ?",
                       [now.sqlValue, .text(try JSONCodec.text(of: ballot)), .text(try JSONCodec.text(of: result)),
                        .text(round.id), month.sqlValue])
            try AuditLog.append(db, at: now, actor: Self.drawActor.auditLabel, action: "lottery.draw", entity: "lottery_round",
                                entityID: "\(round.id)/\(month)", before: ["commitment": stored.commitment],
                                after: ["commitment": stored.commitment, "seed": seed.hex, "entries": String(ballot.entries.count),
                                        "winners": String(result.winners.count), "unwon": String(result.unwon.count)])
            return true
        }
    }

    /// Who books the winners, as the audit log names it.
    static let drawActor = Actor(tokenID: 0, role: .staff, name: "lottery draw", registrationID: nil)

    /// The longest the lottery timer sleeps without looking again.
    static let timerMaximumSleepSeconds: Int64 = 3600

    /// Publishes commitments and draws at their times: sleeps on the clock
    /// until the next opening or draw of a month it looks at, at most an hour.
    func runTimer() async {
        while !Task.isCancelled {
            let now = clock.now()
            _ = await context.timerRound("lottery.advance") { try await advance(now: now) }
            let upcoming = await context.timerRound("lottery.next_event") { try await nextEvent(after: now) } ?? nil
            let fallback = now.adding(seconds: Self.timerMaximumSleepSeconds)
            do {
                try await clock.sleep(until: max(min(upcoming ?? fallback, fallback), now.adding(seconds: 1)))
            } catch {
                return
            }
        }
    }

    /// The next entry opening or draw after `now` of the months the timer looks at.
    func nextEvent(after now: Instant) async throws -> Instant? {
        try await dueMonths(now: now).flatMap { round, month in
            let schedule = round.schedule(for: month)
            return [schedule.entryOpens, schedule.drawAt]
        }.filter { $0 > now }.min()
    }
}
