import CenterDomain
import CenterService
import HTTPServer

/// `GET /reports/community-quota`: per quota facility and month, U, the
/// reserved share, community and non-community use, and released units.
enum ReportEndpoints {
    static var all: [Endpoint] {
        [
            Endpoint(.GET, "/reports/community-quota", summary: "Community quota (地域の方の利用枠) use of a month",
                     tag: "reports", access: .staff,
                     parameters: [QueryParameter("month", required: true, schema: ["type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$"],
                                                 "YYYY-MM")],
                     response: ["type": "array", "items": Schemas.ref("CommunityQuotaLine")],
                     errorCodes: ["invalid_parameter"]) { context in
                let text = try context.request.requiredQuery("month")
                guard let month = YearMonth(text) else {
                    throw RequestError.invalidParameter("month", "`month` must be YYYY-MM, got \"\(text)\"")
                }
                return APIResponse.json(try await context.service.communityQuotaReport(month: month))
            },
        ]
    }
}
