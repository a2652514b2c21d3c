import CenterDomain
import CenterService
import HTTPServer
import JSON

/// `GET /availability`: each date and division of a room, for anyone; names
/// and booking ids only for staff (and a member's own bookings).
enum AvailabilityEndpoints {
    static var all: [Endpoint] {
        [
            Endpoint(.GET, "/availability",
                     summary: "Per date and division: free, booked, closed, held for the community quota, not yet open",
                     tag: "bookings", access: .anyone,
                     parameters: [QueryParameter("facility", required: true, "A room id"),
                                  QueryParameter("from", required: true, schema: Schemas.dateSchema, "First date"),
                                  QueryParameter("to", required: true, schema: Schemas.dateSchema, "Last date (at most 93 days)"),
                                  QueryParameter("category", schema: ["type": "string", "enum": .array(BookingSchemas.categories.map { .string($0) })],
                                                 "Ask as this category (a member asks as its own)")],
                     response: ["type": "array", "items": Schemas.ref("AvailabilityDay")],
                     refusals: Bookings.AvailabilityRefusal.self, placement: .onLoop) { context in
                let request = context.request
                let facility = try request.requiredQuery("facility")
                let (from, to) = try request.requiredDateRange()
                let category = try request.choiceQuery("category", UserCategory.allCases.map(\.rawValue)).flatMap(UserCategory.init(rawValue:))
                let days = try await context.service.bookings.availability(
                    facility: FacilityID(facility), from: from, to: to, category: category, for: context.actor)
                return HTTPResponse(status: .ok, headers: ["content-type": "application/json"],
                                    body: try AvailabilityJSON.encode(days))
            },
        ]
    }
}
