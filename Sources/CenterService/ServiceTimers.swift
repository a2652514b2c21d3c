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
    /// How often the WAL is checkpointed off the request path (docs/SERVER.md 2.2).
    /// Every second: under an opening-day load the WAL passed SQLite's
    /// 1,000-page automatic checkpoint long before 30 s, and that checkpoint
    /// (copy plus fsync of the database file) ran inside the writer's COMMIT.
    /// A PASSIVE checkpoint of an idle WAL costs next to nothing.
    static let checkpointIntervalSeconds: Int64 = 1
    /// The longest the booking timer sleeps without looking again.
    static let bookingTimerMaximumSleepSeconds: Int64 = 3600

    /// Starts the timers; each runs until cancelled.
    public func startTimers() -> ServiceTimers {
        let timers: [@Sendable () async -> Void] = [
            { await self.runCheckpoints() },
            { await self.runBookingTimer() },
            { await self.runDeskTimer() },
            { await self.runLockerTimer() },
            { await self.runNightlyTimer() },
        ]
        let task = Task {
            await withDiscardingTaskGroup { group in
                for timer in timers { group.addTask { await timer() } }
            }
        }
        return ServiceTimers(task: task, count: timers.count)
    }

    private func runCheckpoints() async {
        while !Task.isCancelled {
            do {
                try await clock.sleep(until: clock.now().adding(seconds: Self.checkpointIntervalSeconds))
            } catch {
                return
            }
            _ = await timerRound("checkpoint") { try await pool.checkpoint() }
        }
    }

    /// Lapses unpaid provisional bookings at their deadline (仮予約の失効) and
    /// closes used ones (no-show, done): sleeps on the clock until the
    /// earliest pending event, or until a new booking nudges it.
    private func runBookingTimer() async {
        while !Task.isCancelled {
            let now = clock.now()
            _ = await timerRound("booking.lapse") { try await lapseDue(now: now) }
            _ = await timerRound("booking.close_used") { try await closeUsedBookings(now: now) }
            let fallback = now.adding(seconds: Self.bookingTimerMaximumSleepSeconds)
            let upcoming = await timerRound("booking.next_event") { try await nextBookingEvent() } ?? nil
            let next = max(min(upcoming ?? fallback, fallback), now.adding(seconds: 1))
            await withTaskGroup(of: Void.self) { group in
                group.addTask { try? await self.clock.sleep(until: next) }
                group.addTask { await self.bookingTimer.wait() }
                await group.next()
                group.cancelAll()
            }
        }
    }
}
