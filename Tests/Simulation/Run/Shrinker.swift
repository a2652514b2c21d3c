import CenterService
import Foundation

/// Shrinks a failing run to the shortest list of its steps found that still
/// breaks the same invariant: the steps after the failure are dropped, and
/// the steps that were skipped, then chunks of the rest, halving the chunk when no chunk can go (the
/// delta-debugging scheme of Zeller's ddmin, greedy), within a budget of
/// replays and time. Steps keep their first index, so keys and references
/// mean the same; a step whose reference was dropped is skipped.
public struct Shrinker {
    public var maximumReplays = 400
    public var maximumSeconds: Double = 120

    public init(maximumReplays: Int = 400, maximumSeconds: Double = 120) {
        self.maximumReplays = maximumReplays
        self.maximumSeconds = maximumSeconds
    }

    /// The shortest failing run found, and how many replays it took.
    public func shrink(_ failing: RunResult, settings: CenterSettings,
                       invariants: () -> [any Invariant] = InvariantCatalogue.all) async throws -> (run: RunResult, replays: Int) {
        guard let broken = failing.broken else { return (failing, 0) }
        let started = Date()
        var best = failing
        var replays = 0
        func stillFails(_ steps: [Step]) async throws -> RunResult? {
            replays += 1
            let result = try await Simulation.replay(steps, seed: failing.seed, settings: settings, invariants: invariants)
            return result.broken?.invariant == broken.invariant ? result : nil
        }
        func withinBudget() -> Bool { replays < maximumReplays && Date().timeIntervalSince(started) < maximumSeconds }
        // A step that was skipped (its reference made by a step not run)
        // did nothing and drew nothing: without it the run is the same.
        let ran = Set(zip(best.steps, best.outcomes).filter { !$1.contains(" → skipped (") }.map { $0.0.index })
        if ran.count < best.steps.count, let shorter = try await stillFails(best.steps.filter { ran.contains($0.index) }) {
            best = shorter
        }
        var chunk = max(1, best.steps.count / 2)
        while chunk >= 1, withinBudget() {
            var start = 0
            var removed = false
            while start < best.steps.count, withinBudget() {
                var candidate = best.steps
                candidate.removeSubrange(start..<min(start + chunk, candidate.count))
                if !candidate.isEmpty, let shorter = try await stillFails(candidate) {
                    best = shorter
                    removed = true
                } else {
                    start += chunk
                }
            }
            if !removed { chunk /= 2 }
        }
        return (best, replays)
    }
}
