import CenterService
import Foundation

/// Many seeds in a row (CI's bounded run, or `bench/simulate.sh` for hours),
/// with every failure shrunk and reported with its seed.
public struct Campaign {
    /// How a campaign is sized, from the environment (docs/TESTING.md):
    /// `SIMULATION_SEED` (one seed, decimal or 0x-hex: a replay),
    /// `SIMULATION_SEEDS` and `SIMULATION_STEPS` (the run's size),
    /// `SIMULATION_SECONDS` (run seeds until the time is up instead),
    /// `SIMULATION_BASE_SEED` (where the series of seeds starts; CI's is
    /// fixed, so CI reruns the same runs), `SIMULATION_SHRINK_SECONDS`,
    /// `SIMULATION_TRACE` (print every step), `SIMULATION_JOBS` (runs side by side).
    public struct Size: Sendable {
        public var seeds: Int
        public var steps: Int
        public var seconds: Double?
        public var baseSeed: UInt64
        public var onlySeed: UInt64?
        public var shrinkSeconds: Double
        /// Print every step and its outcome (`SIMULATION_TRACE=1`).
        public var trace = false
        /// How many runs go side by side (`SIMULATION_JOBS`, default 2: the machine's cores).
        public var jobs = 2

        /// CI's size: about 290 s of CPU in a debug build, 155 s on two
        /// quiet cores (docs/TESTING.md "Replaying a seed, and sizes").
        public static let ci = Size(seeds: 200, steps: 300, seconds: nil, baseSeed: 0x5EED_2026_0401, onlySeed: nil, shrinkSeconds: 120)

        public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Size {
            var size = Size.ci
            if let seeds = environment["SIMULATION_SEEDS"].flatMap(Int.init) { size.seeds = seeds }
            if let steps = environment["SIMULATION_STEPS"].flatMap(Int.init) { size.steps = steps }
            if let seconds = environment["SIMULATION_SECONDS"].flatMap(Double.init) { size.seconds = seconds }
            if let base = environment["SIMULATION_BASE_SEED"].flatMap(Campaign.seed) { size.baseSeed = base }
            if let seed = environment["SIMULATION_SEED"].flatMap(Campaign.seed) { size.onlySeed = seed }
            if let shrink = environment["SIMULATION_SHRINK_SECONDS"].flatMap(Double.init) { size.shrinkSeconds = shrink }
            size.trace = environment["SIMULATION_TRACE"] != nil
            if let jobs = environment["SIMULATION_JOBS"].flatMap(Int.init) { size.jobs = max(1, jobs) }
            return size
        }
    }

    /// What a campaign ran and found.
    public struct Report: Sendable {
        public var seedsRun = 0
        public var stepsRun = 0
        public var seconds: Double = 0
        public var failures: [String] = []
        /// How many steps of each operation ended each way, over every run.
        public var tally: [String: Int] = [:]

        /// The tally as lines, most frequent first.
        public var coverage: String {
            tally.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "  \($0.value)\t\($0.key)" }.joined(separator: "\n")
        }

        public var summary: String {
            "simulation: \(seedsRun) seeds, \(stepsRun) steps in \(String(format: "%.1f", seconds)) s, \(failures.count) failing"
        }
    }

    public let size: Size
    public let settings: CenterSettings

    public init(size: Size, settings: CenterSettings) {
        self.size = size
        self.settings = settings
    }

    /// A seed written in decimal or as 0x-hex.
    public static func seed(_ text: String) -> UInt64? {
        text.hasPrefix("0x") ? UInt64(text.dropFirst(2), radix: 16) : UInt64(text)
    }

    public static func hex(_ seed: UInt64) -> String { "0x" + String(seed, radix: 16, uppercase: true) }

    /// Runs the seeds, `size.jobs` at a time, each job on a thread of its
    /// own (`SimulationThread`; each run is one seed on a center of its
    /// own, so runs side by side stay what they are alone); `progress`
    /// hears of each failure as it is found, shrunk on a thread of its own too.
    public func run(progress: (String) -> Void = { print($0) }) async throws -> Report {
        let threads = (0..<max(1, size.jobs)).map { SimulationThread(name: "simulation-\($0)") }
        defer { threads.forEach { $0.stop() } }
        var report = Report()
        let started = Date()
        var series = SplitMix64(state: size.baseSeed)
        var drawn = 0
        func nextSeed() -> UInt64? {
            if let only = size.onlySeed { return drawn == 0 ? only : nil }
            if let seconds = size.seconds {
                if Date().timeIntervalSince(started) >= seconds { return nil }
            } else if drawn >= size.seeds {
                return nil
            }
            return series.next()
        }
        let settings = self.settings, steps = size.steps
        try await withThrowingTaskGroup(of: (thread: Int, result: RunResult).self) { group in
            func start(_ seed: UInt64, on thread: Int) {
                group.addTask(executorPreference: threads[thread]) {
                    (thread, try await Simulation.run(seed: seed, steps: steps, settings: settings))
                }
            }
            for thread in threads.indices {
                guard let seed = nextSeed() else { break }
                drawn += 1
                start(seed, on: thread)
            }
            while let (thread, result) = try await group.next() {
                report.seedsRun += 1
                report.stepsRun += result.steps.count
                report.tally.merge(result.tally, uniquingKeysWith: +)
                if size.trace {
                    progress("seed \(Self.hex(result.seed)) from \(Simulation.start(seed: result.seed).rfc3339)\n"
                        + result.outcomes.joined(separator: "\n"))
                }
                if result.broken != nil {
                    let text = try await withTaskExecutorPreference(threads[thread]) { try await describe(result) }
                    report.failures.append(text)
                    progress(text)
                }
                if let seed = nextSeed() {
                    drawn += 1
                    start(seed, on: thread)
                }
            }
        }
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    /// The failure as the report prints it: the seed and how to replay it,
    /// the invariant and the step, and the shortest failing steps found.
    func describe(_ failing: RunResult) async throws -> String {
        guard let broken = failing.broken else { return "" }
        let (shrunk, replays) = try await Shrinker(maximumSeconds: size.shrinkSeconds).shrink(failing, settings: settings)
        var lines = [
            "SIMULATION FAILURE seed \(Self.hex(failing.seed)) (\(size.steps) steps; replay: "
                + "SIMULATION_SEED=\(Self.hex(failing.seed)) SIMULATION_STEPS=\(broken.step + 1) swift test --filter SimulationTests)",
            "  \(broken)",
            "  shortest failing sequence found: \(shrunk.steps.count) of \(broken.step + 1) steps (\(replays) replays), starting at "
                + Simulation.start(seed: failing.seed).rfc3339,
        ]
        lines += shrunk.outcomes.map { "    \($0)" }
        if let last = shrunk.broken { lines.append("  \(last)") }
        return lines.joined(separator: "\n")
    }
}
