import CenterDomain
internal import Store

/// An item in the register of a storage bay (備品台帳), with its movement
/// log: each check-out for an event (who, when, where to) and each return.
public struct StorageItem: Sendable, Hashable, Encodable {
    public let id: Int64
    public let allocation: Int64
    public let bay: FacilityID
    public let name: String
    public let quantity: Int
    public let state: Place
    public let log: [StorageMovement]

    enum CodingKeys: String, CodingKey { case id, allocation, bay, name, quantity, state, log }

    /// Where an item is: `in` its bay, or `out` for an event.
    public enum Place: String, Sendable, Hashable, Codable {
        case inBay = "in"
        case out
    }

    /// How many of an item one register line may count.
    public static let quantityRange = 1...InputRange.count.upperBound

    static func load(_ db: Database, id: Int64) throws -> StorageItem {
        guard let row = try db.queryOne("""
            SELECT id, allocation_id, bay_id, name, quantity, out_movement FROM storage_items WHERE id = ?
            """, [.integer(id)]) else {
            throw Refusal(StorageItemLookupCode.storageItemNotFound, "No storage item has id \(id).", details: ["item": String(id)])
        }
        let out: Int64? = try row.get("out_movement")
        let log = try db.query("""
            SELECT id, kind, at, by_name, event, to_where, recorded_by FROM storage_movements WHERE item_id = ? ORDER BY id
            """, [.integer(id)]).map(StorageMovement.init(row:))
        return StorageItem(id: try row.get("id"), allocation: try row.get("allocation_id"),
                           bay: try row.get("bay_id"), name: try row.get("name"),
                           quantity: try row.get("quantity"), state: out == nil ? .inBay : .out, log: log)
    }
}
