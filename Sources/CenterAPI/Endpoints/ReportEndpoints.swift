import CalendarValues
import CenterDomain
import CenterService
import HTTPServer
import JSON

/// The staff reports: utilization, revenue and lockers leased by fiscal
/// year (年度) and month, and the community quota (地域の方の利用枠) of a month. JSON by
/// default; CSV for Excel with `Accept: text/csv` or `?format=csv`.
enum ReportEndpoints {
    static let fiscalYearParameter = QueryParameter(
        "fiscal_year", required: true,
        schema: ["type": "integer", "minimum": .int(Reports.reportableFiscalYears.lowerBound),
                 "maximum": .int(Reports.reportableFiscalYears.upperBound), "example": 2026],
        "Fiscal year by its starting year: 2026 is 令和8年度, 2026-04-01 to 2027-03-31")

    static var all: [Endpoint] {
        [
            Endpoint(.GET, "/reports/utilization",
                     summary: "Utilization per room and month of a fiscal year: division-units open, booked, used, no-shows (CSV with format=csv)",
                     tag: "reports", access: .staff, parameters: [fiscalYearParameter, ReportFormat.parameter],
                     response: ["type": "array", "items": Schemas.ref("UtilizationLine")],
                     refusals: NoRefusal.self) { context in
                let year = try fiscalYear(context.request)
                let lines = try await context.service.reports.utilization(fiscalYear: year)
                switch try ReportFormat(context.request) {
                case .json: return APIResponse.json(lines)
                case .csv: return ReportFormat.csvResponse(ReportTables.utilization(lines), filename: "utilization-\(year).csv")
                }
            },
            Endpoint(.GET, "/reports/revenue",
                     summary: "Fees, refunds and exemptions per month and designated-manager term in charge on the date of use (CSV with format=csv)",
                     tag: "reports", access: .staff, parameters: [fiscalYearParameter, ReportFormat.parameter],
                     response: ["type": "array", "items": Schemas.ref("RevenueLine")],
                     refusals: NoRefusal.self) { context in
                let year = try fiscalYear(context.request)
                let lines = try await context.service.reports.revenue(fiscalYear: year)
                switch try ReportFormat(context.request) {
                case .json: return APIResponse.json(lines)
                case .csv: return ReportFormat.csvResponse(ReportTables.revenue(lines), filename: "revenue-\(year).csv")
                }
            },
            Endpoint(.GET, "/reports/lockers",
                     summary: "Mobile lockers (法人登記可) per month of a fiscal year: leased, started, ended, lease fees (CSV with format=csv)",
                     tag: "reports", access: .staff, parameters: [fiscalYearParameter, ReportFormat.parameter],
                     response: ["type": "array", "items": Schemas.ref("LockerLeaseLine")],
                     refusals: NoRefusal.self) { context in
                let year = try fiscalYear(context.request)
                let lines = try await context.service.reports.lockers(fiscalYear: year)
                switch try ReportFormat(context.request) {
                case .json: return APIResponse.json(lines)
                case .csv: return ReportFormat.csvResponse(ReportTables.lockers(lines), filename: "lockers-\(year).csv")
                }
            },
            Endpoint(.GET, "/reports/daily-takings",
                     summary: "The day's takings (日計表): payments taken and refunds paid out on a date (today unless given), by method and by staff member, refunds subtracted (CSV with format=csv, by method unless by=staff)",
                     tag: "reports", access: .staff,
                     parameters: [QueryParameter("date", schema: Schemas.dateSchema, "The day in Japan (default today)"),
                                  QueryParameter("by", schema: ["type": "string", "enum": ["method", "staff"]],
                                                 "The CSV's table: by payment method (default) or by staff member"),
                                  ReportFormat.parameter],
                     response: Schemas.ref("DailyTakings"), refusals: NoRefusal.self) { context in
                let date = try context.request.dateQuery("date") ?? context.service.today
                let by = try context.request.choiceQuery("by", ["method", "staff"]) ?? "method"
                let report = try await context.service.reports.dailyTakings(on: date)
                switch try ReportFormat(context.request) {
                case .json: return APIResponse.json(report)
                case .csv:
                    let table = by == "staff" ? report.takings.staffTable : report.takings.methodTable
                    var writer = CSVWriter(header: table.header)
                    for row in table.rows { writer.row(row) }
                    return ReportFormat.csvResponse(writer, filename: "daily-takings-\(date)-\(by).csv")
                }
            },
            Endpoint(.GET, "/reports/community-quota", summary: "Community quota (地域の方の利用枠) use of a month (CSV with format=csv)",
                     tag: "reports", access: .staff,
                     parameters: [QueryParameter("month", required: true, schema: ["type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$"],
                                                 "YYYY-MM"), ReportFormat.parameter],
                     response: ["type": "array", "items": Schemas.ref("CommunityQuotaLine")],
                     refusals: NoRefusal.self) { context in
                _ = try context.request.requiredQuery("month")
                let month = try context.request.requiredMonthQuery("month")
                let lines = try await context.service.reports.communityQuota(month: month)
                switch try ReportFormat(context.request) {
                case .json: return APIResponse.json(lines)
                case .csv:
                    let center = context.service.settings.center
                    let table = ReportTables.communityQuota(lines) { center.facility($0)?.nameJa ?? $0.rawValue }
                    return ReportFormat.csvResponse(table, filename: "community-quota-\(month).csv")
                }
            },
        ]
    }

    /// `fiscal_year` as a year the reports cover; `invalid_parameter` (422) otherwise.
    static func fiscalYear(_ request: HTTPRequest) throws(RequestError) -> FiscalYear {
        FiscalYear(try request.requiredIntegerQuery("fiscal_year", in: Reports.reportableFiscalYears))
    }
}
