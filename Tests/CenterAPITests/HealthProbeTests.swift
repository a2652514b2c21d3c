import Synchronization
import Testing
@testable import CenterAPI

/// `/health`'s probe (docs/API.md): an `ok` round trip is reused for its
/// maximum age and no longer, a failed one is never reused and forgets the
/// last `ok`, and a damaged file is reported at once, on an injected clock.
struct HealthProbeTests {
    /// What the test sets: the clock, the next round trip's answer, the
    /// damage flag; and the round trips counted.
    final class Knobs: Sendable {
        let start = ContinuousClock.now
        let elapsed = Mutex<Duration>(.zero)
        let roundTrips = Mutex(0)
        let next = Mutex<HealthProbe.Answer>(.ok)
        let damaged = Mutex(false)
    }

    /// A probe on a clock the test moves, counting its round trips.
    struct Rig {
        let knobs = Knobs()
        let probe: HealthProbe

        init() {
            let knobs = knobs
            probe = HealthProbe(maxAge: .seconds(1), now: { knobs.start + knobs.elapsed.withLock { $0 } },
                                damaged: { knobs.damaged.withLock { $0 } }) {
                knobs.roundTrips.withLock { $0 += 1 }
                return knobs.next.withLock { $0 }
            }
        }

        var roundTrips: Int { knobs.roundTrips.withLock { $0 } }
        func advance(_ duration: Duration) { knobs.elapsed.withLock { $0 += duration } }
        func answerNext(_ answer: HealthProbe.Answer) { knobs.next.withLock { $0 = answer } }
        func damage() { knobs.damaged.withLock { $0 = true } }
    }

    @Test func noAnswerIsGivenWithoutARoundTrip() {
        let rig = Rig()
        #expect(rig.probe.recent() == nil)
    }

    @Test func anOKRoundTripIsReusedForLessThanItsMaximumAge() async {
        let rig = Rig()
        #expect(await rig.probe.probe() == .ok)
        rig.advance(.milliseconds(999))
        #expect(rig.probe.recent() == .ok)
        #expect(rig.roundTrips == 1)
    }

    @Test func anOKRoundTripIsStaleAtItsMaximumAge() async {
        let rig = Rig()
        _ = await rig.probe.probe()
        rig.advance(.seconds(1))
        #expect(rig.probe.recent() == nil)
        #expect(await rig.probe.probe() == .ok)
        #expect(rig.probe.recent() == .ok)
        #expect(rig.roundTrips == 2)
    }

    @Test func anUnavailableRoundTripIsNotReusedAndForgetsTheLastOK() async {
        let rig = Rig()
        _ = await rig.probe.probe()
        rig.answerNext(.unavailable)
        #expect(await rig.probe.probe() == .unavailable)
        #expect(rig.probe.recent() == nil)
    }

    @Test func aDamagedFileIsReportedAtOnceOverAFreshOK() async {
        let rig = Rig()
        _ = await rig.probe.probe()
        rig.damage()
        #expect(rig.probe.recent() == .error)
    }

    @Test func aDamagedFileIsReportedWithoutAnyRoundTrip() {
        let rig = Rig()
        rig.damage()
        #expect(rig.probe.recent() == .error)
        #expect(rig.roundTrips == 0)
    }

    /// Through HTTP: a second `/health` within the maximum age is answered
    /// from the first one's round trip, with the same body.
    @Test func aSecondHealthWithinTheMaximumAgeAnswersTheSame() async throws {
        try await withTestServer { server in
            let client = server.client()
            let first = try await client.send("GET", "/health")
            let second = try await client.send("GET", "/health")
            #expect(first.status == 200 && second.status == 200)
            #expect(second.object["database"] as? String == "ok")
        }
    }
}
