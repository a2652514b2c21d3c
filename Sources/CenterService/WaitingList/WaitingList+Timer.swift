import CalendarValues
import CenterDomain
internal import Store

extension WaitingList {
    /// The waiting-list timer's work at `now`, in one write: offers past
    /// their deadline expire and pass on, freed slots not yet offered are
    /// offered, and lines past their last waiting day close. Returns the
    /// offers made. The service's timer calls it; tests call it directly.
    @discardableResult
    public func advance(now: Instant) async throws -> [WaitingOfferMade] {
        guard let desk = context.waitingDesk(actor: "system:timer") else { return [] }
        return try await pool.write { db in try desk(db, now).advance() }
    }

    /// The longest the waiting-list timer sleeps without looking again.
    static let timerMaximumSleepSeconds: Int64 = 3600

    /// Expires offers at their deadlines: sleeps on the clock until the
    /// earliest running offer's deadline has passed, or the next midnight in
    /// Japan (waiting closes by the day), at most an hour.
    func runTimer() async {
        guard settings.center.waitingList != nil else { return }
        while !Task.isCancelled {
            let now = clock.now()
            _ = await context.timerRound("waiting_list.advance") { try await advance(now: now) }
            let deadline: Instant? = await context.timerRound("waiting_list.next_deadline") {
                try await pool.read { db in
                    try db.queryOne("SELECT min(deadline) AS at FROM waiting_entries WHERE state = 'offered'")?.get("at") as Instant?
                }
            } ?? nil
            let midnight = now.japanDate.adding(days: 1).startInJapan
            let next = [deadline.map { $0.adding(seconds: 1) }, midnight, now.adding(seconds: Self.timerMaximumSleepSeconds)]
                .compactMap { $0 }.min() ?? midnight
            do {
                try await clock.sleep(until: max(next, now.adding(seconds: 1)))
            } catch {
                return
            }
        }
    }
}
