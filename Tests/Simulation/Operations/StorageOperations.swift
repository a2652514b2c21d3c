import CalendarValues
import CenterDomain
import CenterService

extension EntityKind {
    public static let storageApplication = EntityKind("storage_application")
}

/// 備品倉庫: applications for this fiscal year or another (by a community
/// group's registration, or by the tourism association or the silver human
/// resources center named directly, or by someone not allowed), and the
/// allocation runs.
public struct StorageOperations: OperationFamily {
    public let name = "storage"

    public func weight(_ view: WorldView) -> Int { 4 }

    public func make(_ random: inout SimulationRandom, _ view: WorldView) throws -> (any SimOperation)? {
        let fiscalYear = random.weighted([1, 6, 3, 1]).map { $0 - 1 } ?? 0
        if random.chance(0.3) { return AllocateOperation(fiscalYearOffset: min(max(fiscalYear, 0), 1)) }
        let group = try view.someRegistration(&random, where: { $0.category == .communityGroup })
        let units = random.weighted([5, 3, 1]).map { [random.int(1...4), random.int(5...10), random.int(11...12)][$0] } ?? 1
        switch random.weighted([5, 2, 1, 1]) ?? 0 {
        case 0 where group != nil:
            return ApplyStorageOperation(registration: group?.ref, category: nil, fiscalYearOffset: fiscalYear, units: units)
        case 0, 1:
            return ApplyStorageOperation(registration: nil, category: "tourism_association", fiscalYearOffset: fiscalYear, units: units)
        case 2:
            return ApplyStorageOperation(registration: nil, category: "silver_human_resources_center", fiscalYearOffset: fiscalYear,
                                         units: units)
        default:
            return ApplyStorageOperation(registration: nil, category: "general", fiscalYearOffset: fiscalYear, units: units)
        }
    }
}

/// `POST /storage-allocations` by staff.
struct ApplyStorageOperation: SimOperation {
    let registration: Ref?
    let category: String?
    /// The fiscal year, from this one.
    let fiscalYearOffset: Int
    let units: Int

    var description: String {
        "apply for \(units) storage units in FY+\(fiscalYearOffset) for \(registration.map(\.description) ?? category ?? "?")"
    }

    func run(_ context: StepContext) async -> Outcome {
        var holder: Int64?
        if let registration {
            guard let entity = context.world.entity(.registration, registration) else { return .skipped("no registration \(registration)") }
            holder = entity.id
        }
        let fiscalYear = FiscalYear(containing: context.today).startYear + fiscalYearOffset
        let input = StorageApplicationInput(registration: holder, category: category, name: category.map { "\($0) 担当" },
                                            fiscalYear: fiscalYear, units: units)
        return await Outcome.of(AnsweredValue.storageApplication) {
            try await context.service.storage.apply(input, by: Actors.staff, idempotency: context.key(for: self))
        }
    }

    func learn(from outcome: Outcome, step: Int, world: World) {
        guard case .storageApplication(let application)? = outcome.answer?.value else { return }
        world.add(Entity(kind: .storageApplication, ref: Ref(step: step), id: application.id, owner: registration))
    }
}

/// `POST /storage-allocations/allocate?fiscal_year=` by staff.
struct AllocateOperation: SimOperation {
    let fiscalYearOffset: Int

    var description: String { "allocate storage for FY+\(fiscalYearOffset)" }

    func run(_ context: StepContext) async -> Outcome {
        let fiscalYear = FiscalYear(containing: context.today).startYear + fiscalYearOffset
        return await Outcome.of(AnsweredValue.allocationRun) {
            try await context.service.storage.allocate(fiscalYear: fiscalYear, by: Actors.staff, idempotency: context.key(for: self))
        }
    }
}
