import CalendarValues
import CenterDomain
import CenterService
import HTTPServer
import JSON
import Roadmap

/// The renovation roadmap (STEP 1–3) and the designated-manager terms, for
/// facilities planners and anyone asking who runs the center on a date.
enum RoadmapEndpoints {
    static var all: [Endpoint] {
        [
            Endpoint(.GET, "/roadmap", summary: "Roadmap items by step and fiscal year, filterable", tag: "roadmap", access: .anyone,
                     parameters: [QueryParameter("step", schema: ["type": "integer", "minimum": 1, "maximum": 3], "STEP 1–3"),
                                  QueryParameter("fiscal_year", schema: ["type": "integer", "minimum": 1990, "maximum": 2099], "Items whose plan touches this fiscal year"),
                                  QueryParameter("status", schema: ["type": "string", "enum": .array(ItemStatus.allCases.map { .string($0.rawValue) })], "Recorded status"),
                                  QueryParameter("side", schema: ["type": "string", "enum": .array(ItemSide.allCases.map { .string($0.rawValue) })], "hard, soft or both")],
                     response: ["type": "array", "items": Schemas.ref("RoadmapSection")],
                     refusals: NoRefusal.self) { context in
                let filter = try roadmapFilter(context.request)
                let today = context.service.today
                let sections = context.service.roadmap.schedule.sections(matching: filter).map { section in
                    RoadmapSectionView(step: section.step, fiscalYear: section.fiscalYear,
                                       fiscalYearLabel: FiscalYear(section.fiscalYear).japaneseLabel,
                                       items: section.items.map { RoadmapItemView(item: $0, effectiveStatus: $0.status(asOf: today)) })
                }
                return APIResponse.json(sections)
            },
            Endpoint(.GET, "/roadmap/items/{id}", summary: "One roadmap item", tag: "roadmap", access: .anyone,
                     response: Schemas.ref("RoadmapItem"), refusals: RoadmapItemLookupCode.self) { context in
                let item = try context.service.roadmap.item(context.request.pathParameter("id"))
                let today = context.service.today
                return APIResponse.json(RoadmapItemView(item: item, effectiveStatus: item.status(asOf: today)))
            },
            Endpoint(.PATCH, "/roadmap/items/{id}",
                     summary: "Update a roadmap item (status, actual and planned dates, closures inside the item's own dates); dry_run lists the bookings and desk passes it would displace, and a change that displaces any is applied only with confirm_displaced equal to their number",
                     tag: "roadmap", access: .planner,
                     parameters: [QueryParameter("dry_run", schema: ["type": "boolean"],
                                                 "true: change nothing, list the live bookings and desk passes the change would cancel"),
                                  QueryParameter("confirm_displaced", schema: ["type": "integer", "minimum": 0, "maximum": 1_000_000],
                                                 "The dry run's displaced_count; required (and must still hold) when the change displaces anything, else 409 displacement_unconfirmed with the current list")],
                     requestBody: Schemas.ref("RoadmapUpdate"), response: Schemas.ref("RoadmapChange"),
                     refusals: RenovationRoadmap.UpdateRefusal.self) { context in
                let request = context.request
                var dryRun = false
                if let text = request.queryValue("dry_run") {
                    guard text == "true" || text == "false" else {
                        throw RequestError.invalidParameter("dry_run", "`dry_run` must be true or false")
                    }
                    dryRun = text == "true"
                }
                let confirmDisplaced = try request.integerQuery("confirm_displaced", in: 0...1_000_000)
                let update = try request.decodeBody(RoadmapUpdateBody.self).update
                let change = try await context.service.roadmap.update(item: request.pathParameter("id"), update: update,
                                                                         dryRun: dryRun, confirmDisplaced: confirmDisplaced,
                                                                         by: context.caller())
                return APIResponse.json(change)
            },
            Endpoint(.GET, "/roadmap/status", summary: "Per step: done, in progress, late, not started; what is due next",
                     tag: "roadmap", access: .anyone,
                     parameters: [QueryParameter("as_of", schema: Schemas.dateSchema, "The date to judge on (default: today in Japan)")],
                     response: ["type": "array", "items": Schemas.ref("StepStatus")], refusals: NoRefusal.self) { context in
                let asOf = try context.request.dateQuery("as_of") ?? context.service.today
                let report = StepStatus.report(for: context.service.roadmap.schedule, asOf: asOf)
                return APIResponse.json(report.map(StepStatusView.init))
            },
            Endpoint(.GET, "/roadmap.svg", summary: "Gantt chart of the roadmap by fiscal year, with today's line and manager terms",
                     tag: "roadmap", access: .anyone, response: ["type": "string"], contentType: "image/svg+xml", refusals: NoRefusal.self) { context in
                let svg = GanttChart.svg(schedule: context.service.roadmap.schedule, today: context.service.today)
                return HTTPResponse(status: .ok, headers: ["content-type": "image/svg+xml; charset=utf-8"], body: Array(svg.utf8))
            },
            Endpoint(.GET, "/managers", summary: "Designated-manager (指定管理者) terms", tag: "roadmap", access: .anyone,
                     response: ["type": "array", "items": Schemas.ref("ManagerTerm")], refusals: NoRefusal.self) { context in
                APIResponse.json(context.service.roadmap.schedule.managers)
            },
            Endpoint(.GET, "/managers/current", summary: "The designated manager in charge on a date", tag: "roadmap",
                     access: .anyone,
                     parameters: [QueryParameter("date", schema: Schemas.dateSchema, "Default: today in Japan")],
                     response: Schemas.ref("ManagerTerm"), refusals: ManagerLookupCode.self) { context in
                let date = try context.request.dateQuery("date") ?? context.service.today
                return APIResponse.json(try context.service.roadmap.manager(on: date))
            },
        ]
    }

    static func roadmapFilter(_ request: HTTPRequest) throws(RequestError) -> RoadmapFilter {
        var filter = RoadmapFilter()
        filter.step = try request.integerQuery("step", in: 1...3)
        filter.fiscalYear = try request.integerQuery("fiscal_year", in: 1990...2099)
        filter.status = try request.choiceQuery("status", ItemStatus.allCases.map(\.rawValue)).flatMap(ItemStatus.init(rawValue:))
        filter.side = try request.choiceQuery("side", ItemSide.allCases.map(\.rawValue)).flatMap(ItemSide.init(rawValue:))
        return filter
    }
}

/// The body of `PATCH /roadmap/items/{id}`: a `RoadmapUpdate` whose closure
/// notes follow `TextRule.note` (they are shown in the calendar of every
/// day the closure covers).
struct RoadmapUpdateBody: Decodable {
    let update: RoadmapUpdate

    init(from decoder: any Decoder) throws {
        update = try RoadmapUpdate(from: decoder)
        for (index, closure) in (update.closures ?? []).enumerated() {
            if let problem = TextRule.note.problem(in: closure.note) {
                let path: [any CodingKey] = [NoteKey(stringValue: "closures"), NoteKey(intValue: index), NoteKey(stringValue: "note")]
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath + path, debugDescription: problem.message))
            }
        }
    }

    private struct NoteKey: CodingKey {
        let stringValue: String
        let intValue: Int?

        init(stringValue: String) {
            self.stringValue = stringValue
            intValue = nil
        }

        init(intValue: Int) {
            stringValue = String(intValue)
            self.intValue = intValue
        }
    }
}
