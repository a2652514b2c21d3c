import CenterDomain

/// The service's own timers (no cron): housekeeping that runs on the
/// injected clock. Cancel the handle to stop them at shutdown.
public struct ServiceTimers: Sendable {
    let task: Task<Void, Never>

    public func cancel() { task.cancel() }
}

extension CenterService {
    /// Starts every area's timer; each runs until cancelled.
    public func startTimers() -> ServiceTimers {
        let housekeeping = self.housekeeping, bookings = self.bookings, desks = self.desks, lockers = self.lockers
        let task = Task {
            await withDiscardingTaskGroup { group in
                group.addTask { await housekeeping.runCheckpoints() }
                group.addTask { await bookings.runTimer() }
                group.addTask { await desks.runTimer() }
                group.addTask { await lockers.runTimer() }
                group.addTask { await housekeeping.runNightlyTimer() }
            }
        }
        return ServiceTimers(task: task)
    }
}
