import CalendarValues
import CenterDomain
import CenterService

extension EntityKind {
    public static let storageApplication = EntityKind("storage_application")
    public static let storageItem = EntityKind("storage_item")
}

/// 備品倉庫: applications for this fiscal year or another (by a community
/// group's registration, or by the tourism association or the silver human
/// resources center named directly, or by someone not allowed), the
/// allocation runs, and the item register: items registered in a bay,
/// checked out for events and returned.
public struct StorageOperations: OperationFamily {
    public let name = "storage"

    public func weight(_ view: WorldView) -> Int { 6 }

    public func make(_ random: inout SimulationRandom, _ view: WorldView) throws -> (any SimOperation)? {
        let fiscalYear = random.weighted([1, 6, 3, 1]).map { $0 - 1 } ?? 0
        switch random.weighted([3, 2, 2, 2]) ?? 0 {
        case 1:
            return try view.pick(&random, .storageApplication, where: "SELECT application_id FROM storage_allocations")
                .map { ItemOperation(change: .register(application: $0.ref, quantity: random.int(1...20))) }
        case 2:
            return try view.pick(&random, .storageItem, where: "SELECT id FROM storage_items WHERE out_movement IS NULL")
                .map { ItemOperation(change: .checkOut(item: $0.ref)) }
        case 3:
            return try view.pick(&random, .storageItem, where: "SELECT id FROM storage_items WHERE out_movement IS NOT NULL")
                .map { ItemOperation(change: .return(item: $0.ref)) }
        default:
            break
        }
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

/// The item register (備品台帳) by staff: an item registered in the bay of an
/// allocated application, checked out (持出し) for an event, returned (返却).
struct ItemOperation: SimOperation {
    /// What is done to the register.
    enum Change: Sendable {
        case register(application: Ref, quantity: Int)
        case checkOut(item: Ref)
        case `return`(item: Ref)
    }

    let change: Change

    var description: String {
        switch change {
        case .register(let application, let quantity): "register \(quantity) items in the bay of \(application)"
        case .checkOut(let item): "check out item \(item)"
        case .return(let item): "return item \(item)"
        }
    }

    func run(_ context: StepContext) async -> Outcome {
        let storage = context.service.storage, key = context.key(for: self)
        switch change {
        case .register(let application, let quantity):
            guard let entity = context.world.entity(.storageApplication, application),
                  let allocation = try? context.center.reader.rows(
                      "SELECT id FROM storage_allocations WHERE application_id = ?", [.int(entity.id)]).first?.first?.int else {
                return .skipped("no allocation of \(application)")
            }
            return await Outcome.of(AnsweredValue.storageItem) {
                try await storage.registerItem(allocation: allocation, name: "テント", quantity: quantity, by: Actors.staff, idempotency: key)
            }
        case .checkOut(let item):
            guard let entity = context.world.entity(.storageItem, item) else { return .skipped("no item \(item)") }
            return await Outcome.of(AnsweredValue.storageItem) {
                try await storage.checkOutItem(id: entity.id, event: "中野まつり", person: "担当者", toWhere: "中野四季の森公園",
                                               by: Actors.staff, idempotency: key)
            }
        case .return(let item):
            guard let entity = context.world.entity(.storageItem, item) else { return .skipped("no item \(item)") }
            return await Outcome.of(AnsweredValue.storageItem) {
                try await storage.returnItem(id: entity.id, person: "担当者", by: Actors.staff, idempotency: key)
            }
        }
    }

    func learn(from outcome: Outcome, step: Int, world: World) {
        guard case .register = change, case .storageItem(let item)? = outcome.answer?.value else { return }
        world.add(Entity(kind: .storageItem, ref: Ref(step: step), id: item.id))
    }
}
