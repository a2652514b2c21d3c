import CenterDomain
import CenterService
import HTTPServer
import JSON

/// Series bookings (定期利用): one request books a weekly or monthly pattern
/// up to the category's window, each date answered booked or refused with
/// its code; continue books the dates whose window has opened since; cancel
/// cancels the series (one date is cancelled as any booking).
/// docs/DOMAIN.md "Series bookings (定期利用)".
enum SeriesEndpoints {
    struct CancelRequest: Decodable {
        let reason: String?
    }

    static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    static let patternSchema = Schemas.object([
        "pattern": .enumeration(["weekly", "monthly_nth_weekday", "monthly_day"]),
        "weekdays": .list(.enumeration(weekdays), maxItems: 7), "week": .range(-1, 5), "weekday": .enumeration(weekdays),
        "day": .range(1, 31)], required: ["pattern"])

    static let seriesBody: JSONValue = {
        guard case .object(var pairs) = Schemas.object([
            "facility": .code, "divisions": .list(.enumeration(["am", "pm", "night"]), maxItems: BookingRequest.maximumDivisions),
            "hours": .ref("BookingHours"), "registration": .id, "from": .date, "through": .date,
            "purpose": .text(.reason), "attendees": .integer(BookingRequest.attendeeRange),
            "admission_charged": .integer(InputRange.yen), "commercial": .boolean, "guardian": .text(.optionalName),
            "exemptions": .list(.code, maxItems: BookingRequest.maximumExemptions)],
            required: ["facility", "registration", "pattern", "from", "through", "purpose", "attendees"]),
              case .object(var properties)? = pairs.first(where: { $0.0 == "properties" })?.1 else { return [:] }
        properties.append(("pattern", patternSchema))
        pairs = pairs.map { $0.0 == "properties" ? ($0.0, .object(properties)) : $0 }
        return .object(pairs)
    }()

    static var all: [Endpoint] {
        [
            Endpoint(.POST, "/series", summary: "Book a series (定期利用): every date of a weekly or monthly pattern up to the window, each booked or refused with its code",
                     tag: "bookings", access: .staffOrMember, requestBody: seriesBody, successStatus: .created,
                     response: Schemas.ref("SeriesOutcome"), refusals: Bookings.SeriesRefusal.self) { context in
                let input = try context.request.decodeBody(SeriesRequest.self)
                return context.answer(try await context.service.bookings.bookSeries(
                    input, by: context.caller(), idempotency: context.request.idempotencyKey()))
            },
            Endpoint(.GET, "/series/{id}", summary: "A series with its bookings (a member: its own only)", tag: "bookings",
                     access: .staffOrMember, response: Schemas.ref("BookingSeries"), refusals: SeriesLookupCode.self) { context in
                let id = try context.request.idParameter(notFound: SeriesLookupCode.seriesNotFound)
                return APIResponse.json(try await context.service.bookings.series(id: id, for: context.caller()))
            },
            Endpoint(.POST, "/series/{id}/continue", summary: "Book the series' dates whose window has opened since it was last booked",
                     tag: "bookings", access: .staffOrMember, response: Schemas.ref("SeriesOutcome"),
                     refusals: Bookings.SeriesContinueRefusal.self) { context in
                let id = try context.request.idParameter(notFound: SeriesLookupCode.seriesNotFound)
                return context.answer(try await context.service.bookings.continueSeries(
                    id: id, by: context.caller(), idempotency: context.request.idempotencyKey()))
            },
            Endpoint(.POST, "/series/{id}/cancel", summary: "Cancel the series: every booking of it not yet in use, with its refund",
                     tag: "bookings", access: .staffOrMember, requestBody: Schemas.object(["reason": .text(.optionalReason)]),
                     response: Schemas.ref("BookingSeries"), refusals: Bookings.SeriesCancelRefusal.self) { context in
                let id = try context.request.idParameter(notFound: SeriesLookupCode.seriesNotFound)
                let input = context.request.body.isEmpty ? nil : try context.request.decodeBody(CancelRequest.self)
                return context.answer(try await context.service.bookings.cancelSeries(
                    id: id, reason: input?.reason, by: context.caller(), idempotency: context.request.idempotencyKey()))
            },
        ]
    }
}
