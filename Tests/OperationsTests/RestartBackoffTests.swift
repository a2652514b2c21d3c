import Testing
import Operations

/// A monotonic clock that moves only when the test moves it.
struct ManualMonotonicClock {
    private(set) var now: Duration = .zero
    mutating func advance(_ duration: Duration) { now += duration }
}

/// The supervisor's restart delays: 0.1 s doubling to 30 s, reset after a
/// minute of health.
@Suite struct RestartBackoffTests {
    @Test func firstDeathWaitsATenthOfASecond() {
        var clock = ManualMonotonicClock()
        var backoff = RestartBackoff()
        backoff.started(at: clock.now)
        clock.advance(.seconds(2))
        #expect(backoff.delay(afterDeathAt: clock.now) == .milliseconds(100))
    }

    @Test func quickDeathsDoubleTheDelayUpToThirtySeconds() {
        var clock = ManualMonotonicClock()
        var backoff = RestartBackoff()
        var delays: [Duration] = []
        for _ in 0..<12 {
            backoff.started(at: clock.now)
            clock.advance(.milliseconds(500))
            let delay = backoff.delay(afterDeathAt: clock.now)
            delays.append(delay)
            clock.advance(delay)
        }
        #expect(delays == [.milliseconds(100), .milliseconds(200), .milliseconds(400), .milliseconds(800),
                           .milliseconds(1600), .milliseconds(3200), .milliseconds(6400), .milliseconds(12800),
                           .milliseconds(25600), .seconds(30), .seconds(30), .seconds(30)])
    }

    @Test func aMinuteOfHealthResetsTheDelay() {
        var clock = ManualMonotonicClock()
        var backoff = RestartBackoff()
        for _ in 0..<5 {
            backoff.started(at: clock.now)
            clock.advance(.seconds(1))
            clock.advance(backoff.delay(afterDeathAt: clock.now))
        }
        backoff.started(at: clock.now)
        clock.advance(.seconds(60))
        #expect(backoff.delay(afterDeathAt: clock.now) == .milliseconds(100))
    }

    @Test func justUnderAMinuteIsNotYetHealthy() {
        var clock = ManualMonotonicClock()
        var backoff = RestartBackoff()
        backoff.started(at: clock.now)
        clock.advance(.seconds(1))
        clock.advance(backoff.delay(afterDeathAt: clock.now))
        backoff.started(at: clock.now)
        clock.advance(.seconds(59))
        #expect(backoff.delay(afterDeathAt: clock.now) == .milliseconds(200))
    }
}
