import CalendarValues
import CenterDomain
import Testing
@testable import CenterService

/// Fee quotes on the booking's own fee path, and the booking list's filters
/// and cursor.
struct QuoteAndListServiceTests {
    let f: BookingFixture

    init() throws { f = try BookingFixture() }

    @Test func aQuoteIsTheFeeTheBookingThenRecords() async throws {
        let registration = try await f.register(.general, inWard: false)
        let quote = try await f.service.bookings.quote(
            FeeQuoteRequest(facility: "meeting-room-1", date: LocalDate("2026-12-10")!, divisions: [.pm, .am], days: 2,
                            registration: registration, commercial: true), by: f.staff)
        let booking = try await f.book("2026-12-10", [.am, .pm], days: 2, registration: registration, commercial: true)
        #expect(quote.fee == booking.fee)
        #expect(quote.feeTotal == booking.feeTotal)
        #expect(quote.outOfWard)
    }

    @Test func aQuoteForACategoryNeedsNoRegistration() async throws {
        let quote = try await f.service.bookings.quote(
            FeeQuoteRequest(facility: "meeting-room-1", date: LocalDate("2026-12-10")!, divisions: [.am], category: .ward), by: f.staff)
        #expect(quote.feeTotal == 0)
    }

    @Test func aQuoteIsRefusedWithTheBookingsCodes() async throws {
        let registration = try await f.register(.general)
        func code(_ request: FeeQuoteRequest) async -> String? {
            await f.refusal { _ = try await f.service.bookings.quote(request, by: f.staff) }
        }
        let day = LocalDate("2026-12-10")!
        #expect(await code(FeeQuoteRequest(facility: "ballroom", date: day, divisions: [.am], registration: registration)) == "facility_not_found")
        #expect(await code(FeeQuoteRequest(facility: "exchange-space", date: day, divisions: [.am], registration: registration))
            == "facility_not_bookable")
        #expect(await code(FeeQuoteRequest(facility: "meeting-room-1", date: day, divisions: [], registration: registration))
            == "divisions_required")
        #expect(await code(FeeQuoteRequest(facility: "meeting-room-1", date: day, divisions: [.am], registration: registration,
                                           exemptions: ["nope"])) == "exemption_unknown")
        #expect(await code(FeeQuoteRequest(facility: "meeting-room-1", date: day, divisions: [.am], registration: 999)) == "registration_not_found")
        #expect(await code(FeeQuoteRequest(facility: "meeting-room-1", date: day, divisions: [.am])) == "registration_required")
        #expect(await code(FeeQuoteRequest(facility: "meeting-room-1", date: day, divisions: [.am], category: .freelancer))
            == "category_not_permitted")
    }

    @Test func theListFiltersByStateAndPagesByCursor() async throws {
        let registration = try await f.register(.general)
        var ids: [Int64] = []
        for day in ["2026-12-08", "2026-12-09", "2026-12-10"] { ids.append(try await f.book(day, registration: registration).id) }
        _ = try await f.service.bookings.pay(booking: ids[1], by: f.staff)
        let paid = try await f.service.bookings.list(BookingFilter(states: [.paid]), for: f.staff)
        #expect(paid.items.map(\.id) == [ids[1]])
        let first = try await f.service.bookings.list(BookingFilter(limit: 2), for: f.staff)
        #expect(first.items.map(\.id) == [ids[0], ids[1]])
        let cursor = try #require(first.next)
        #expect(cursor.description == "2026-12-09~\(ids[1])")
        let second = try await f.service.bookings.list(BookingFilter(limit: 2, after: cursor), for: f.staff)
        #expect(second.items.map(\.id) == [ids[2]])
        #expect(second.next == nil)
    }

    @Test func theListRefusesARegistrationThatDoesNotExist() async throws {
        #expect(await f.refusal { _ = try await f.service.bookings.list(BookingFilter(registration: 999), for: f.staff) }
            == "registration_not_found")
    }
}
