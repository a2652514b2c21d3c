import CalendarValues
import CenterDomain
import Testing
@testable import CenterService

/// Closures of part of a multi-day booking, and lifting a closure
/// (docs/DOMAIN.md "Closures of part of a multi-day booking").
struct PartialClosureServiceTests {
    let f: BookingFixture

    init() throws { f = try BookingFixture() }

    /// A paid three-day booking of meeting room 1, 午前 (¥1,500 a day).
    private func threeDays() async throws -> (registration: Int64, booking: Booking) {
        let registration = try await f.register(.general)
        let booking = try await f.book("2026-12-08", [.am], days: 3, registration: registration)
        _ = try await f.service.bookings.pay(booking: booking.id, by: f.staff)
        return (registration, booking)
    }

    private func close(_ date: String, whole: [Int64] = []) async throws -> ClosureRecord {
        try #require(try await f.service.calendar.declareClosure(
            ClosureInput(date: LocalDate(date)!, facilities: ["meeting-room-1"], reasonJa: "漏水の修理", wholeBookings: whole),
            by: f.staff).value)
    }

    @Test func closingTheMiddleDayCancelsOnlyThatDayAndRefundsIt() async throws {
        let (registration, booking) = try await threeDays()
        let closure = try await close("2026-12-09")
        #expect(closure.cancelled.isEmpty)
        let hit = try #require(closure.daysCancelled.first)
        #expect(hit.days == [LocalDate("2026-12-09")!])
        #expect(hit.refund == 1500)
        let after = try await f.service.bookings.booking(id: booking.id, for: f.staff)
        #expect(after.state == .paid)
        #expect(after.feeTotal == 3000)
        #expect(after.refund == Booking.Refund(percent: 100, amount: 1500))
        #expect(after.cancelledDays == [LocalDate("2026-12-09")!])
        #expect(after.dates == [LocalDate("2026-12-08")!, LocalDate("2026-12-10")!])
        #expect(closure.holders?.map(\.registration) == [registration])
        #expect(closure.holders?.first?.contact == "0300000000")
    }

    @Test func theHolderMayCancelTheWholeBookingWithAFullRefund() async throws {
        let (_, booking) = try await threeDays()
        let closure = try await close("2026-12-09", whole: [booking.id])
        #expect(closure.cancelled.map(\.id) == [booking.id])
        #expect(closure.cancelled.first?.state == .cancelledByCenter)
        #expect(closure.cancelled.first?.refund == Booking.Refund(percent: 100, amount: 4500))
    }

    @Test func aClosureOfEveryDayCancelsTheWholeBooking() async throws {
        let (_, booking) = try await threeDays()
        let closure = try #require(try await f.service.calendar.declareClosure(
            ClosureInput(date: LocalDate("2026-12-08")!, to: LocalDate("2026-12-10")!, reasonEn: "Power cut"), by: f.staff).value)
        #expect(closure.cancelled.map(\.id) == [booking.id])
        #expect(closure.daysCancelled.isEmpty)
    }

    @Test func anUnpaidBookingHasItsFeeLoweredAndNothingRefunded() async throws {
        let registration = try await f.register(.general)
        let booking = try await f.book("2026-12-08", [.am], days: 3, registration: registration)
        let closure = try await close("2026-12-10")
        #expect(closure.daysCancelled.first?.refund == 0)
        let after = try await f.service.bookings.booking(id: booking.id, for: f.staff)
        #expect(after.feeTotal == 3000)
        #expect(after.refund == nil)
    }

    @Test func aLaterCancellationAddsToTheClosuresRefund() async throws {
        let (_, booking) = try await threeDays()
        _ = try await close("2026-12-09")
        let cancelled = try #require(try await f.service.bookings.cancel(booking: booking.id, reason: nil, byCenter: true,
                                                                        by: f.staff).value)
        #expect(cancelled.refund == Booking.Refund(percent: 100, amount: 4500))
    }

    @Test func aWholeBookingNamedThatTheClosureDoesNotHitIsRefused() async throws {
        let registration = try await f.register(.general)
        let elsewhere = try await f.book(in: "meeting-room-2", "2026-12-09", registration: registration)
        #expect(await f.refusal { _ = try await close("2026-12-09", whole: [elsewhere.id]) } == "whole_booking_not_hit")
    }

    @Test func liftingReopensTheDaysAndListsWhatItCancelledForRebooking() async throws {
        let (registration, booking) = try await threeDays()
        let closure = try await close("2026-12-09")
        let lifted = try #require(try await f.service.calendar.liftClosure(id: closure.id, by: f.staff).value)
        #expect(lifted.liftedAt != nil)
        #expect(lifted.daysCancelled.map(\.booking.id) == [booking.id])
        #expect(lifted.holders?.map(\.registration) == [registration])
        let after = try await f.service.bookings.booking(id: booking.id, for: f.staff)
        #expect(after.cancelledDays == [LocalDate("2026-12-09")!])
        let other = try await f.register(.general)
        #expect(try await f.book("2026-12-09", [.am], registration: other).state == .provisional)
        #expect(await f.refusal { _ = try await f.service.calendar.liftClosure(id: closure.id, by: f.staff) }
            == "closure_already_lifted")
    }

    @Test func closuresAreListedByFacilityAndDates() async throws {
        let mine = try await close("2026-12-09")
        let center = try #require(try await f.service.calendar.declareClosure(
            ClosureInput(date: LocalDate("2026-12-20")!, reasonJa: "館内点検"), by: f.staff).value)
        _ = try await f.service.calendar.declareClosure(
            ClosureInput(date: LocalDate("2026-12-15")!, facilities: ["gym"], reasonEn: "Floor"), by: f.staff)
        let listed = try await f.service.calendar.closures(from: LocalDate("2026-12-01"), to: LocalDate("2026-12-31"),
                                                           facility: "meeting-room-1")
        #expect(listed.map(\.id) == [mine.id, center.id])
        #expect(listed.first?.reasonJa == "漏水の修理")
        #expect(listed.first?.reasonEn == nil)
    }

    @Test func aClosureNeedsAReasonInOneLanguage() async throws {
        #expect(await f.refusal {
            _ = try await f.service.calendar.declareClosure(ClosureInput(date: LocalDate("2026-12-09")!), by: f.staff)
        } == "reason_required")
    }

    @Test func aDayTheClosureCancelledCannotBeCheckedIn() async throws {
        let (_, booking) = try await threeDays()
        _ = try await close("2026-12-09")
        f.clock.set(Instant(japanDate: LocalDate("2026-12-09")!, minuteOfDay: 600))
        #expect(await f.refusal { _ = try await f.service.bookings.checkIn(booking: booking.id, by: f.staff) } == "check_in_not_today")
        f.clock.set(Instant(japanDate: LocalDate("2026-12-10")!, minuteOfDay: 600))
        #expect(try await f.service.bookings.checkIn(booking: booking.id, by: f.staff).value?.state == .checkedIn)
    }
}
