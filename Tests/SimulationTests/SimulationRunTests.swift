import Foundation
import Simulation
import Testing

/// The simulation of the center (docs/TESTING.md "The simulation"): seeded
/// runs of random operations over the real service, faults included, with
/// every invariant checked after every step. CI runs the bounded size of
/// `Campaign.Size.ci`; the environment sizes it otherwise (a replay of one
/// seed, a longer run: `bench/simulate.sh HOURS`).
@Suite(.onSimulationThread) struct SimulationRunTests {
    @Test func seededRunsKeepEveryInvariant() async throws {
        let campaign = Campaign(size: .fromEnvironment(), settings: try Simulation.settings())
        let environment = ProcessInfo.processInfo.environment
        // `SIMULATION_REPORT=FILE` (bench/simulate.sh): the failures and the
        // summary are written there too, apart from the test's own output.
        let file = environment["SIMULATION_REPORT"]
        let report = try await campaign.run { text in
            print(text)
            file.map { Self.append(text, to: $0) }
        }
        print(report.summary)
        file.map { Self.append(report.summary, to: $0) }
        if environment["SIMULATION_COVERAGE"] != nil { print(report.coverage) }
        #expect(report.failures.isEmpty, "\(report.failures.joined(separator: "\n\n"))")
    }

    static func append(_ text: String, to path: String) {
        guard let handle = FileHandle(forWritingAtPath: path) ?? {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
            return FileHandle(forWritingAtPath: path)
        }() else { return }
        handle.seekToEndOfFile()
        handle.write(Data((text + "\n").utf8))
        try? handle.close()
    }
}
