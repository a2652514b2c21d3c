import CenterDomain

/// A storage application as staff enter it (`POST /storage-allocations`).
public struct StorageApplicationInput: Sendable, Hashable, Decodable {
    public var registration: Int64?
    public var category: String?
    public var name: String?
    public var fiscalYear: Int
    public var units: Int

    public init(registration: Int64? = nil, category: String? = nil, name: String? = nil, fiscalYear: Int, units: Int) {
        self.registration = registration
        self.category = category
        self.name = name
        self.fiscalYear = fiscalYear
        self.units = units
    }

    enum CodingKeys: String, CodingKey {
        case registration, category, name, units, fiscalYear = "fiscal_year"
    }
}
