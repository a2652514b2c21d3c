import CalendarValues
import CenterDomain
import CenterService
import Roadmap

/// 改修ロードマップ: planners move an item's works near the present (the plan
/// and its closures together), remove its closures, cancel or restore it, or
/// ask for a closure outside its dates; always with a dry run first in the
/// same step or an earlier one, and confirmations that are right, stale or
/// missing (`confirm_displaced`).
public struct RoadmapOperations: OperationFamily {
    public let name = "roadmap"

    public func weight(_ view: WorldView) -> Int { view.world.count(.booking) > 3 ? 3 : 1 }

    public func make(_ random: inout SimulationRandom, _ view: WorldView) throws -> (any SimOperation)? {
        // Confirm an earlier dry run, as a planner does after reading it.
        if random.chance(0.3) {
            let dryRuns = view.world.operations.filter { step, operation in
                (operation as? RoadmapChangeOperation)?.mode == .dryRun && view.world.outcomes[step]?.answer != nil
            }.keys.sorted()
            if let step = random.pick(dryRuns), let dryRun = view.world.operations[step] as? RoadmapChangeOperation {
                return RoadmapChangeOperation(item: dryRun.item, update: dryRun.update, mode: .confirmDryRunOf(step))
            }
        }
        let schedule = view.center.service.roadmap.schedule
        // Items no other depends on and with no dependency of their own can
        // move freely; the others are tried too, for the dependency rules.
        let dependedOn = Set(schedule.items.flatMap(\.dependsOn))
        let free = schedule.items.filter { $0.dependsOn.isEmpty && !dependedOn.contains($0.id) && $0.status != .done }
        guard let item = random.chance(0.85) ? random.pick(free) : random.pick(schedule.items) else { return nil }
        let update: RoadmapUpdate
        switch random.weighted([6, 1, 1, 1, 1]) ?? 0 {
        case 0:
            let start = view.today.yearMonth.adding(months: random.int(0...3))
            let end = start.adding(months: random.int(0...3))
            let from = start.firstDay.adding(days: random.int(0...(start.firstDay.days(until: end.lastDay))))
            let to = min(from.adding(days: random.int(0...6)), end.lastDay)
            update = RoadmapUpdate(status: .planned, plannedStart: start, plannedEnd: end,
                                   closures: [WorksClosure(facilities: Self.facilities(&random), from: from, to: to, dateSource: .stated)])
        case 1:
            update = RoadmapUpdate(closures: [])
        case 2:
            update = RoadmapUpdate(status: .cancelled)
        case 3:
            update = RoadmapUpdate(status: .planned)
        default:
            // A closure outside the item's own dates: refused.
            let from = item.plannedEnd.lastDay.adding(days: random.int(1...30))
            update = RoadmapUpdate(closures: [WorksClosure(facilities: Self.facilities(&random), from: from, to: from, dateSource: .stated)])
        }
        let mode: RoadmapChangeOperation.Mode = switch random.weighted([3, 5, 1, 1]) ?? 0 {
        case 0: .dryRun
        case 1: .confirmAfterDryRun
        case 2: .confirm(random.int(0...3))
        default: .unconfirmed
        }
        return RoadmapChangeOperation(item: item.id, update: update, mode: mode)
    }

    static func facilities(_ random: inout SimulationRandom) -> [String] {
        if random.chance(0.1) { return [] }
        let pool = ClosureOperations.closable.map(\.rawValue)
        return Array(Set((0..<random.int(1...2)).compactMap { _ in random.pick(pool) })).sorted()
    }
}

/// `PATCH /roadmap/items/{id}` by a planner, with `?dry_run=true` or
/// `?confirm_displaced=N` (no Idempotency-Key: a PATCH).
struct RoadmapChangeOperation: SimOperation {
    /// How the planner sends the change.
    enum Mode: Equatable, Sendable {
        /// The dry run alone: it must change nothing.
        case dryRun
        /// A dry run, then the change confirmed with the dry run's count.
        case confirmAfterDryRun
        /// Confirmed with the count of the dry run of an earlier step (stale
        /// when bookings changed since).
        case confirmDryRunOf(Int)
        /// Confirmed with a number of the planner's own.
        case confirm(Int)
        /// Sent without a confirmation.
        case unconfirmed
    }

    let item: String
    let update: RoadmapUpdate
    let mode: Mode

    var isKeyed: Bool { false }

    var description: String {
        var parts: [String] = []
        if let status = update.status { parts.append("status \(status.rawValue)") }
        if let start = update.plannedStart, let end = update.plannedEnd { parts.append("planned \(start)…\(end)") }
        if let closures = update.closures {
            parts.append("closures [" + closures.map {
                "\($0.facilities.isEmpty ? "all" : $0.facilities.joined(separator: ",")) \($0.from)…\($0.to)"
            }.joined(separator: "; ") + "]")
        }
        let how = switch mode {
        case .dryRun: "dry run"
        case .confirmAfterDryRun: "dry run then confirm"
        case .confirmDryRunOf(let step): "confirm the dry run of #\(step)"
        case .confirm(let n): "confirm_displaced=\(n)"
        case .unconfirmed: "unconfirmed"
        }
        return "roadmap \(item): \(parts.joined(separator: ", ")) (\(how))"
    }

    func run(_ context: StepContext) async -> Outcome {
        let roadmap = context.service.roadmap
        let change = { (dryRun: Bool, confirm: Int?) in
            await Outcome.of(plain: AnsweredValue.roadmapChange) {
                try await roadmap.update(item: item, update: update, dryRun: dryRun, confirmDisplaced: confirm, by: Actors.planner)
            }
        }
        switch mode {
        case .dryRun:
            context.evidence.readOnly = true
            return await change(true, nil)
        case .confirmAfterDryRun:
            let dryRun = await change(true, nil)
            guard case .roadmapChange(let preview)? = dryRun.answer?.value else { return dryRun }
            return await change(false, preview.displacedCount)
        case .confirmDryRunOf(let step):
            guard case .roadmapChange(let preview)? = context.world.outcomes[step]?.answer?.value else {
                return .skipped("no dry run at #\(step)")
            }
            return await change(false, preview.displacedCount)
        case .confirm(let n):
            return await change(false, n)
        case .unconfirmed:
            return await change(false, nil)
        }
    }
}
