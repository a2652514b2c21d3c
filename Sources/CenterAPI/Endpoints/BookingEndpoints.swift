import CenterDomain
import CenterService
import HTTPServer
import JSON

/// Room bookings (予約): take one with every rule in one transaction, list
/// and read them, and move them through the lifecycle (payment, check-in,
/// cancellation with refund). A member sees and cancels only its own.
enum BookingEndpoints {
    struct CancelRequest: Decodable {
        let reason: String?
        let byCenter: Bool?

        enum CodingKeys: String, CodingKey { case reason, byCenter = "by_center" }
    }

    static let bookingList: JSONValue = ["type": "array", "items": Schemas.ref("Booking")]

    static var all: [Endpoint] {
        [
            Endpoint(.POST, "/bookings", summary: "Book divisions of a room on a date (or up to the consecutive-day limit)",
                     tag: "bookings", access: .staffOrMember,
                     requestBody: Schemas.object([
                        "facility": .code, "date": .date,
                        "divisions": .list(.enumeration(["am", "pm", "night"]), maxItems: BookingRequest.maximumDivisions),
                        "days": .integer(BookingRequest.dayRange), "registration": .id, "purpose": .text(.reason),
                        "attendees": .integer(BookingRequest.attendeeRange), "admission_charged": .integer(InputRange.yen),
                        "commercial": .boolean, "guardian": .text(.optionalName),
                        "exemptions": .list(.code, maxItems: BookingRequest.maximumExemptions)],
                        required: ["facility", "date", "divisions", "registration", "purpose", "attendees"]),
                     successStatus: .created, response: Schemas.ref("Booking"), refusals: Bookings.BookRefusal.self) { context in
                let input = try context.request.decodeBody(BookingRequest.self)
                return context.answer(try await context.service.bookings.book(
                    input, by: context.caller(), idempotency: context.request.idempotencyKey()))
            },
            Endpoint(.GET, "/bookings", summary: "Bookings in use on a date or from/to, of a facility, of a registration",
                     tag: "bookings", access: .staffOrMember,
                     parameters: [QueryParameter("date", schema: Schemas.dateSchema, "In use on this date (same as from = to = date)"),
                                  QueryParameter("from", schema: Schemas.dateSchema, "In use on or after this date"),
                                  QueryParameter("to", schema: Schemas.dateSchema, "In use on or before this date"),
                                  QueryParameter("facility", "A facility id"),
                                  QueryParameter("registration", schema: Schemas.integerParameter(InputRange.id), "A registration id")],
                     response: bookingList, refusals: RegistrationLookupCode.self) { context in
                let request = context.request
                let registration = try request.integerQuery("registration", in: InputRange.id)
                let date = try request.dateQuery("date")
                let range = try request.dateRange()
                return APIResponse.json(try await context.service.bookings.list(
                    from: range.from ?? date, to: range.to ?? date,
                    facility: request.queryValue("facility").map { FacilityID($0) }, registration: registration,
                    for: context.caller()))
            },
            Endpoint(.GET, "/me/bookings", summary: "The calling member's own bookings", tag: "members",
                     access: .roles([.member]),
                     parameters: [QueryParameter("from", schema: Schemas.dateSchema, "In use on or after this date"),
                                  QueryParameter("to", schema: Schemas.dateSchema, "In use on or before this date")],
                     response: bookingList, refusals: NoRefusal.self) { context in
                let range = try context.request.dateRange()
                return APIResponse.json(try await context.service.bookings.list(
                    from: range.from, to: range.to, facility: nil, registration: nil,
                    for: context.caller()))
            },
            Endpoint(.GET, "/bookings/{id}", summary: "A booking (a member: its own only)", tag: "bookings",
                     access: .staffOrMember, response: Schemas.ref("Booking"), refusals: BookingLookupCode.self,
                     placement: .onLoop) { context in
                let id = try context.request.idParameter(notFound: BookingLookupCode.bookingNotFound)
                return APIResponse.json(try await context.service.bookings.booking(id: id, for: context.caller()))
            },
            Endpoint(.POST, "/bookings/{id}/payment", summary: "Record the payment: provisional → paid", tag: "bookings",
                     access: .staff, response: Schemas.ref("Booking"),
                     refusals: Bookings.PayRefusal.self) { context in
                let id = try context.request.idParameter(notFound: BookingLookupCode.bookingNotFound)
                return context.answer(try await context.service.bookings.pay(
                    booking: id, by: context.caller(), idempotency: context.request.idempotencyKey()))
            },
            Endpoint(.POST, "/bookings/{id}/check-in", summary: "Check in on a day of use: paid → checked_in",
                     tag: "bookings", access: .staff, response: Schemas.ref("Booking"),
                     refusals: Bookings.CheckInRefusal.self) { context in
                let id = try context.request.idParameter(notFound: BookingLookupCode.bookingNotFound)
                return context.answer(try await context.service.bookings.checkIn(
                    booking: id, by: context.caller(), idempotency: context.request.idempotencyKey()))
            },
            Endpoint(.POST, "/bookings/{id}/cancel", summary: "Cancel with the refund schedule (staff may cancel for the center: 100%)",
                     tag: "bookings", access: .staffOrMember,
                     requestBody: Schemas.object(["reason": .text(.optionalReason), "by_center": .boolean]),
                     response: Schemas.ref("Booking"),
                     refusals: Bookings.CancelRefusal.self, placement: .onLoop) { context in
                let id = try context.request.idParameter(notFound: BookingLookupCode.bookingNotFound)
                let input = context.request.body.isEmpty ? nil : try context.request.decodeBody(CancelRequest.self)
                return context.answer(try await context.service.bookings.cancel(
                    booking: id, reason: input?.reason, byCenter: input?.byCenter ?? false, by: context.caller(),
                    idempotency: context.request.idempotencyKey()))
            },
        ]
    }
}
