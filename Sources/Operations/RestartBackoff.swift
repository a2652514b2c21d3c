/// How long the supervisor waits before restarting a worker that died: 0.1 s
/// after the first death, doubling with each death that follows quickly, at
/// most 30 s; a worker that stayed up for a minute counts as healthy, and its
/// death starts again from 0.1 s. A pure value: it is told the times of the
/// worker's start and death (on any monotonic clock) and answers the delay.
public struct RestartBackoff: Sendable, Hashable {
    /// The delay after a death that follows a healthy run.
    public let initial: Duration
    /// The longest delay.
    public let maximum: Duration
    /// How long a worker must stay up to count as healthy again.
    public let healthyAfter: Duration

    private var next: Duration
    private var startedAt: Duration?

    public init(initial: Duration = .milliseconds(100), maximum: Duration = .seconds(30),
                healthyAfter: Duration = .seconds(60)) {
        self.initial = initial
        self.maximum = maximum
        self.healthyAfter = healthyAfter
        next = initial
    }

    /// Notes that a worker started at `time`.
    public mutating func started(at time: Duration) {
        startedAt = time
    }

    /// The delay before restarting the worker that died at `time`.
    public mutating func delay(afterDeathAt time: Duration) -> Duration {
        if let startedAt, time - startedAt >= healthyAfter { next = initial }
        startedAt = nil
        let delay = next
        next = min(next * 2, maximum)
        return delay
    }
}
