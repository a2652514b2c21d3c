import CalendarValues
import CenterDomain
import Store
import Testing
@testable import CenterService

/// What the front desk's pages ask of the service beside the API's use cases.
struct FrontDeskQueryTests {
    @Test func aQuotesPaymentDeadlineIsTheOneTheBookingGets() async throws {
        let f = try await BookingFixture(synchronousFull: false)
        let registration = try await f.register(.general)
        let quote = try await f.service.bookings.quote(
            FeeQuoteRequest(facility: "large-meeting-room", date: LocalDate("2026-12-10")!, divisions: [.am, .pm],
                            registration: registration), by: f.staff)
        let booked = try await f.book(in: "large-meeting-room", "2026-12-10", [.am, .pm], registration: registration)
        #expect(quote.paymentDeadline == booked.paymentDeadline)
        #expect(quote.feeTotal == booked.feeTotal)
    }

    @Test func theCancelQuoteIsTheRefundTheCancellationGives() async throws {
        let f = try await BookingFixture(synchronousFull: false)
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

    @Test func anHourlyRoomIsQuotedByItsHoursAsItIsBooked() async throws {
        let f = try await BookingFixture(synchronousFull: false)
        let registration = try await f.register(.general)
        let hours = BookingHours(from: LocalTime("13:00")!, to: LocalTime("15:00")!)
        let quote = try await f.service.bookings.quote(
            FeeQuoteRequest(facility: "consultation-room-1", date: LocalDate("2026-12-10")!, divisions: [], hours: hours,
                            registration: registration), by: f.staff)
        let booked = try #require(try await f.service.bookings.book(
            BookingRequest(facility: "consultation-room-1", date: LocalDate("2026-12-10")!, divisions: [], registration: registration,
                           attendees: 2, hours: hours), by: f.staff).value)
        #expect(quote.divisions == ["h13", "h14"])
        #expect(quote.feeTotal == booked.feeTotal)
        #expect(await f.refusal { _ = try await f.service.bookings.quote(
            FeeQuoteRequest(facility: "consultation-room-1", date: LocalDate("2026-12-10")!, divisions: [.am],
                            registration: registration), by: f.staff) } == "division_not_offered")
    }

    @Test func aPartPaymentIsWhatTheCancelQuoteRefundsAShareOf() async throws {
        let f = try await BookingFixture(synchronousFull: false)
        let registration = try await f.register(.general)
        let booking = try await f.book(in: "large-meeting-room", "2026-12-10", [.am, .pm], registration: registration)
        _ = try await f.service.bookings.takePayment(booking: booking.id, amount: 1000, method: .cash, by: f.staff)
        let quote = try await f.service.bookings.cancelQuote(booking: booking.id, byCenter: false, for: f.staff)
        #expect(quote.paid == 1000)
        #expect(quote.account.payments.map(\.amount) == [1000])
        let cancelled = try #require(try await f.service.bookings.cancel(booking: booking.id, reason: nil, byCenter: false,
                                                                          by: f.staff).value)
        #expect(cancelled.refund?.amount == quote.refundAmount)
        #expect(try await f.service.bookings.account(booking: booking.id, for: f.staff).refunds.map(\.amount)
                == (quote.refundAmount > 0 ? [quote.refundAmount] : []))
    }
}
