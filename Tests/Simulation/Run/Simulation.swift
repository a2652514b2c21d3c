import CalendarValues
import CenterDomain
import CenterService
import Foundation

/// One step of a run: its place in the run as first generated (which names
/// its Idempotency-Key and the entities it makes) and its operation.
public struct Step: Sendable, CustomStringConvertible {
    public let index: Int
    public let operation: any SimOperation
    public var description: String { "#\(index) \(operation.description)" }
}

/// An invariant broken: where, by what, and how.
public struct Broken: Sendable, CustomStringConvertible {
    public let invariant: String
    public let step: Int
    public let operation: String
    public let outcome: String
    public let problems: [String]

    public var description: String {
        "invariant \(invariant) broken at step #\(step): \(operation) → \(outcome)\n"
            + problems.map { "      - \($0)" }.joined(separator: "\n")
    }
}

/// What one run did: the steps it ran, their outcomes as text, and the
/// first invariant it broke.
public struct RunResult: Sendable {
    public let seed: UInt64
    public let steps: [Step]
    public let outcomes: [String]
    public let broken: Broken?
    /// How many steps of each operation ended each way (`book: refused slot_taken`).
    public let tally: [String: Int]
}

/// The simulation of the center (docs/TESTING.md "The simulation"): a seed
/// fixes a run, a run is a list of steps generated from the seed and the
/// world as it goes, every invariant is checked after every step, and a
/// failing run is shrunk to the shortest list of steps that still breaks
/// the same invariant.
public enum Simulation {
    /// The repository's Config/ and schedules/, with the locker set cut to
    /// 4 and the desk pool to 3, so that a few hundred steps meet full
    /// lockers, the waitlist and taken desks; every rule is the real one.
    public static func settings() throws -> CenterSettings {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        let loaded = try SettingsLoader.load(configDirectory: url.path + "/Config", schedulesDirectory: url.path + "/schedules")
        var center = loaded.center
        center.lockers.ids = Array(center.lockers.ids.prefix(4))
        center.lockers.count = center.lockers.ids.count
        center.desks.desks = Array(center.desks.desks.prefix(3))
        center.desks.count = center.desks.desks.count
        return CenterSettings(center: center, calendar: loaded.calendar, roadmap: loaded.roadmap, operations: loaded.operations)
    }

    /// Where a seed's run starts: a day from FY2025 to FY2029 (the
    /// renovation's years) at a time between 08:00 and 21:59 in Japan.
    public static func start(seed: UInt64) -> Instant {
        var random = SimulationRandom(seed: seed ^ 0x5354_4152_54)
        let first = LocalDate(year: 2025, month: 4, day: 1)?.daysSinceEpoch ?? 0
        let last = LocalDate(year: 2030, month: 3, day: 31)?.daysSinceEpoch ?? first
        return Instant(japanDate: LocalDate(daysSinceEpoch: random.int(first...last)), minuteOfDay: random.int(480...1319))
    }

    /// Generates and runs `count` steps from `seed`, stopping at the first
    /// broken invariant.
    public static func run(seed: UInt64, steps count: Int, settings: CenterSettings,
                           invariants: () -> [any Invariant] = InvariantCatalogue.all) async throws -> RunResult {
        var random = SimulationRandom(seed: seed)
        let runner = try await Runner(settings: settings, start: start(seed: seed), seed: seed, invariants: invariants())
        defer { runner.close() }
        var steps: [Step] = []
        for index in 0..<count {
            let step = Step(index: index, operation: try generate(&random, runner.view))
            steps.append(step)
            if let broken = try await runner.run(step) {
                return RunResult(seed: seed, steps: steps, outcomes: runner.outcomes, broken: broken, tally: runner.tally)
            }
        }
        return RunResult(seed: seed, steps: steps, outcomes: runner.outcomes, broken: nil, tally: runner.tally)
    }

    /// Runs `steps` as they are (a replay, or a shrunk candidate).
    public static func replay(_ steps: [Step], seed: UInt64, settings: CenterSettings,
                              invariants: () -> [any Invariant] = InvariantCatalogue.all) async throws -> RunResult {
        let runner = try await Runner(settings: settings, start: start(seed: seed), seed: seed, invariants: invariants())
        defer { runner.close() }
        for (position, step) in steps.enumerated() {
            if let broken = try await runner.run(step) {
                return RunResult(seed: seed, steps: Array(steps[...position]), outcomes: runner.outcomes, broken: broken, tally: runner.tally)
            }
        }
        return RunResult(seed: seed, steps: steps, outcomes: runner.outcomes, broken: nil, tally: runner.tally)
    }

