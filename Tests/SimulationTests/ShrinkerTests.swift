import CenterService
@testable import Simulation
import Testing

/// A run replays from its seed, and a failing run shrinks to a few steps
/// that still fail the same way.
@Suite(.onSimulationThread) struct ShrinkerTests {
    /// Fails once two bookings exist: a stand-in for a real bug.
    final class SecondBooking: Invariant {
        let name = "test.second_booking"
        func check(_ check: StepCheck) throws -> [String] {
            try check.db.int("SELECT count(*) FROM bookings") >= 2 ? ["a second booking"] : []
        }
    }

    @Test func aSeedReplaysTheSameRun() async throws {
        let settings = try Simulation.settings()
        let first = try await Simulation.run(seed: 0xC0FFEE, steps: 120, settings: settings)
        let again = try await Simulation.run(seed: 0xC0FFEE, steps: 120, settings: settings)
        #expect(first.outcomes == again.outcomes)
        let replayed = try await Simulation.replay(first.steps, seed: 0xC0FFEE, settings: settings)
        #expect(replayed.outcomes == first.outcomes)
    }

    @Test func aFailingRunShrinksToTheStepsThatMatter() async throws {
        let settings = try Simulation.settings()
        let invariants: () -> [any Invariant] = { [SecondBooking()] }
        var failing: RunResult?
        for seed in UInt64(1)...20 {
            let run = try await Simulation.run(seed: seed, steps: 300, settings: settings, invariants: invariants)
            if run.broken != nil, run.steps.count > 10 {
                failing = run
                break
            }
        }
        let run = try #require(failing)
        let (shrunk, _) = try await Shrinker(maximumSeconds: 60).shrink(run, settings: settings, invariants: invariants)
        #expect(shrunk.broken?.invariant == "test.second_booking")
        // A registration and two bookings, or a booking of two registrations: a handful of steps.
        #expect(shrunk.steps.count <= 5, "\(shrunk.outcomes.joined(separator: "\n"))")
        #expect(shrunk.steps.count < run.steps.count)
    }
}
