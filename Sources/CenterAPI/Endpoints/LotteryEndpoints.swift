import CalendarValues
import CenterDomain
import CenterService
import HTTPServer
import JSON

/// Lottery rounds (抽選): what is published of each round's month (status
/// and commitment, the ballot, the result; public, no names), and entries
/// made and withdrawn by a member for itself or by staff for a
/// registration. docs/DOMAIN.md "Lottery rounds (抽選)"; the ballot replays
/// with `bench/replay-lottery.py`.
enum LotteryEndpoints {
    static let entryBody = Schemas.object([
        "registration": .id, "facility": .code, "date": .date,
        "divisions": .list(.enumeration(["am", "pm", "night"]), maxItems: BookingRequest.maximumDivisions),
        "purpose": .text(.reason), "attendees": .integer(BookingRequest.attendeeRange)],
        required: ["registration", "facility", "date", "divisions", "purpose", "attendees"])

    static let entryList: JSONValue = ["type": "array", "items": Schemas.ref("LotteryEntry")]

    /// The `{month}` of a path, `YYYY-MM`; nil when it is none (then no round draws it).
    static func month(_ request: HTTPRequest) -> YearMonth? { YearMonth(request.pathParameter("month")) }

    static var all: [Endpoint] {
        [
            Endpoint(.GET, "/lottery-rounds", summary: "Every lottery round for the months whose entries open from last month to next month: schedule, phase, commitment, seed after the draw, the public summary",
                     tag: "lottery", access: .anyone,
                     response: ["type": "array", "items": Schemas.ref("LotteryRoundMonth")], refusals: NoRefusal.self) { context in
                APIResponse.json(try await context.service.lottery.months())
            },
            Endpoint(.GET, "/lottery-rounds/{round}/{month}", summary: "One round's month: schedule, phase, commitment (SHA-256 of the seed), the seed and per-slot entries and winners after the draw; no names",
                     tag: "lottery", access: .anyone, response: Schemas.ref("LotteryRoundMonth"),
                     refusals: LotteryLookupCode.self) { context in
                APIResponse.json(try await context.service.lottery.month(round: context.request.pathParameter("round"),
                                                                         month: month(context.request)))
            },
            Endpoint(.GET, "/lottery-rounds/{round}/{month}/ballot", summary: "The published ballot (entries, pseudonymous applicants, free slots, quota; the seed after the draw), as bench/replay-lottery.py reads it",
                     tag: "lottery", access: .anyone, response: Schemas.ref("LotteryBallot"),
                     refusals: Lottery.PublicationRefusal.self) { context in
                APIResponse.json(try await context.service.lottery.ballot(round: context.request.pathParameter("round"),
                                                                          month: month(context.request)))
            },
            Endpoint(.GET, "/lottery-rounds/{round}/{month}/result", summary: "The draw's result: every entry in draw order with its key and outcome, the winners, the unwon slots, the summary",
                     tag: "lottery", access: .anyone, response: Schemas.ref("LotteryResult"),
                     refusals: Lottery.PublicationRefusal.self) { context in
                APIResponse.json(try await context.service.lottery.result(round: context.request.pathParameter("round"),
                                                                          month: month(context.request)))
            },
            Endpoint(.POST, "/lottery-entries", summary: "Enter the lottery of the room's round for the registration's category (抽選申込み): not a booking",
                     tag: "lottery", access: .staffOrMember, requestBody: entryBody, successStatus: .created,
                     response: Schemas.ref("LotteryEntry"), refusals: Lottery.EnterRefusal.self) { context in
                let input = try context.request.decodeBody(LotteryEntryRequest.self)
                return context.answer(try await context.service.lottery.enter(
                    input, by: context.caller(), idempotency: context.request.idempotencyKey()))
            },
            Endpoint(.GET, "/lottery-entries", summary: "Lottery entries with their outcomes, of a registration, a round, a month (a member: its own)",
                     tag: "lottery", access: .staffOrMember,
                     parameters: [QueryParameter("registration", schema: Schemas.integerParameter(InputRange.id), "A registration id"),
                                  QueryParameter("round", "A round id"),
                                  QueryParameter("month", schema: Schemas.Field.month.schema, "The month of use, YYYY-MM")],
                     response: entryList, refusals: RegistrationLookupCode.self) { context in
                let request = context.request
                return APIResponse.json(try await context.service.lottery.entries(
                    registration: try request.integerQuery("registration", in: InputRange.id), round: request.queryValue("round"),
                    month: try request.monthQuery("month"), for: context.caller()))
            },
            Endpoint(.GET, "/me/lottery-entries", summary: "The calling member's own lottery entries and results", tag: "members",
                     access: .roles([.member]), response: entryList, refusals: NoRefusal.self) { context in
                APIResponse.json(try await context.service.lottery.entries(registration: nil, round: nil, month: nil,
                                                                           for: context.caller()))
            },
            Endpoint(.GET, "/lottery-entries/{id}", summary: "One lottery entry (a member: its own only)", tag: "lottery",
                     access: .staffOrMember, response: Schemas.ref("LotteryEntry"), refusals: LotteryEntryLookupCode.self) { context in
                let id = try context.request.idParameter(notFound: LotteryEntryLookupCode.lotteryEntryNotFound)
                return APIResponse.json(try await context.service.lottery.entry(id: id, for: context.caller()))
            },
            Endpoint(.POST, "/lottery-entries/{id}/withdraw", summary: "Withdraw an entry (取下げ), during the entry period only",
                     tag: "lottery", access: .staffOrMember, response: Schemas.ref("LotteryEntry"),
                     refusals: Lottery.WithdrawRefusal.self) { context in
                let id = try context.request.idParameter(notFound: LotteryEntryLookupCode.lotteryEntryNotFound)
                return context.answer(try await context.service.lottery.withdraw(
                    entry: id, by: context.caller(), idempotency: context.request.idempotencyKey()))
            },
        ]
    }
}
