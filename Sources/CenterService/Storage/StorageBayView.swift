import CenterDomain

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
