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
            Endpoint(.POST, "/bookings", summary: "Book divisions (or, in a room let by the hour, hours) of a room on a date (or up to the consecutive-day limit)",
                     tag: "bookings", access: .staffOrMember,
                     requestBody: Schemas.object([
                        "facility": .code, "date": .date,
                        "divisions": .list(.enumeration(["am", "pm", "night"]), maxItems: BookingRequest.maximumDivisions),
                        "days": .integer(BookingRequest.dayRange), "registration": .id, "purpose": .text(.reason),
                        "attendees": .integer(BookingRequest.attendeeRange), "admission_charged": .integer(InputRange.yen),
                        "commercial": .boolean, "guardian": .text(.optionalName),
                        "exemptions": .list(.code, maxItems: BookingRequest.maximumExemptions),
                        "hours": .ref("BookingHours"), "coupling_approval": .ref("CouplingApproval")],
                        required: ["facility", "date", "registration", "purpose", "attendees"]),
                     successStatus: .created, response: Schemas.ref("Booking"), refusals: Bookings.BookRefusal.self) { context in
                // Read field by field when the body is plain JSON (`BookingRequest.decodeBody`).
                let request = context.request
                let input = request.hasJSONBody ? try BookingRequest.decodeBody(request.body)
                    : try request.decodeBody(BookingRequest.self)
                return context.answer(try await context.service.bookings.book(
                    input, by: context.caller(), idempotency: request.idempotencyKeyHashedWhenRead()))
            },
            Endpoint(.GET, "/bookings",
                     summary: "Bookings in use on a date or from/to, of a facility, of a registration, in some states; paged by `cursor` (`Next-Cursor`)",
                     tag: "bookings", access: .staffOrMember,
                     parameters: [QueryParameter("date", schema: Schemas.dateSchema, "In use on this date (not with from/to)"),
                                  QueryParameter("from", schema: Schemas.dateSchema, "In use on or after this date"),
                                  QueryParameter("to", schema: Schemas.dateSchema, "In use on or before this date"),
                                  QueryParameter("facility", "A facility id of the catalogue"),
                                  QueryParameter("registration", schema: Schemas.integerParameter(InputRange.id), "A registration id"),
                                  QueryParameter("state", "One or more states, comma-separated: " + BookingSchemas.states.joined(separator: ", "))]
                         + Paging.parameters(maximum: BookingFilter.maximumLimit),
                     response: bookingList, refusals: Bookings.ListRefusal.self) { context in
                let request = context.request
                let range = try request.dayOrRange()
                let facilities = context.service.settings.center.facilities.map(\.id.rawValue)
                let paging = try request.paging(maximum: BookingFilter.maximumLimit, cursor: BookingFilter.cursor)
                let filter = BookingFilter(
                    from: range.from, to: range.to, facility: try request.choiceQuery("facility", facilities).map { FacilityID($0) },
                    registration: try request.integerQuery("registration", in: InputRange.id),
                    states: try request.choiceListQuery("state", BookingSchemas.states).compactMap(BookingState.init(rawValue:)),
                    limit: paging.limit, after: paging.after)
                return try await context.service.bookings.list(filter, for: context.caller()).response()
            },
            Endpoint(.GET, "/me/bookings", summary: "The calling member's own bookings; paged by `cursor` (`Next-Cursor`)",
                     tag: "members", access: .roles([.member]),
                     parameters: [QueryParameter("from", schema: Schemas.dateSchema, "In use on or after this date"),
                                  QueryParameter("to", schema: Schemas.dateSchema, "In use on or before this date"),
                                  QueryParameter("state", "One or more states, comma-separated: " + BookingSchemas.states.joined(separator: ", "))]
                         + Paging.parameters(maximum: BookingFilter.maximumLimit),
                     response: bookingList, refusals: Bookings.ListRefusal.self) { context in
                let request = context.request
                let range = try request.dateRange()
                let paging = try request.paging(maximum: BookingFilter.maximumLimit, cursor: BookingFilter.cursor)
                let filter = BookingFilter(
                    from: range.from, to: range.to,
                    states: try request.choiceListQuery("state", BookingSchemas.states).compactMap(BookingState.init(rawValue:)),
                    limit: paging.limit, after: paging.after)
                return try await context.service.bookings.list(filter, for: context.caller()).response()
            },
            Endpoint(.GET, "/bookings/{id}", summary: "A booking (a member: its own only)", tag: "bookings",
                     access: .staffOrMember, response: Schemas.ref("Booking"), refusals: BookingLookupCode.self,
                     placement: .onLoop) { context in
                let id = try context.request.idParameter(notFound: BookingLookupCode.bookingNotFound)
                return APIResponse.json(try await context.service.bookings.booking(id: id, for: context.caller()))
            },
            PaymentEndpoints.outstandingPayment,
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
