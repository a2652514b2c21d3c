import CenterDomain
import CenterService
import HTTPServer
import JSON

/// Flexible desks (フリーデスク): the desks, their availability, passes booked
/// by freelancers (member token) or by staff for them, check-in, cancel, the
/// freelancer's own passes and the daily occupancy report.
enum DeskEndpoints {
    static var all: [Endpoint] {
        [
            Endpoint(.GET, "/desks", summary: "The flexible desks of the pool with their features", tag: "desks",
                     access: .anyone, response: ["type": "array", "items": Schemas.ref("Desk")], refusals: NoRefusal.self) { context in
                APIResponse.json(context.service.desks.all.map { DeskViews.DeskView(id: $0.id, features: $0.features) })
            },
            Endpoint(.GET, "/desks/availability", summary: "Per period of a date: desks free, taken and closed (no names)",
                     tag: "desks", access: .anyone,
                     parameters: [QueryParameter("date", required: true, schema: Schemas.dateSchema, "Date of use")],
                     response: Schemas.ref("DeskAvailability"), refusals: NoRefusal.self) { context in
                let date = try context.request.requiredDateQuery("date")
                return APIResponse.json(try await context.service.desks.availability(date: date))
            },
            Endpoint(.POST, "/desk-passes", summary: "Book a desk pass: a date, a period or the whole day, any desk or a named one",
                     tag: "desks", access: .staffOrMember, requestBody: DeskViews.passRequest, successStatus: .created,
                     response: Schemas.ref("DeskPass"), refusals: Desks.PassRefusal.self) { context in
                let request = try context.request.decodeBody(DeskPassRequest.self)
                let key = try context.request.idempotencyKey()
                return context.answer(try await context.service.desks.book(request, by: context.caller(), idempotency: key))
            },
            Endpoint(.GET, "/desk-passes",
                     summary: "Desk passes by date of use, registration, desk and state (staff); paged by `cursor` (`Next-Cursor`)",
                     tag: "desks", access: .staff,
                     parameters: [QueryParameter("date", schema: Schemas.dateSchema, "Date of use (not with from/to)"),
                                  QueryParameter("from", schema: Schemas.dateSchema, "First date of use"),
                                  QueryParameter("to", schema: Schemas.dateSchema, "Last date of use"),
                                  QueryParameter("registration", schema: Schemas.integerParameter(InputRange.id), "Only this registration's"),
                                  QueryParameter("desk", "A desk id of the pool"),
                                  QueryParameter("state", "One or more states, comma-separated: " + DeskViews.passStates.joined(separator: ", "))]
                         + Paging.parameters(maximum: BookingFilter.maximumLimit),
                     response: ["type": "array", "items": Schemas.ref("DeskPass")],
                     refusals: Desks.ListRefusal.self) { context in
                let request = context.request
                let range = try request.dayOrRange()
                let paging = try request.paging(maximum: BookingFilter.maximumLimit, cursor: DeskPassFilter.cursor)
                let desks = context.service.desks.all.map(\.id.rawValue)
                let filter = DeskPassFilter(
                    from: range.from, to: range.to, registration: try request.integerQuery("registration", in: InputRange.id),
                    desk: try request.choiceQuery("desk", desks).map { FacilityID($0) },
                    states: try request.choiceListQuery("state", DeskViews.passStates).compactMap(DeskPassState.init(rawValue:)),
                    limit: paging.limit, after: paging.after)
                return try await context.service.desks.passes(filter, for: context.caller()).response()
            },
            Endpoint(.GET, "/me/desk-passes", summary: "The freelancer's own desk passes; paged by `cursor` (`Next-Cursor`)",
                     tag: "members", access: .roles([.member]),
                     parameters: [QueryParameter("from", schema: Schemas.dateSchema, "First date of use"),
                                  QueryParameter("to", schema: Schemas.dateSchema, "Last date of use")]
                         + Paging.parameters(maximum: BookingFilter.maximumLimit),
                     response: ["type": "array", "items": Schemas.ref("DeskPass")],
                     refusals: Desks.ListRefusal.self) { context in
                let range = try context.request.dateRange()
                let paging = try context.request.paging(maximum: BookingFilter.maximumLimit, cursor: DeskPassFilter.cursor)
                let filter = DeskPassFilter(from: range.from, to: range.to, registration: try context.caller().registrationID,
                                            limit: paging.limit, after: paging.after)
                return try await context.service.desks.passes(filter, for: context.caller()).response()
            },
            Endpoint(.GET, "/desk-passes/{id}", summary: "A desk pass (a member sees only its own)", tag: "desks",
                     access: .staffOrMember, response: Schemas.ref("DeskPass"),
                     refusals: DeskPassLookupCode.self) { context in
                APIResponse.json(try await context.service.desks.pass(id: try passID(context.request), for: context.caller()))
            },
            Endpoint(.POST, "/desk-passes/{id}/check-in",
                     summary: "Check a pass in, from the day of use until the start + 30 minutes", tag: "desks",
                     access: .staffOrMember, response: Schemas.ref("DeskPass"),
                     refusals: Desks.CheckInRefusal.self) { context in
                let id = try passID(context.request), key = try context.request.idempotencyKey()
                return context.answer(try await context.service.desks.checkIn(pass: id, by: context.caller(), idempotency: key))
            },
            Endpoint(.POST, "/desk-passes/{id}/cancel", summary: "Cancel a pass before it starts; the desk is free at once",
                     tag: "desks", access: .staffOrMember, response: Schemas.ref("DeskPass"),
                     refusals: Desks.CancelRefusal.self) { context in
                let id = try passID(context.request), key = try context.request.idempotencyKey()
                return context.answer(try await context.service.desks.cancel(pass: id, by: context.caller(), idempotency: key))
            },
            Endpoint(.GET, "/reports/desk-occupancy",
                     summary: "Daily utilization; `desks`: per date and period, desks, passes, check-ins, no-shows, "
                         + "occupancy (CSV with format=csv)",
                     tag: "reports", access: .staff,
                     parameters: [QueryParameter("from", required: true, schema: Schemas.dateSchema, "First date"),
                                  QueryParameter("to", required: true, schema: Schemas.dateSchema, "Last date (at most 93 days)"),
                                  ReportFormat.parameter],
                     response: Schemas.object(["from": .date, "to": .date, "desks": .array(.ref("DeskOccupancy"))]),
                     refusals: DateRangeCode.self) { context in
                let (from, to) = try context.request.requiredDateRange()
                let format = try ReportFormat(context.request)
                let desks = try await context.service.desks.occupancy(from: from, to: to)
                guard format == .csv else { return APIResponse.json(DeskViews.UtilizationView(from: from, to: to, desks: desks)) }
                var csv = CSVWriter(header: ["part", "date", "period", "open", "desks", "passes", "checked_in", "no_shows",
                                             "occupancy"])
                for row in desks {
                    csv.row(["desks", row.date.description, row.period.rawValue, String(row.open), String(row.desks),
                             String(row.passes), String(row.checkedIn), String(row.noShows), String(row.occupancy)])
                }
                return ReportFormat.csvResponse(csv, filename: "desk-occupancy-\(from)-\(to).csv")
            },
        ]
    }

    private static func passID(_ request: HTTPRequest) throws -> Int64 {
        try request.idParameter(notFound: DeskPassLookupCode.deskPassNotFound)
    }
}
