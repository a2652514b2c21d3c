import Simulation
import Testing

/// Runs each test of a suite on a thread of its own (`SimulationThread`)
/// rather than on Swift's cooperative pool: the simulator's tests are long
/// synchronous work (SQLite on the calling thread), which on the pool's two
/// threads of a two-core machine would starve the other suites' servers.
struct OnSimulationThread: SuiteTrait, TestTrait, TestScoping {
    var isRecursive: Bool { true }

    func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void) async throws {
        guard testCase != nil else { return try await function() }
        try await SimulationThread.run(named: "simulation-test") { try await function() }
    }
}

extension Trait where Self == OnSimulationThread {
    /// Each test on a thread of its own (`OnSimulationThread`).
    static var onSimulationThread: Self { Self() }
}
