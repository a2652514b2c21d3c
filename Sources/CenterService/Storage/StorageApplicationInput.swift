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

    /// Fiscal years an application may name (the rules then allow only the
    /// current and next, `fiscal_year_past` / `fiscal_year_too_far`).
    public static let fiscalYearRange = 2000...2100
    /// Units one application may ask for (the rule `invalid_units` then
    /// caps it at the largest bay).
    public static let unitRange = 1...1_000

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        registration = try c.decodeIfPresent(Int64.self, forKey: .registration, in: InputRange.id)
        category = try c.decodeIfPresent(String.self, forKey: .category)
        name = try c.decodeIfPresent(String.self, forKey: .name)
        fiscalYear = try c.decode(Int.self, forKey: .fiscalYear, in: Self.fiscalYearRange)
        units = try c.decode(Int.self, forKey: .units, in: Self.unitRange)
    }
}
