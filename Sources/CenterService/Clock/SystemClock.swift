import CalendarValues
import CenterDomain
import Glibc

/// The real clock: CLOCK_REALTIME for `now`, `Task.sleep` for waiting.
public struct SystemClock: CenterClock {
    public init() {}

    public func now() -> Instant {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Instant(secondsSinceEpoch: Int64(ts.tv_sec))
    }

    public func sleep(until deadline: Instant) async throws {
        let seconds = deadline.secondsSinceEpoch - now().secondsSinceEpoch
        if seconds > 0 { try await Task.sleep(for: .seconds(seconds)) }
    }
}
