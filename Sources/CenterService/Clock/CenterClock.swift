import CalendarValues
import CenterDomain

/// The wall clock the service reads, injected so timers (payment lapses,
/// desk no-shows, locker offers and reminders) are tested without sleeping.
public protocol CenterClock: Sendable {
    func now() -> Instant
    /// Suspends until `deadline` (or returns at once if it has passed).
    /// Throws `CancellationError` when the task is cancelled.
    func sleep(until deadline: Instant) async throws
}
