import CalendarValues
import CenterDomain
import CenterService
import HTTPServer
import JSON

/// `/holidays` and `/calendar`: Japan's public holidays and the center's
/// open and closed days with fiscal year, Reiwa label and manager in charge.
enum CalendarEndpoints {
    struct HolidayView: Encodable {
        let date: LocalDate
        let name: String
        let nameEn: String
        let kind: String

        enum CodingKeys: String, CodingKey {
            case date, name, kind
            case nameEn = "name_en"
        }
    }

    static var all: [Endpoint] {
        [
            Endpoint(.GET, "/holidays", summary: "Japan's public holidays and days off of a year (1990–2099)",
                     tag: "calendar", access: .anyone,
                     parameters: [QueryParameter("year", required: true, schema: Schemas.integerParameter(JapaneseHolidays.supportedYears),
                                                 "Calendar year")],
                     response: ["type": "array", "items": Schemas.ref("Holiday")],
                     refusals: NoRefusal.self) { context in
                let year = try context.request.requiredIntegerQuery("year", in: JapaneseHolidays.supportedYears)
                return APIResponse.json(JapaneseHolidays.holidays(in: year).map {
                    HolidayView(date: $0.date, name: $0.name, nameEn: $0.nameEnglish, kind: $0.kind.rawValue)
                })
            },
            Endpoint(.GET, "/calendar", summary: "Each date: open or closed with every reason, holiday, fiscal year, Reiwa label, manager",
                     tag: "calendar", access: .anyone,
                     parameters: [QueryParameter("from", required: true, schema: Schemas.dateSchema, "First date"),
                                  QueryParameter("to", required: true, schema: Schemas.dateSchema, "Last date (at most 400 days after `from`)"),
                                  QueryParameter("facility", "A facility id: include its own closures (works)")],
                     response: ["type": "array", "items": Schemas.ref("CalendarDay")],
                     refusals: DateRangeCode.self) { context in
                let request = context.request
                let (from, to) = try request.requiredDateRange()
                let facility = request.queryValue("facility")
                if let facility, context.service.settings.center.facilities.first(where: { $0.id.rawValue == facility }) == nil {
                    throw RequestError.invalidParameter("facility", "unknown facility \(TextRule.echo(facility))")
                }
                return APIResponse.json(try await context.service.calendar.days(from: from, to: to, facility: facility))
            },
        ]
    }
}
