import CalendarValues
import CenterDomain
import Store
import Testing
@testable import CenterService

/// What the front desk's pages ask of the service beside the API's use cases.
struct FrontDeskQueryTests {
    @Test func aRegistrationIsFoundByItsNameHoweverTheKanaIsTyped() async throws {
        let f = try BookingFixture(synchronousFull: false)
        let input = RegistrationInput(category: .general, name: "ヤマダ工房", contact: "03-0000-0000")
        let id = try #require(try await f.service.registrations.register(input, by: f.staff).value).id
        _ = try await f.register(.general)
        #expect(try await f.service.registrations.find(name: "やまだ").map(\.id) == [id])
        #expect(try await f.service.registrations.find(name: "ﾔﾏﾀﾞ").map(\.id) == [id])
        #expect(try await f.service.registrations.find(name: "鈴木").isEmpty)
    }

    @Test func aBlankSearchIsRefused() async throws {
        let f = try BookingFixture(synchronousFull: false)
        #expect(await f.refusal { _ = try await f.service.registrations.find(name: "  ") } == "search_query_invalid")
    }

    @Test func aDryRunGivesTheFeeAndDeadlineAndBooksNothing() async throws {
        let f = try BookingFixture(synchronousFull: false)
        let registration = try await f.register(.general)
        let request = BookingRequest(facility: "large-meeting-room", date: LocalDate("2026-12-10")!, divisions: [.am, .pm],
                                     registration: registration, attendees: 20)
        let preview = try await f.service.bookings.dryRun(request, by: f.staff)
        let booked = try #require(try await f.service.bookings.book(request, by: f.staff).value)
        #expect(preview.feeTotal == booked.feeTotal)
        #expect(preview.fee == booked.fee)
        #expect(preview.paymentDeadline == booked.paymentDeadline)
        #expect(try await f.service.bookings.list(BookingFilter(registration: registration), for: f.staff).items.count == 1)
    }

    @Test func aDryRunRefusesAsTheBookingWould() async throws {
        let f = try BookingFixture(synchronousFull: false)
        let registration = try await f.register(.general)
        try await f.book(in: "large-meeting-room", "2026-12-10", [.am], registration: registration)
        let request = BookingRequest(facility: "large-meeting-room", date: LocalDate("2026-12-10")!, divisions: [.am],
                                     registration: registration)
        #expect(await f.refusal { _ = try await f.service.bookings.dryRun(request, by: f.staff) } == "slot_taken")
    }

    @Test func theCancelQuoteIsTheRefundTheCancellationGives() async throws {
        let f = try BookingFixture(synchronousFull: false)
        let registration = try await f.register(.general)
        let booking = try await f.book(in: "large-meeting-room", "2026-12-10", [.am], registration: registration)
        _ = try await f.service.bookings.pay(booking: booking.id, by: f.staff)
        let quote = try await f.service.bookings.cancelQuote(booking: booking.id, byCenter: false, for: f.staff)
        #expect(quote.paid == booking.feeTotal)
        #expect(quote.refundPercent == 100)
        let cancelled = try #require(try await f.service.bookings.cancel(booking: booking.id, reason: nil, byCenter: false,
                                                                          by: f.staff).value)
        #expect(cancelled.refund?.amount == quote.refundAmount)
        #expect(cancelled.refund?.percent == quote.refundPercent)
    }
}
