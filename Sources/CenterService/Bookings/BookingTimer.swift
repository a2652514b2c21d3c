import Synchronization

/// Wakes the booking timer early (ServiceTimers): a new booking may bring a
/// payment deadline earlier than the one the timer sleeps towards. A nudge
/// that arrives while nobody waits is kept, so none is lost.
final class BookingTimer: Sendable {
    private struct State {
        var pending = false
        var waiter: CheckedContinuation<Void, Never>?
    }

    private let state = Mutex(State())

    /// Wakes the waiting timer, or the next one to wait.
    func nudge() {
        let waiter: CheckedContinuation<Void, Never>? = state.withLock { s in
            guard let waiter = s.waiter else {
                s.pending = true
                return nil
            }
            s.waiter = nil
            return waiter
        }
        waiter?.resume()
    }

    /// Returns at the next nudge (at once if one is pending) or when the task is cancelled.
    func wait() async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow: Bool = state.withLock { s in
                    if s.pending || Task.isCancelled {
                        s.pending = false
                        return true
                    }
                    s.waiter = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { s in
                let waiter = s.waiter
                s.waiter = nil
                return waiter
            }
            waiter?.resume()
        }
    }
}
