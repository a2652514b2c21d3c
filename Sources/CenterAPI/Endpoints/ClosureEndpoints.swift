import CenterDomain
import CenterService
import HTTPServer
import JSON

/// Ad-hoc closures (臨時休館): declaring one settles, in the same
/// transaction, every live booking it hits (only the days closed of a
/// multi-day booking that keeps a usable day, unless its holder chose to
/// cancel it whole) and lists the holders to call; closures are listed,
/// read and lifted (the days reopen, what was cancelled stays cancelled and
/// is listed for rebooking).
enum ClosureEndpoints {
    static var all: [Endpoint] {
        [
            Endpoint(.POST, "/closures",
                     summary: "Close the center or facilities (reason in Japanese, English or both); settles the bookings hit and lists the holders to call",
                     tag: "bookings", access: .staff,
                     requestBody: Schemas.object(["date": .date, "to": .date, "facilities": .list(.code),
                                                  "reason_ja": .text(.reason), "reason_en": .text(.reason),
                                                  "whole_bookings": .list(.id)], required: ["date"],
                                                 example: ["date": "2026-12-11", "facilities": ["gym"], "reason_ja": "空調設備の緊急点検",
                                                           "reason_en": "Emergency air-conditioning inspection"]),
                     successStatus: .created, response: Schemas.ref("Closure"),
                     refusals: OpeningCalendar.ClosureRefusal.self) { context in
                let input = try context.request.decodeBody(ClosureInput.self)
                return context.answer(try await context.service.calendar.declareClosure(
                    input, by: context.caller(), idempotency: context.request.idempotencyKey()))
            },
            Endpoint(.GET, "/closures",
                     summary: "Ad-hoc closures touching from/to (either end open) of a facility (whole-center closures included), lifted ones too",
                     tag: "bookings", access: .staff,
                     parameters: [QueryParameter("facility", "A facility id of the catalogue"),
                                  QueryParameter("from", schema: Schemas.dateSchema, "Closed on or after this date"),
                                  QueryParameter("to", schema: Schemas.dateSchema, "Closed on or before this date")],
                     response: ["type": "array", "items": Schemas.ref("Closure")],
                     refusals: OpeningCalendar.ClosureListRefusal.self) { context in
                let request = context.request
                let range = try request.dateRange()
                let facilities = context.service.settings.center.facilities.map(\.id.rawValue)
                let facility = try request.choiceQuery("facility", facilities).map { FacilityID($0) }
                return APIResponse.json(try await context.service.calendar.closures(from: range.from, to: range.to,
                                                                                    facility: facility))
            },
            Endpoint(.GET, "/closures/{id}", summary: "A closure with what it cancelled and the holders to call",
                     tag: "bookings", access: .staff, response: Schemas.ref("Closure"),
                     refusals: ClosureLookupCode.self) { context in
                let id = try context.request.idParameter(notFound: ClosureLookupCode.closureNotFound)
                return APIResponse.json(try await context.service.calendar.closure(id: id))
            },
            Endpoint(.POST, "/closures/{id}/lift",
                     summary: "Lift a closure: its days reopen; the bookings it cancelled stay cancelled and are listed with their holders to rebook",
                     tag: "bookings", access: .staff, response: Schemas.ref("Closure"),
                     refusals: OpeningCalendar.LiftRefusal.self) { context in
                let id = try context.request.idParameter(notFound: ClosureLookupCode.closureNotFound)
                return context.answer(try await context.service.calendar.liftClosure(
                    id: id, by: context.caller(), idempotency: context.request.idempotencyKey()))
            },
        ]
    }
}
