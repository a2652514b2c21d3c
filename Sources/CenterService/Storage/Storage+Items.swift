import CalendarValues
import CenterDomain
internal import Store

extension Storage {
    /// What `registerItem` refuses with.
    public typealias RegisterItemRefusal = Refusals<IdempotencyCode, RegisterItemCode>
    /// What `checkOutItem` refuses with.
    public typealias CheckOutRefusal = Refusals<IdempotencyCode, StorageItemLookupCode, ItemCheckOutCode>
    /// What `returnItem` refuses with.
    public typealias ReturnRefusal = Refusals<IdempotencyCode, StorageItemLookupCode, ItemReturnCode>

    /// Registers an item in the bay of an allocation (備品台帳への登録).
    public func registerItem(allocation: Int64, name: String, quantity: Int, by actor: Actor,
                             idempotency: IdempotencyKey? = nil)
        async throws(ServiceError<RegisterItemRefusal>) -> Recorded<StorageItem> {
        try await context.run(RegisterItemRefusal.self) {
            try await context.recordedWrite(.storageItemCreate, RegisterItemRefusal.self, actor: actor,
                                            idempotency: idempotency) { db, now in
                guard let row = try db.queryOne("SELECT bay_id FROM storage_allocations WHERE id = ?", [.integer(allocation)]) else {
                    throw Refusal(RegisterItemCode.storageAllocationNotFound, "No storage allocation has id \(allocation).",
                                  details: ["allocation": String(allocation)])
                }
                try Self.requireText(name, "name", code: RegisterItemCode.invalidField)
                guard StorageItem.quantityRange.contains(quantity) else {
                    throw Refusal(RegisterItemCode.invalidQuantity, "An item's quantity is \(StorageItem.quantityRange.lowerBound) to \(StorageItem.quantityRange.upperBound).",
                                  details: ["quantity": String(quantity)])
                }
                try db.run("""
                    INSERT INTO storage_items (allocation_id, bay_id, name, quantity, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)
                    """, [.integer(allocation), (try row.get("bay_id") as FacilityID).sqlValue, .text(name), .integer(Int64(quantity)),
                          now.sqlValue, .text(actor.auditLabel)])
                let id = db.lastInsertRowID
                return try AuditLog.appendEncoded(db, at: now, actor: actor.auditLabel, action: "storage_item.create",
                                                  entity: "storage_item", id: id, after: StorageItem.load(db, id: id))
            }
        }
    }

    /// Item `id` with its log.
    public func item(id: Int64) async throws(ServiceError<StorageItemLookupCode>) -> StorageItem {
        try await context.run(StorageItemLookupCode.self) {
            try await pool.read { db in try StorageItem.load(db, id: id) }
        }
    }

    /// Checks an item out for an event (持出し): who takes it, the event and
    /// where it goes; `item_already_out` (409) while it is out.
    public func checkOutItem(id: Int64, event: String, person: String, toWhere: String, by actor: Actor,
                             idempotency: IdempotencyKey? = nil)
        async throws(ServiceError<CheckOutRefusal>) -> Recorded<StorageItem> {
        try await context.run(CheckOutRefusal.self) {
            try await context.recordedWrite(.storageItemCheckOut, CheckOutRefusal.self, actor: actor,
                                            idempotency: idempotency) { db, now in
                let before = try StorageItem.load(db, id: id)
                guard before.state == .inBay else {
                    throw Refusal(ItemCheckOutCode.itemAlreadyOut, "Item \(id) is already checked out.", details: ["item": String(id)])
                }
                try Self.requireText(event, "event", code: ItemCheckOutCode.invalidField)
                try Self.requireText(person, "by", code: ItemCheckOutCode.invalidField)
                try Self.requireText(toWhere, "to_where", code: ItemCheckOutCode.invalidField)
                try db.run("""
                    INSERT INTO storage_movements (item_id, kind, at, by_name, event, to_where, recorded_by) VALUES (?, 'checkout', ?, ?, ?, ?, ?)
                    """, [.integer(id), now.sqlValue, .text(person), .text(event), .text(toWhere), .text(actor.auditLabel)])
                try db.run("UPDATE storage_items SET out_movement = ? WHERE id = ? AND out_movement IS NULL",
                           [.integer(db.lastInsertRowID), .integer(id)])
                return try Self.auditedItem(db, id: id, before: before, action: "storage_item.checkout", actor: actor.auditLabel, now: now)
            }
        }
    }

    /// Records an item's return (返却); `item_not_out` (409) when it is in.
    public func returnItem(id: Int64, person: String, by actor: Actor,
                           idempotency: IdempotencyKey? = nil)
        async throws(ServiceError<ReturnRefusal>) -> Recorded<StorageItem> {
        try await context.run(ReturnRefusal.self) {
            try await context.recordedWrite(.storageItemReturn, ReturnRefusal.self, actor: actor,
                                            idempotency: idempotency) { db, now in
                let before = try StorageItem.load(db, id: id)
                guard before.state == .out else {
                    throw Refusal(ItemReturnCode.itemNotOut, "Item \(id) is not checked out.", details: ["item": String(id)])
                }
                try Self.requireText(person, "by", code: ItemReturnCode.invalidField)
                try db.run("""
                    INSERT INTO storage_movements (item_id, kind, at, by_name, recorded_by) VALUES (?, 'return', ?, ?, ?)
                    """, [.integer(id), now.sqlValue, .text(person), .text(actor.auditLabel)])
                try db.run("UPDATE storage_items SET out_movement = NULL WHERE id = ?", [.integer(id)])
                return try Self.auditedItem(db, id: id, before: before, action: "storage_item.return", actor: actor.auditLabel, now: now)
            }
        }
    }

    static func auditedItem(_ db: Database, id: Int64, before: StorageItem, action: String, actor: String,
                            now: Instant) throws -> Encoded<StorageItem> {
        try AuditLog.appendEncoded(db, at: now, actor: actor, action: action, entity: "storage_item", id: id,
                                   before: before, after: StorageItem.load(db, id: id))
    }

    /// A name by `TextRule.name` (`invalid_field`, 422, details: `field`).
    static func requireText<Code: ErrorCode>(_ text: String, _ field: String, code: Code) throws {
        try TextRule.name.check(text, field: field, code: code)
    }
}