    /// Draws the next operation: a family in proportion to its weight now,
    /// or a fault around one.
    static func generate(_ random: inout SimulationRandom, _ view: WorldView) throws -> any SimOperation {
        let families = OperationCatalogue.families, faults = OperationCatalogue.faults
        for _ in 0..<20 {
            let weights = families.map { $0.weight(view) } + [faults.weight(view)]
            guard let chosen = random.weighted(weights) else { break }
            let operation: (any SimOperation)?
            if chosen == families.count {
                operation = try faults.make(&random, view) { random in
                    let requests = families.filter { !($0 is ClockOperations) }
                    guard let family = random.weighted(requests.map { $0.weight(view) }) else { return nil }
                    return try requests[family].make(&random, view)
                }
            } else {
                operation = try families[chosen].make(&random, view)
            }
            if let operation { return operation }
        }
        return AdvanceOperation(seconds: 3600)
    }
}

/// Runs steps over one center and checks every invariant after each.
final class Runner {
    let center: SimulatedCenter
    let world = World()
    let plan: TableImages.Plan
    let invariants: [any Invariant]
    let calendar: CalendarOracle
    private var images: TableImages
    private(set) var outcomes: [String] = []
    private(set) var tally: [String: Int] = [:]

    init(settings: CenterSettings, start: Instant, seed: UInt64 = 0, invariants: [any Invariant] = InvariantCatalogue.all()) async throws {
        center = try await SimulatedCenter(settings: settings, start: start, seed: seed)
        self.invariants = invariants
        plan = try TableImages.Plan(center.reader)
        images = try imageCache.images(center, plan: plan, full: false).images
        calendar = CalendarOracle(settings: settings)
        try calendar.refresh(center.reader, images: images)
    }

    var view: WorldView { WorldView(world: world, center: center) }

    func close() { center.close() }

    static func kind(of outcome: Outcome) -> String {
        switch outcome {
        case .answered: "answered"
        case .refused(let refused): "refused \(refused.code)"
        case .failed: "failed"
        case .skipped: "skipped"
        case .done: "done"
        }
    }

    /// Runs one step; the first invariant it breaks, if any.
    func run(_ step: Step) async throws -> Broken? {
        let context = StepContext(center: center, world: world, step: step.index, plan: plan, imageCache: imageCache)
        let outcome = await step.operation.run(context)
        world.record(step: step.index, operation: step.operation, outcome: outcome)
        step.operation.learn(from: outcome, step: step.index, world: world)
        outcomes.append("\(step) → \(outcome)")
        tally["\(type(of: step.operation.request)): \(Self.kind(of: outcome))", default: 0] += 1
        return try judge(step, outcome: outcome, evidence: context.evidence).first
    }

    /// The images as last taken.
    let imageCache = TableImages.Cache()
    /// The day the invariants last judged.
    private var judgedOn: LocalDate?

    /// Every invariant the database and `outcome` break after `step`. The
    /// images are taken again only when something committed since the last
    /// step (SQLite's `data_version`), and an invariant that judges only
    /// tables is skipped when none of them changed (and the day did not,
    /// for one that reads it): its verdict would be the one it gave before.
    func judge(_ step: Step, outcome: Outcome, evidence: StepEvidence) throws -> [Broken] {
        // Taken again only after a commit (`TableImages.Cache`): after a
        // step that wrote nothing, the same images, which compare equal at once.
        let after = try imageCache.images(center, plan: plan, full: false).images
        try calendar.refresh(center.reader, images: after)
        let changed = Set(images.changedTables(to: after))
            .union(after.lastAuditID != images.lastAuditID ? ["audit_log"] : [])
            .union(after.idempotencyRecords != images.idempotencyRecords ? ["idempotency_keys"] : [])
        let dayChanged = judgedOn != center.today
        let check = StepCheck(step: step.index, operation: step.operation, outcome: outcome, evidence: evidence,
                              before: images, after: after, center: center, calendar: calendar, changedTables: changed)
        images = after
        judgedOn = center.today
        // Every invariant looks at every step, so those that follow the log
        // (the audit trail) keep up even when another one fails.
        return try invariants.compactMap { invariant in
            if let reads = invariant.reads, reads.isDisjoint(with: changed), !(invariant.readsToday && dayChanged) { return nil }
            let problems = try invariant.check(check)
            return problems.isEmpty ? nil : Broken(invariant: invariant.name, step: step.index, operation: step.operation.description,
                                                   outcome: outcome.description, problems: problems)
        }
    }
}
