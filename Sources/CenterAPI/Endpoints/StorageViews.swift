import CalendarValues
import CenterDomain
import CenterService
import HTTPServer

/// Request bodies of the storage endpoints.
enum StorageBodies {
    /// `POST /storage-items`.
    struct Item: Decodable {
        let allocation: Int64
        let name: String
        let quantity: Int?

        enum CodingKeys: CodingKey { case allocation, name, quantity }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            allocation = try c.decode(Int64.self, forKey: .allocation, in: InputRange.id)
            name = try c.decode(String.self, forKey: .name)
            quantity = try c.decodeIfPresent(Int.self, forKey: .quantity, in: StorageItem.quantityRange)
        }
    }

    /// `POST /storage-items/{id}/checkout`.
    struct Checkout: Decodable {
        let event: String
        let by: String
        let toWhere: String

        enum CodingKeys: String, CodingKey { case event, by, toWhere = "to_where" }
    }

    /// `POST /storage-items/{id}/return`.
    struct Return: Decodable {
        let by: String
    }

    /// `fiscal_year` from the query (the start year, e.g. 2026 for 令和8年度),
    /// else the current one; `required` refuses its absence.
    static func fiscalYear(_ context: RequestContext, required: Bool = false) throws -> Int {
        if required { return try context.request.requiredIntegerQuery("fiscal_year", in: StorageApplicationInput.fiscalYearRange) }
        return try context.request.integerQuery("fiscal_year", in: StorageApplicationInput.fiscalYearRange)
            ?? FiscalYear(containing: context.service.clock.now().japanDate).startYear
    }
}
