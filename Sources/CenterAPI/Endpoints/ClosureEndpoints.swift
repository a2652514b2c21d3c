import CenterDomain
import CenterService
import HTTPServer
import JSON

/// `POST /closures`: an ad-hoc closure (臨時休館) that cancels, in the same
/// transaction, every live booking it hits with a full refund and lists them.
enum ClosureEndpoints {
    static var all: [Endpoint] {
        [
            Endpoint(.POST, "/closures", summary: "Close the center or facilities; cancels and lists the bookings hit",
                     tag: "bookings", access: .staff,
                     requestBody: Schemas.object(["date": .date, "to": .date, "facilities": .list(.code),
                                                  "reason": .text(.reason), "reason_ja": .text(.optionalReason)], required: ["date", "reason"]),
                     successStatus: .created, response: Schemas.ref("Closure"),
                     refusals: OpeningCalendar.ClosureRefusal.self) { context in
                let input = try context.request.decodeBody(ClosureInput.self)
                return context.answer(try await context.service.calendar.declareClosure(
                    input, by: context.caller(), idempotency: context.request.idempotencyKey()))
            },
        ]
    }
}
