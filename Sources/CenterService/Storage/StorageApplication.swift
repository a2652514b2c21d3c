import CalendarValues
import CenterDomain
internal import Store

/// An application for equipment storage (備品倉庫の使用申請) for one fiscal
/// year: by a registration (a community group) or by a holder named with its
/// category (the tourism association, the Silver Human Resources Center),
/// with the units it needs and, once ranked, the bay it was given.
public struct StorageApplication: Sendable, Hashable, Encodable {
    public let id: Int64
    public let fiscalYear: Int
    public let registration: Int64?
    public let category: String
    public let holderName: String
    public let units: Int
    public let appliedAt: Instant
    /// `pending` until ranked and placed, then `allocated`.
    public let state: String
    public let allocation: Int64?
    public let bay: FacilityID?

    enum CodingKeys: String, CodingKey {
        case id, registration, category, units, state, allocation, bay
        case fiscalYear = "fiscal_year", holderName = "holder_name", appliedAt = "applied_at"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(fiscalYear, forKey: .fiscalYear)
        try c.encode(registration, forKey: .registration)
        try c.encode(category, forKey: .category)
        try c.encode(holderName, forKey: .holderName)
        try c.encode(units, forKey: .units)
        try c.encode(appliedAt, forKey: .appliedAt)
        try c.encode(state, forKey: .state)
        try c.encode(allocation, forKey: .allocation)
        try c.encode(bay, forKey: .bay)
    }

    static let select = """
        SELECT a.id, a.fiscal_year, a.registration_id, a.category, a.holder_name, a.units, a.applied_at,
            s.id AS allocation_id, s.bay_id
        FROM storage_applications a LEFT JOIN storage_allocations s ON s.application_id = a.id
        """

    init(row: Row) throws {
        id = try row.get("id")
        fiscalYear = try row.get("fiscal_year")
        registration = try row.get("registration_id")
        category = try row.get("category")
        holderName = try row.get("holder_name")
        units = try row.get("units")
        appliedAt = try row.get("applied_at")
        allocation = try row.get("allocation_id")
        bay = try (row.get("bay_id") as String?).map { FacilityID($0) }
        state = allocation == nil ? "pending" : "allocated"
    }

    static func load(_ db: Database, id: Int64) throws -> StorageApplication {
        guard let row = try db.queryOne(select + " WHERE a.id = ?", [.integer(id)]) else {
            throw Refusal(StorageApplicationLookupCode.storageApplicationNotFound, "No storage application has id \(id).",
                          details: ["application": String(id)])
        }
        return try StorageApplication(row: row)
    }
}
