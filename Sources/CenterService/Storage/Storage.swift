import CalendarValues
import CenterDomain
internal import Store

/// Storage (倉庫): applications by fiscal year, their ranking and
/// allocation to bays, and the item register with check-outs and returns.
public struct Storage: AreaService {
    let context: ServiceContext

    /// The configured bays with their catalogue capacity (units) and floor.
    var bayFacilities: [Facility] {
        settings.center.storage.bays.compactMap { settings.center.facility($0) }
    }

    /// What `apply` refuses with.
    public typealias ApplyRefusal = Refusals<
        IdempotencyCode, StorageApplicationCode, RegistrationLookupCode, RegistrationActiveCode, Registration.ValidityCode
    >

    /// Applies for storage in this fiscal year or the next (`POST /storage-allocations`): by a
    /// community-group registration, or by a holder of another configured
    /// category named directly. The application waits for the ranking.
    public func apply(_ input: StorageApplicationInput, by actor: Actor,
                      idempotency: IdempotencyKey? = nil)
        async throws(ServiceError<ApplyRefusal>) -> Recorded<StorageApplication> {
        try await context.run(ApplyRefusal.self) {
            let storage = settings.center.storage
            let largest = bayFacilities.map(\.capacity).max() ?? 0
            return try await context.recordedWrite(.storageApply, ApplyRefusal.self, actor: actor,
                                                   idempotency: idempotency) { db, now in
                let today = now.japanDate
                let current = FiscalYear(containing: today).startYear
                guard input.fiscalYear >= current else {
                    throw Refusal(StorageApplicationCode.fiscalYearPast, "Storage is applied for this fiscal year or the next.",
                                  details: ["fiscal_year": String(input.fiscalYear)])
                }
                guard input.fiscalYear <= current + 1 else {
                    throw Refusal(StorageApplicationCode.fiscalYearTooFar, "Storage is applied for this fiscal year or the next.",
                                  details: ["fiscal_year": String(input.fiscalYear)])
                }
                guard (1...max(1, largest)).contains(input.units) else {
                    throw Refusal(StorageApplicationCode.invalidUnits, "An application asks for 1 to \(largest) units (the largest bay).",
                                  details: ["units": String(input.units), "largest_bay": String(largest)])
                }
                var category = input.category
                var name = input.name ?? ""
                if let registration = input.registration {
                    let record = try RegistrationRecord.load(db, id: registration, today: today)
                    guard record.status == .active else {
                        throw Refusal(RegistrationActiveCode.registrationNotActive, "Registration \(registration) is \(record.status).",
                                      details: ["registration": String(registration), "status": record.status.rawValue])
                    }
                    // Valid when the storage is first used: today for this
                    // fiscal year, its first day (1 April) for the next.
                    try record.registration.checkValid(on: max(today, FiscalYear(input.fiscalYear).first))
                    category = record.category.rawValue
                    name = record.name
                }
                guard let category, storage.categories.contains(where: { $0.id == category }) else {
                    throw Refusal(StorageApplicationCode.storageCategoryNotAllowed, "Storage is allocated to \(storage.categories.map(\.id).joined(separator: ", ")).",
                                  details: ["category": category ?? ""])
                }
                try TextRule.name.check(name, field: "name", code: StorageApplicationCode.invalidName)
                try db.run("""
                    INSERT INTO storage_applications (fiscal_year, registration_id, category, holder_name, units, applied_at, created_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, [.integer(Int64(input.fiscalYear)), input.registration.map { .integer($0) } ?? .null, .text(category),
                          .text(name), .integer(Int64(input.units)), now.sqlValue, .text(actor.auditLabel)])
                let id = db.lastInsertRowID
                return try AuditLog.appendEncoded(db, at: now, actor: actor.auditLabel, action: "storage_application.create",
                                                  entity: "storage_application", id: id,
                                                  after: StorageApplication.load(db, id: id))
            }
        }
    }

    /// Ranks the pending applications of `fiscalYear` (`StorageRanking`) and
    /// places them, in one write. Earlier allocations stand; the schema's
    /// trigger refuses any allocation beyond a bay's capacity.
    public func allocate(fiscalYear: Int, by actor: Actor,
                         idempotency: IdempotencyKey? = nil)
        async throws(ServiceError<IdempotencyCode>) -> Recorded<StorageAllocationRun> {
        try await context.run(IdempotencyCode.self) {
            let storage = settings.center.storage
            let bays = bayFacilities
            return try await context.recordedWrite(.storageAllocate, IdempotencyCode.self, actor: actor,
                                                   idempotency: idempotency) { db, now in
                for bay in bays {
                    try db.run("INSERT INTO storage_bays (id, capacity) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET capacity = excluded.capacity",
                               [bay.id.sqlValue, .integer(Int64(bay.capacity))])
                }
                var used: [String: Int] = [:]
                for row in try db.query("SELECT bay_id, sum(units) AS units FROM storage_allocations WHERE fiscal_year = ? GROUP BY bay_id",
                                        [.integer(Int64(fiscalYear))]) {
                    used[try row.get("bay_id")] = try row.get("units")
                }
                let priority = Dictionary(storage.categories.map { ($0.id, $0.priority) }, uniquingKeysWith: { a, _ in a })
                let pending = try db.query(StorageApplication.select + " WHERE a.fiscal_year = ? AND s.id IS NULL",
                                           [.integer(Int64(fiscalYear))]).map(StorageApplication.init(row:))
                let outcome = StorageRanking.allocate(
                    pending.map { StorageRanking.Application(id: $0.id, priority: priority[$0.category] ?? Int.max, appliedAt: $0.appliedAt,
                                                             units: $0.units) },
                    bays: bays.map { StorageRanking.Bay(id: $0.id, capacity: $0.capacity, allocated: used[$0.id.rawValue] ?? 0) })
                let units = Dictionary(pending.map { ($0.id, $0.units) }, uniquingKeysWith: { a, _ in a })
                var allocated: [StorageApplication] = []
                for placed in outcome.allocations {
                    try db.run("""
                        INSERT INTO storage_allocations (application_id, fiscal_year, bay_id, units, created_at, created_by)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """, [.integer(placed.application), .integer(Int64(fiscalYear)), placed.bay.sqlValue,
                              .integer(Int64(units[placed.application] ?? 0)), now.sqlValue, .text(actor.auditLabel)])
                    let application = try StorageApplication.load(db, id: placed.application)
                    try AuditLog.append(db, at: now, actor: actor.auditLabel, action: "storage_allocation.create",
                                        entity: "storage_allocation", entityID: String(application.allocation ?? 0), after: application)
                    allocated.append(application)
                }
                return try Encoded(StorageAllocationRun(fiscalYear: fiscalYear, allocated: allocated,
                                                        unallocated: try outcome.unallocated.map { try StorageApplication.load(db, id: $0) }))
            }
        }
    }

    /// The applications of `fiscalYear` in ranking order, allocated or pending.
    public func applications(fiscalYear: Int) async throws -> [StorageApplication] {
        let priority = Dictionary(settings.center.storage.categories.map { ($0.id, $0.priority) }, uniquingKeysWith: { a, _ in a })
        let applications = try await pool.read { db in
            try db.query(StorageApplication.select + " WHERE a.fiscal_year = ?", [.integer(Int64(fiscalYear))])
                .map(StorageApplication.init(row:))
        }
        let byID = Dictionary(applications.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return StorageRanking.order(applications.map {
            StorageRanking.Application(id: $0.id, priority: priority[$0.category] ?? Int.max, appliedAt: $0.appliedAt, units: $0.units)
        }).compactMap { byID[$0.id] }
    }

    /// Every bay for `fiscalYear`: allocations and the items out now.
    public func bays(fiscalYear: Int) async throws -> [StorageBayView] {
        let bays = bayFacilities
        return try await pool.read { db in
            let allocations = try db.query(StorageApplication.select + " WHERE a.fiscal_year = ? AND s.id IS NOT NULL ORDER BY s.id",
                                           [.integer(Int64(fiscalYear))]).map(StorageApplication.init(row:))
            var itemsOut: [FacilityID: [StorageBayView.ItemOut]] = [:]
            for row in try db.query("""
                SELECT i.id AS item_id, i.name AS item_name, i.allocation_id, i.bay_id, m.id, m.kind, m.at, m.by_name, m.event,
                    m.to_where, m.recorded_by
                FROM storage_items i JOIN storage_movements m ON m.id = i.out_movement ORDER BY i.id
                """) {
                let bay: FacilityID = try row.get("bay_id")
                itemsOut[bay, default: []].append(StorageBayView.ItemOut(item: try row.get("item_id"), name: try row.get("item_name"),
                                                                         allocation: try row.get("allocation_id"),
                                                                         checkout: try StorageMovement(row: row)))
            }
            return bays.map { bay in
                let here = allocations.filter { $0.bay == bay.id }
                let units = here.reduce(0) { $0 + $1.units }
                return StorageBayView(id: bay.id, nameJa: bay.nameJa, nameEn: bay.nameEn, floor: bay.floor, capacity: bay.capacity,
                                      fiscalYear: fiscalYear, allocatedUnits: units, freeUnits: max(0, bay.capacity - units),
                                      allocations: here, itemsOut: itemsOut[bay.id] ?? [])
            }
        }
    }
}
