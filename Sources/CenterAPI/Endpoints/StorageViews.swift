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
        guard let text = context.request.queryValue("fiscal_year") else {
            if required { throw RequestError.invalidParameter("fiscal_year", "query parameter `fiscal_year` is required") }
            return FiscalYear(containing: context.service.clock.now().japanDate).startYear
        }
        guard let year = Int(text), (2000...2100).contains(year) else {
            throw RequestError.invalidParameter("fiscal_year", "`fiscal_year` is a start year such as 2026, got \"\(text)\"")
        }
        return year
    }
}
