import CenterDomain
import CenterService
import HTTPServer
import JSON

/// The front desk (窓口): the day sheet, marking a room booking a no-show,
/// and fee quotes before booking.
enum FrontDeskEndpoints {
    static var all: [Endpoint] {
        [
            Endpoint(.GET, "/front-desk/day",
                     summary: "The day sheet: every room by division, every booking and desk pass of the day with its holder, contact, state, amount due and check-in",
                     tag: "front-desk", access: .staff,
                     parameters: [QueryParameter("date", schema: Schemas.dateSchema, "The day (default: today)")],
                     response: Schemas.ref("DaySheet"), refusals: NoRefusal.self) { context in
                let date = try context.request.dateQuery("date") ?? context.service.today
                return APIResponse.json(try await context.service.frontDesk.daySheet(date: date))
            },
            Endpoint(.POST, "/bookings/{id}/no-show",
                     summary: "Mark a room booking a no-show (無断不使用) on its day, once its first division has started; the policy's penalty points apply",
                     tag: "front-desk", access: .staff, response: Schemas.ref("Booking"),
                     refusals: Bookings.NoShowRefusal.self) { context in
                let id = try context.request.idParameter(notFound: BookingLookupCode.bookingNotFound)
                return context.answer(try await context.service.bookings.markNoShow(
                    booking: id, by: context.caller(), idempotency: context.request.idempotencyKey()))
            },
            Endpoint(.POST, "/fees/quote",
                     summary: "The fee a booking would be charged, with its breakdown, without booking (for a registration or a category)",
                     tag: "front-desk", access: .staffOrMember,
                     requestBody: Schemas.object([
                        "facility": .code, "date": .date,
                        "divisions": .list(.enumeration(["am", "pm", "night"]), maxItems: BookingRequest.maximumDivisions),
                        "days": .integer(BookingRequest.dayRange), "registration": .id,
                        "category": .enumeration(BookingSchemas.categories), "in_ward": .boolean,
                        "admission_charged": .integer(InputRange.yen), "commercial": .boolean,
                        "exemptions": .list(.code, maxItems: BookingRequest.maximumExemptions)],
                        required: ["facility", "date", "divisions"],
                        example: ["facility": "meeting-room-1", "date": "2026-12-10", "divisions": ["am", "pm"], "registration": 1]),
                     response: Schemas.ref("FeeQuote"), refusals: Bookings.QuoteRefusal.self) { context in
                let input = try context.request.decodeBody(FeeQuoteRequest.self)
                return APIResponse.json(try await context.service.bookings.quote(input, by: context.caller()))
            },
        ]
    }
}
