import CenterDomain
import CenterService
import HTTPServer
import JSON

/// Equipment storage (備品倉庫): applications per fiscal year ranked by
/// category priority, the item register of each bay, check-out for events
/// and return with a log. Staff only. Rules: docs/DOMAIN.md "Equipment storage",
/// `StorageRanking`.
enum StorageEndpoints {
    static let fiscalYearParameter = QueryParameter("fiscal_year", schema: Schemas.integerParameter(StorageApplicationInput.fiscalYearRange),
                                                    "Fiscal year by its start year (2026 = 令和8年度); default the current one")

    /// Component schemas of the storage endpoints.
    static let components: [(String, JSONValue)] = [
        ("StorageApplication", Schemas.object(["id": .integer, "fiscal_year": .integer, "registration": .nullable(.integer),
                                               "category": .string, "holder_name": .string, "units": .integer,
                                               "applied_at": .instant, "state": .enumeration(["pending", "allocated"]),
                                               "allocation": .nullable(.integer), "bay": .nullable(.string)],
                                              required: ["id", "fiscal_year", "category", "holder_name", "units", "state"])),
        ("StorageMovement", Schemas.object(["id": .integer, "kind": .enumeration(["checkout", "return"]), "at": .instant,
                                            "by": .string, "event": .nullable(.string), "to_where": .nullable(.string),
                                            "recorded_by": .string])),
        ("StorageItem", Schemas.object(["id": .integer, "allocation": .integer, "bay": .string, "name": .string,
                                        "quantity": .integer, "state": .enumeration(["in", "out"]),
                                        "log": .array(.ref("StorageMovement"))])),
        ("StorageBay", Schemas.object(["id": .string, "name_ja": .string, "name_en": .string, "floor": .nullable(.integer),
                                       "capacity": .integer, "fiscal_year": .integer, "allocated_units": .integer,
                                       "free_units": .integer, "allocations": .array(.ref("StorageApplication")),
                                       "items_out": .array(.ref("StorageItemOut"))])),
        ("StorageItemOut", Schemas.object(["item": .integer, "name": .string, "allocation": .integer,
                                           "checkout": .ref("StorageMovement")])),
    ]

    static var all: [Endpoint] {
        [
            Endpoint(.GET, "/storage-bays", summary: "Each bay for a fiscal year: size, floor, allocations, units free, items out",
                     tag: "storage", access: .staff, parameters: [fiscalYearParameter],
                     response: ["type": "array", "items": Schemas.ref("StorageBay")], refusals: NoRefusal.self) { context in
                APIResponse.json(try await context.service.storage.bays(fiscalYear: try StorageBodies.fiscalYear(context)))
            },
            Endpoint(.POST, "/storage-allocations", summary: "Apply for storage units in a fiscal year (ranked later)",
                     tag: "storage", access: .staff,
                     requestBody: Schemas.object(["registration": .id,
                                                  "category": .enumeration(["community_group", "tourism_association",
                                                                            "silver_human_resources_center"]),
                                                  "name": .text(.name), "fiscal_year": .integer(StorageApplicationInput.fiscalYearRange),
                                                  "units": .integer(StorageApplicationInput.unitRange)],
                                                 required: ["fiscal_year", "units"]),
                     successStatus: .created, response: Schemas.ref("StorageApplication"),
                     refusals: Storage.ApplyRefusal.self) { context in
                let input = try context.request.decodeBody(StorageApplicationInput.self)
                return context.answer(try await context.service.storage.apply(
                    input, by: context.caller(), idempotency: try context.request.idempotencyKey()))
            },
            Endpoint(.GET, "/storage-allocations", summary: "A fiscal year's applications in ranking order, allocated or pending",
                     tag: "storage", access: .staff, parameters: [fiscalYearParameter],
                     response: ["type": "array", "items": Schemas.ref("StorageApplication")], refusals: NoRefusal.self) { context in
                APIResponse.json(try await context.service.storage.applications(fiscalYear: try StorageBodies.fiscalYear(context)))
            },
            Endpoint(.POST, "/storage-allocations/allocate",
                     summary: "Rank a fiscal year's pending applications by category priority and place them; never beyond a bay's capacity",
                     tag: "storage", access: .staff,
                     parameters: [QueryParameter("fiscal_year", required: true, schema: Schemas.integerParameter(StorageApplicationInput.fiscalYearRange),
                                                 "The fiscal year to allocate")],
                     response: Schemas.object(["fiscal_year": .integer, "allocated": .array(.ref("StorageApplication")),
                                               "unallocated": .array(.ref("StorageApplication"))]),
                     refusals: IdempotencyCode.self) { context in
                let year = try StorageBodies.fiscalYear(context, required: true)
                return context.answer(try await context.service.storage.allocate(
                    fiscalYear: year, by: context.caller(), idempotency: try context.request.idempotencyKey()))
            },
            Endpoint(.POST, "/storage-items", summary: "Register an item in the bay of an allocation", tag: "storage", access: .staff,
                     requestBody: Schemas.object(["allocation": .id, "name": .text(.name), "quantity": .integer(StorageItem.quantityRange)],
                                                 required: ["allocation", "name"]),
                     successStatus: .created, response: Schemas.ref("StorageItem"),
                     refusals: Storage.RegisterItemRefusal.self) { context in
                let input = try context.request.decodeBody(StorageBodies.Item.self)
                return context.answer(try await context.service.storage.registerItem(
                    allocation: input.allocation, name: input.name, quantity: input.quantity ?? 1, by: context.caller(),
                    idempotency: try context.request.idempotencyKey()))
            },
            Endpoint(.GET, "/storage-items/{id}", summary: "An item with its check-out and return log", tag: "storage",
                     access: .staff, response: Schemas.ref("StorageItem"), refusals: StorageItemLookupCode.self) { context in
                APIResponse.json(try await context.service.storage.item(id: try context.request.idParameter(notFound: StorageItemLookupCode.storageItemNotFound)))
            },
            Endpoint(.POST, "/storage-items/{id}/checkout", summary: "Check an item out for an event: who, and where it goes",
                     tag: "storage", access: .staff,
                     requestBody: Schemas.object(["event": .text(.name), "by": .text(.name), "to_where": .text(.name)],
                                                 required: ["event", "by", "to_where"]),
                     response: Schemas.ref("StorageItem"),
                     refusals: Storage.CheckOutRefusal.self) { context in
                let id = try context.request.idParameter(notFound: StorageItemLookupCode.storageItemNotFound)
                let input = try context.request.decodeBody(StorageBodies.Checkout.self)
                return context.answer(try await context.service.storage.checkOutItem(
                    id: id, event: input.event, person: input.by, toWhere: input.toWhere, by: context.caller(),
                    idempotency: try context.request.idempotencyKey()))
            },
            Endpoint(.POST, "/storage-items/{id}/return", summary: "Record an item's return: who brought it back",
                     tag: "storage", access: .staff, requestBody: Schemas.object(["by": .text(.name)], required: ["by"]),
                     response: Schemas.ref("StorageItem"),
                     refusals: Storage.ReturnRefusal.self) { context in
                let id = try context.request.idParameter(notFound: StorageItemLookupCode.storageItemNotFound)
                let input = try context.request.decodeBody(StorageBodies.Return.self)
                return context.answer(try await context.service.storage.returnItem(
                    id: id, person: input.by, by: context.caller(), idempotency: try context.request.idempotencyKey()))
            },
        ]
    }
}
