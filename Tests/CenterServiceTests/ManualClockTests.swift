import CalendarValues
import CenterDomain
import Testing
@testable import CenterService

struct ManualClockTests {
    @Test func sleeperWakesWhenTheClockPassesItsDeadline() async throws {
        let clock = ManualClock(now: Instant(secondsSinceEpoch: 1_000))
        let sleeper = Task { try await clock.sleep(until: Instant(secondsSinceEpoch: 1_060)) }
        while clock.sleeperCount == 0 { await Task.yield() }
        clock.advance(seconds: 59)
        #expect(clock.sleeperCount == 1)
        clock.advance(seconds: 1)
        try await sleeper.value
        #expect(clock.sleeperCount == 0)
    }

    @Test func sleepingUntilThePastReturnsAtOnce() async throws {
        let clock = ManualClock(now: Instant(secondsSinceEpoch: 1_000))
        try await clock.sleep(until: Instant(secondsSinceEpoch: 999))
        #expect(clock.sleeperCount == 0)
    }

    @Test func cancelledSleeperThrowsCancellation() async {
        let clock = ManualClock(now: Instant(secondsSinceEpoch: 0))
        let sleeper = Task { try await clock.sleep(until: Instant(secondsSinceEpoch: 10)) }
        while clock.sleeperCount == 0 { await Task.yield() }
        sleeper.cancel()
        await #expect(throws: CancellationError.self) { try await sleeper.value }
    }
}
