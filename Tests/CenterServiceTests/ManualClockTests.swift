import CalendarValues
import CenterDomain
import Testing
@testable import CenterService

struct ManualClockTests {
    @Test func sleeperWakesWhenTheClockPassesItsDeadline() async throws {
        let clock = ManualClock(now: Instant(secondsSinceEpoch: 1_000))
        let sleeper = Task { try await clock.sleep(until: Instant(secondsSinceEpoch: 1_060)) }
        try await clock.waitForSleepers(1)
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

    @Test func cancelledSleeperThrowsCancellation() async throws {
        let clock = ManualClock(now: Instant(secondsSinceEpoch: 0))
        let sleeper = Task { try await clock.sleep(until: Instant(secondsSinceEpoch: 10)) }
        try await clock.waitForSleepers(1)
        sleeper.cancel()
        await #expect(throws: CancellationError.self) { try await sleeper.value }
    }

    @Test func waitingForSleepersReturnsOnceEnoughSleep() async throws {
        let clock = ManualClock(now: Instant(secondsSinceEpoch: 0))
        let sleepers = (1...3).map { n in Task { try await clock.sleep(until: Instant(secondsSinceEpoch: Int64(n))) } }
        try await clock.waitForSleepers(3)
        #expect(clock.sleeperCount == 3)
        clock.advance(seconds: 3)
        for sleeper in sleepers { try await sleeper.value }
    }

    @Test func waitingForSleepersThatNeverComeTimesOut() async {
        let clock = ManualClock(now: Instant(secondsSinceEpoch: 0))
        await #expect(throws: ManualClock.Timeout.self) { try await clock.waitForSleepers(1, timeout: .milliseconds(50)) }
    }
}
