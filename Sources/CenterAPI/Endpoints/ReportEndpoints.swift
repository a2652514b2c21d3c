import CenterDomain
import CenterService
import HTTPServer

/// `GET /reports/community-quota`: per quota facility and month, U, the
/// reserved share, community and non-community use, and released units.
enum ReportEndpoints {
    static var all: [Endpoint] {
        [
            Endpoint(.GET, "/reports/community-quota",
                     summary: "Community quota (地域の方の利用枠) use of a month; `Accept: text/csv` gives CSV",
                     tag: "reports", access: .staff,
                     parameters: [QueryParameter("month", required: true, schema: ["type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$"],
                                                 "YYYY-MM")],
                     response: ["type": "array", "items": Schemas.ref("CommunityQuotaLine")],
                     errorCodes: ["invalid_parameter"]) { context in
                let text = try context.request.requiredQuery("month")
                guard let month = YearMonth(text) else {
                    throw RequestError.invalidParameter("month", "`month` must be YYYY-MM, got \"\(text)\"")
                }
                let lines = try await context.service.communityQuotaReport(month: month)
                guard context.request.headers["accept"]?.lowercased().contains("text/csv") == true else {
                    return APIResponse.json(lines)
                }
                var csv = CSVWriter(header: ["facility", "month", "share", "bookable_units", "reserved_units",
                                             "non_community_ceiling", "community_units", "non_community_units",
                                             "released_units", "unused_reserved_units"])
                for line in lines {
                    csv.row([line.facility.rawValue, line.month.description, String(line.share), String(line.bookableUnits),
                             String(line.reservedUnits), String(line.nonCommunityCeiling), String(line.communityUnits),
                             String(line.nonCommunityUnits), String(line.releasedUnits), String(line.unusedReservedUnits)])
                }
                return HTTPResponse(status: .ok, headers: ["content-type": "text/csv; charset=utf-8"], body: csv.bytes)
            },
        ]
    }
}
