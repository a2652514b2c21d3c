import CenterDomain

/// The service's own timers (no cron): housekeeping that runs on the
/// injected clock. Cancel the handle to stop them at shutdown.
public struct ServiceTimers: Sendable {
    let task: Task<Void, Never>

    public func cancel() { task.cancel() }
}

extension CenterService {
    /// How often the WAL is checkpointed off the request path (SERVER-NOTES 2.2).
    static let checkpointIntervalSeconds: Int64 = 30

    /// Starts the timers; each runs until cancelled.
    public func startTimers() -> ServiceTimers {
        let task = Task { [self] in
            while !Task.isCancelled {
                do {
                    try await clock.sleep(until: clock.now().adding(seconds: Self.checkpointIntervalSeconds))
                } catch {
                    return
                }
                _ = try? await pool.checkpoint()
            }
        }
        return ServiceTimers(task: task)
    }
}
