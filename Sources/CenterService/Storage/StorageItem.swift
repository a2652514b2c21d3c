import CenterDomain
import Store

/// An item in the register of a storage bay (備品台帳), with its movement
/// log: each check-out for an event (who, when, where to) and each return.
public struct StorageItem: Sendable, Hashable, Encodable {
    public let id: Int64
    public let allocation: Int64
    public let bay: FacilityID
    public let name: String
    public let quantity: Int
    /// `in` or `out`.
    public let state: String
    public let log: [StorageMovement]

    enum CodingKeys: String, CodingKey { case id, allocation, bay, name, quantity, state, log }

    static func load(_ db: Database, id: Int64) throws -> StorageItem {
        guard let row = try db.queryOne("""
            SELECT id, allocation_id, bay_id, name, quantity, out_movement FROM storage_items WHERE id = ?
            """, [.integer(id)]) else {
            throw DomainError(.notFound, "storage_item_not_found", "No storage item has id \(id).", details: ["item": String(id)])
        }
        let out: Int64? = try row.get("out_movement")
        let log = try db.query("""
            SELECT id, kind, at, by_name, event, to_where, recorded_by FROM storage_movements WHERE item_id = ? ORDER BY id
            """, [.integer(id)]).map(StorageMovement.init(row:))
        return StorageItem(id: try row.get("id"), allocation: try row.get("allocation_id"),
                           bay: FacilityID(try row.get("bay_id") as String), name: try row.get("name"),
                           quantity: try row.get("quantity"), state: out == nil ? "in" : "out", log: log)
    }
}

/// One line of an item's log (持出し・返却記録): a check-out for an event to a
/// place, or a return; who took or brought it, when, and who recorded it.
public struct StorageMovement: Sendable, Hashable, Encodable {
    public let id: Int64
    /// `checkout` or `return`.
    public let kind: String
    public let at: Instant
    public let by: String
    public let event: String?
    public let toWhere: String?
    public let recordedBy: String

    enum CodingKeys: String, CodingKey {
        case id, kind, at, by, event, toWhere = "to_where", recordedBy = "recorded_by"
    }

    init(row: Row) throws {
        id = try row.get("id")
        kind = try row.get("kind")
        at = Instant(secondsSinceEpoch: try row.get("at"))
        by = try row.get("by_name")
        event = try row.get("event")
        toWhere = try row.get("to_where")
        recordedBy = try row.get("recorded_by")
    }
}

/// A storage bay as `GET /storage-bays` shows it for a fiscal year: size,
/// floor, units allocated and free, the allocations, and the items out now.
public struct StorageBayView: Sendable, Hashable, Encodable {
    public let id: FacilityID
    public let nameJa: String
    public let nameEn: String
    public let floor: Int?
    public let capacity: Int
    public let fiscalYear: Int
    public let allocatedUnits: Int
    public let freeUnits: Int
    public let allocations: [StorageApplication]
    public let itemsOut: [ItemOut]

    /// An item checked out now, with its check-out line.
    public struct ItemOut: Sendable, Hashable, Encodable {
        public let item: Int64
        public let name: String
        public let allocation: Int64
        public let checkout: StorageMovement
    }

    enum CodingKeys: String, CodingKey {
        case id, floor, capacity, allocations
        case nameJa = "name_ja", nameEn = "name_en", fiscalYear = "fiscal_year", allocatedUnits = "allocated_units"
        case freeUnits = "free_units", itemsOut = "items_out"
    }
}
