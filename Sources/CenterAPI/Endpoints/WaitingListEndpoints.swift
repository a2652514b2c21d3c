import CalendarValues
import CenterDomain
import CenterService
import HTTPServer
import JSON

/// The rooms' cancellation waiting list (キャンセル待ち): join for a taken
/// slot, list, withdraw, and answer the offer a freed slot brings (accept
/// books it, decline passes it on). A member acts for its own registration.
/// docs/DOMAIN.md "Cancellation waiting list (キャンセル待ち)".
enum WaitingListEndpoints {
    static let joinBody = Schemas.object([
        "registration": .id, "facility": .code, "date": .date, "division": .code, "purpose": .text(.reason),
        "attendees": .integer(BookingRequest.attendeeRange)],
        required: ["registration", "facility", "date", "division", "purpose", "attendees"])

    static let entryList: JSONValue = ["type": "array", "items": Schemas.ref("WaitingEntry")]

    static var all: [Endpoint] {
        [
            Endpoint(.POST, "/waiting-list", summary: "Wait for a taken room slot (キャンセル待ち); a freed slot is offered down the line with a deadline",
                     tag: "waiting-list", access: .staffOrMember, requestBody: joinBody, successStatus: .created,
                     response: Schemas.ref("WaitingEntry"), refusals: WaitingList.JoinRefusal.self) { context in
                let input = try context.request.decodeBody(WaitingJoinRequest.self)
                return context.answer(try await context.service.waitingList.join(
                    input, by: context.caller(), idempotency: context.request.idempotencyKey()))
            },
            Endpoint(.GET, "/waiting-list", summary: "Waiting entries (live ones unless all=true) of a registration, or of a facility and date (a member: its own)",
                     tag: "waiting-list", access: .staffOrMember,
                     parameters: [QueryParameter("registration", schema: Schemas.integerParameter(InputRange.id), "A registration id"),
                                  QueryParameter("facility", "A facility id"),
                                  QueryParameter("date", schema: Schemas.dateSchema, "The date of use"),
                                  QueryParameter("all", schema: ["type": "string", "enum": ["true", "false"]],
                                                 "true lists entries no longer live too")],
                     response: entryList, refusals: Refusals<RegistrationLookupCode, WaitingListRules.Code>.self) { context in
                let request = context.request
                return APIResponse.json(try await context.service.waitingList.entries(
                    registration: try request.integerQuery("registration", in: InputRange.id),
                    facility: request.queryValue("facility").map { FacilityID($0) }, date: try request.dateQuery("date"),
                    all: try request.choiceQuery("all", ["true", "false"]) == "true", for: context.caller()))
            },
            Endpoint(.GET, "/me/waiting-list", summary: "The calling member's own live waiting entries and offers", tag: "members",
                     access: .roles([.member]), response: entryList,
                     refusals: Refusals<RegistrationLookupCode, WaitingListRules.Code>.self) { context in
                APIResponse.json(try await context.service.waitingList.entries(registration: nil, facility: nil, date: nil, all: false,
                                                                               for: context.caller()))
            },
            Endpoint(.GET, "/waiting-list/{id}", summary: "One waiting entry with its place in line and any running offer",
                     tag: "waiting-list", access: .staffOrMember, response: Schemas.ref("WaitingEntry"),
                     refusals: WaitingList.LookupRefusal.self) { context in
                let id = try context.request.idParameter(notFound: WaitingEntryLookupCode.waitingEntryNotFound)
                return APIResponse.json(try await context.service.waitingList.entry(id: id, for: context.caller()))
            },
            Endpoint(.POST, "/waiting-list/{id}/withdraw", summary: "Leave the line (取下げ); a running offer passes to the next",
                     tag: "waiting-list", access: .staffOrMember, response: Schemas.ref("WaitingEntry"),
                     refusals: WaitingList.StepRefusal.self) { context in
                let id = try context.request.idParameter(notFound: WaitingEntryLookupCode.waitingEntryNotFound)
                return context.answer(try await context.service.waitingList.withdraw(
                    entry: id, by: context.caller(), idempotency: context.request.idempotencyKey()))
            },
            Endpoint(.POST, "/waiting-list/{id}/decline", summary: "Decline the running offer (辞退); it passes to the next",
                     tag: "waiting-list", access: .staffOrMember, response: Schemas.ref("WaitingEntry"),
                     refusals: WaitingList.StepRefusal.self) { context in
                let id = try context.request.idParameter(notFound: WaitingEntryLookupCode.waitingEntryNotFound)
                return context.answer(try await context.service.waitingList.decline(
                    entry: id, by: context.caller(), idempotency: context.request.idempotencyKey()))
            },
            Endpoint(.POST, "/waiting-list/{id}/accept", summary: "Accept the running offer: the slot is booked provisionally through every booking rule (a refusal passes the offer on)",
                     tag: "waiting-list", access: .staffOrMember, successStatus: .created, response: Schemas.ref("Booking"),
                     refusals: WaitingList.AcceptRefusal.self) { context in
                let id = try context.request.idParameter(notFound: WaitingEntryLookupCode.waitingEntryNotFound)
                return context.answer(try await context.service.waitingList.accept(
                    entry: id, by: context.caller(), idempotency: context.request.idempotencyKey()))
            },
        ]
    }
}
