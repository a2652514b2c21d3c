import CalendarValues
import CenterDomain
import Foundation
import Testing
@testable import CenterAPI
@testable import CenterService

/// The hand-written `GET /availability` body is byte for byte what the API's
/// `JSONEncoder` writes, for every optional field and for closed days.
@Suite struct AvailabilityJSONTests {
    private func encoded<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }

    @Test func everySlotShapeMatchesJSONEncoder() throws {
        let date = LocalDate("2027-05-10")!
        let slots = [
            AvailabilitySlot(division: "am", status: .free, booking: nil, own: nil, releaseDate: nil, opens: nil),
            AvailabilitySlot(division: "pm", status: .booked, booking: 42, own: true, releaseDate: nil, opens: nil),
            AvailabilitySlot(division: "night", status: .booked, booking: nil, own: false, releaseDate: nil, opens: nil),
            AvailabilitySlot(division: "am", status: .held, booking: nil, own: nil, releaseDate: LocalDate("2027-04-10"), opens: nil),
            AvailabilitySlot(division: "pm", status: .notOpen, booking: nil, own: nil, releaseDate: nil, opens: LocalDate("2027-03-01")),
            AvailabilitySlot(division: "night", status: .notOpen, booking: nil, own: nil, releaseDate: LocalDate("2027-04-10"),
                             opens: LocalDate("2027-03-01"), bookableBy: [.ward, .economicGroup],
                             opensByCategory: [.init(category: .smallBusiness, at: LocalDate("2027-03-01")!),
                                               .init(category: .general, at: LocalDate("2027-04-01")!)]),
            AvailabilitySlot(division: "am", status: .closed, booking: nil, own: nil, releaseDate: nil, opens: nil, bookableBy: [],
                             opensByCategory: []),
        ]
        let days = [
            AvailabilityDay(date: date, open: true, reasons: [], divisions: slots),
            AvailabilityDay(date: date.adding(days: 1), open: false,
                            reasons: [ClosureReason(kind: .adHoc, reason: "Inspection / repairs", reasonJa: "点検",
                                                    facilities: ["gym"]),
                                      ClosureReason(kind: .works, itemID: "R-12")],
                            divisions: []),
        ]
        #expect(try AvailabilityJSON.encode(days) == encoded(days))
        #expect(try AvailabilityJSON.encode([]) == encoded([AvailabilityDay]()))
    }

    @Test func aStringThatNeedsEscapingFallsBackToJSONEncoder() throws {
        let days = [AvailabilityDay(date: LocalDate("2027-05-10")!, open: true, reasons: [],
                                    divisions: [AvailabilitySlot(division: "a\"b", status: .free, booking: nil, own: nil,
                                                                 releaseDate: nil, opens: nil)])]
        #expect(try AvailabilityJSON.encode(days) == encoded(days))
    }

    @Test func aRealMonthWithBookingsAndClosedDaysMatchesJSONEncoder() async throws {
        try await withTestServer { server in
        let ward = try await server.register("ward")
        for date in ["2026-12-01", "2026-12-02"] {
            let response = try await server.client().send("POST", "/bookings",
                                                          body: bookingBody(date, ["am", "pm"], facility: "gym", registration: ward),
                                                          token: server.adminToken)
            #expect(response.status == 201)
        }
        for actor in [nil, try await server.service.accounts.authenticate(authorization: "Bearer \(server.adminToken)")] {
            let days = try await server.service.bookings.availability(facility: "gym", from: LocalDate("2026-12-01")!,
                                                             to: LocalDate("2027-01-31")!, category: nil, for: actor)
            #expect(try AvailabilityJSON.encode(days) == encoded(days))
        }
        }
    }
}
