import CalendarValues
import CenterDomain
internal import Store

extension Desks {
    /// The longest the desk timer sleeps without looking again, in seconds:
    /// a pass booked meanwhile may bring an earlier check-in deadline.
    static let timerMaximumSleepSeconds: Int64 = 60

    /// Releases as no-shows (無断不使用) the booked passes whose check-in
    /// deadline has passed at `now` (`DeskPassRules.isNoShow`): each becomes
    /// `no_show`, its desk is free again at once, and its registration earns
    /// the no-show points of `PenaltyPolicy` (suspended at the threshold).
    /// A pass whose day the center closed after it was booked (臨時休館) was
    /// not the holder's fault: it is cancelled by the center, without points.
    /// Returns the released ids. The desk timer calls it; tests call it directly.
    @discardableResult
    public func releaseNoShows(now: Instant) async throws -> [Int64] {
        let rules = DeskPassRules(settings.center.desks)
        let policy = settings.center.penalties
        let calendar = self.calendar
        let deskPool = settings.center.desks.pool
        return try await pool.write { db in
            let due = try db.query("""
                SELECT \(DeskPass.columns) FROM desk_passes WHERE state = 'booked' AND check_in_deadline < ? ORDER BY id
                """, [now.sqlValue]).map(DeskPass.init(row:))
            guard let first = due.map(\.date).min(), let last = due.map(\.date).max() else { return [] }
            let days = try BookableCalendar.load(db, calendar: calendar, from: first, to: last)
            var released: [Int64] = []
            for before in due where days.isClosed(before.date, facility: deskPool) {
                try db.run("UPDATE desk_passes SET state = 'cancelled', cancelled_at = ?, cancelled_by = ? WHERE id = ?",
                           [now.sqlValue, .text(Self.deskTimerActor), .integer(before.id)])
                try DeskLedger.release(db, pass: before.id)
                _ = try Self.audited(db, pass: before.id, before: before, action: "desk_pass.cancel_closed",
                                     actor: Self.deskTimerActor, now: now)
                released.append(before.id)
            }
            for before in due where !days.isClosed(before.date, facility: deskPool)
                && rules.isNoShow(now: now, deadline: before.checkInDeadline) {
                let points = policy.points(for: .noShow)
                try db.run("UPDATE desk_passes SET state = 'no_show', released_at = ?, penalty_points = ? WHERE id = ?",
                           [now.sqlValue, .integer(Int64(points)), .integer(before.id)])
                try DeskLedger.release(db, pass: before.id)
                try RegistrationPenalty.apply(db, registration: before.registration, event: .noShow, policy: policy,
                                              actor: Self.deskTimerActor, now: now)
                _ = try Self.audited(db, pass: before.id, before: before, action: "desk_pass.no_show",
                                     actor: Self.deskTimerActor, now: now)
                released.append(before.id)
            }
            return released
        }
    }

    /// When the desk timer next has work: one second after the earliest
    /// check-in deadline of a booked pass; nil when none is pending.
    func nextDeskDeadline() async throws -> Instant? {
        try await pool.read { db in
            let deadline: Int64? = try db.queryOne(
                "SELECT min(check_in_deadline) AS at FROM desk_passes WHERE state = 'booked'")?.get("at")
            return deadline.map { Instant(secondsSinceEpoch: $0 + 1) }
        }
    }

    /// The desk timer (no cron): releases due no-shows, then sleeps on the
    /// injected clock until the next check-in deadline, at most
    /// `deskTimerMaximumSleepSeconds`. Runs until cancelled.
    func runTimer() async {
        while !Task.isCancelled {
            let now = clock.now()
            _ = await context.timerRound("desk.no_shows") { try await releaseNoShows(now: now) }
            let fallback = now.adding(seconds: Self.timerMaximumSleepSeconds)
            let upcoming = await context.timerRound("desk.next_deadline") { try await nextDeskDeadline() } ?? nil
            let next = min(upcoming ?? fallback, fallback)
            do {
                try await clock.sleep(until: next)
            } catch {
                return
            }
        }
    }

    static let deskTimerActor = "system:desk-timer"
}
