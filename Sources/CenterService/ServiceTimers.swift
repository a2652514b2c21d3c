import CenterDomain

/// The service's own timers (no cron): housekeeping that runs on the
/// injected clock. Cancel the handle to stop them at shutdown.
public struct ServiceTimers: Sendable {
    let task: Task<Void, Never>
    /// How many timer loops run. Each sleeps on the clock only between
    /// rounds, so when this many tasks sleep on a `ManualClock` the timers
    /// are idle, their due work done.
    public let count: Int

    public func cancel() { task.cancel() }
}

extension CenterService {
    /// Starts every area's timer; each runs until cancelled.
    public func startTimers() -> ServiceTimers {
        let housekeeping = self.housekeeping, bookings = self.bookings, desks = self.desks, lockers = self.lockers
        let lottery = self.lottery, waitingList = self.waitingList
        let always: [@Sendable () async -> Void] = [
            { await housekeeping.runCheckpoints() },
            { await bookings.runTimer() },
            { await desks.runTimer() },
            { await lockers.runTimer() },
            { await housekeeping.runNightlyTimer() },
            { await lottery.runTimer() },
        ]
        let waiting: [@Sendable () async -> Void] = settings.center.waitingList == nil ? [] : [{ await waitingList.runTimer() }]
        let timers = always + waiting
        let task = Task {
            await withDiscardingTaskGroup { group in
                for timer in timers { group.addTask { await timer() } }
            }
        }
        return ServiceTimers(task: task, count: timers.count)
    }
}
