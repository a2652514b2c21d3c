import CalendarValues
import Synchronization

/// Wakes the booking timer early (ServiceTimers) when a new booking's hold
/// lapses before the moment the timer sleeps towards. A booking whose
/// deadline is later wakes nobody: under an opening-day load every booking
/// used to wake the timer, and each wake-up queued two writes and a read
/// that found nothing due. A nudge that arrives while the timer is not
/// waiting (it is running a round, whose read may have missed the booking)
/// is kept, so none is lost.
final class BookingTimer: Sendable {
    private struct State {
        var pending = false
        var waiter: CheckedContinuation<Void, Never>?
        /// Where the waiting timer wakes by itself; nil while it runs a round.
        var wakesAt: Instant?
    }

    private let state = Mutex(State())

    /// Whether the timer waits (for tests: a nudge must leave it waiting or not).
    var isWaiting: Bool { state.withLock { $0.waiter != nil } }

    /// Wakes the waiting timer if `deadline` comes before it would wake by
    /// itself; while it runs a round, the next wait returns at once.
    func nudge(deadline: Instant) { wake(before: deadline) }

    /// Wakes the waiting timer whatever it sleeps towards: for writes that
    /// make bookings whose deadlines the caller does not hold (a lottery's
    /// draw, a series).
    func nudge() { wake(before: nil) }

    private func wake(before deadline: Instant?) {
        let waiter: CheckedContinuation<Void, Never>? = state.withLock { s in
            guard let waiter = s.waiter, let wakesAt = s.wakesAt else {
                s.pending = true
                return nil
            }
            if let deadline, deadline >= wakesAt { return nil }
            s.waiter = nil
            s.wakesAt = nil
            return waiter
        }
        waiter?.resume()
    }

    /// Returns at the next nudge that comes before `wakesAt` (at once if one
    /// is pending) or when the task is cancelled; the caller sleeps until
    /// `wakesAt` beside it.
    func wait(wakingAt wakesAt: Instant) async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow: Bool = state.withLock { s in
                    if s.pending || Task.isCancelled {
                        s.pending = false
                        return true
                    }
                    s.waiter = continuation
                    s.wakesAt = wakesAt
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { s in
                let waiter = s.waiter
                s.waiter = nil
                s.wakesAt = nil
                return waiter
            }
            waiter?.resume()
        }
    }
}
