import CalendarValues
import CenterDomain
import Testing
@testable import CenterService

/// Marking a room no-show at the counter (docs/DOMAIN.md "No-shows at the
/// counter"): not before the day's first division starts, then with the
/// policy's points, the booking ended and its slots freed.
struct NoShowServiceTests {
    let f: BookingFixture

    init() throws { f = try BookingFixture() }

    @Test func aNoShowBeforeTheFirstDivisionStartsIsRefused() async throws {
        let registration = try await f.register(.general)
        let booking = try await f.book("2026-11-25", [.pm], registration: registration)
        let refused = await f.domainError { _ = try await f.service.bookings.markNoShow(booking: booking.id, by: f.staff) }
        #expect(refused?.code == "no_show_too_early")
        #expect(refused?.details["start"] == "13:00")
        #expect(try await f.service.bookings.booking(id: booking.id, for: f.staff).state == .provisional)
    }

    @Test func aNoShowAfterTheStartEndsTheBookingWithItsPointsAndFreesTheSlot() async throws {
        let registration = try await f.register(.general)
        let booking = try await f.book("2026-11-25", [.pm], registration: registration)
        f.clock.set(Instant(japanDate: BookingFixture.today, minuteOfDay: 13 * 60 + 5))
        let marked = try #require(try await f.service.bookings.markNoShow(booking: booking.id, by: f.staff).value)
        #expect(marked.state == .noShow)
        #expect(try await f.service.registrations.registration(id: registration, for: f.staff).penaltyPoints == 2)
        let other = try await f.register(.general)
        #expect(try await f.book("2026-11-25", [.pm], registration: other).state == .provisional)
    }

    @Test func aNoShowIsMarkedOnADayOfUseOnly() async throws {
        let registration = try await f.register(.general)
        let booking = try await f.book("2026-12-10", registration: registration)
        #expect(await f.refusal { _ = try await f.service.bookings.markNoShow(booking: booking.id, by: f.staff) }
            == "no_show_not_booking_day")
    }

    @Test func aCancelledBookingCannotBecomeANoShow() async throws {
        let registration = try await f.register(.general)
        let booking = try await f.book("2026-11-25", [.am], registration: registration)
        _ = try await f.service.bookings.cancel(booking: booking.id, reason: nil, byCenter: false, by: f.staff)
        #expect(await f.refusal { _ = try await f.service.bookings.markNoShow(booking: booking.id, by: f.staff) }
            == "invalid_transition")
    }

    @Test func twoNoShowsSuspendTheRegistration() async throws {
        let registration = try await f.register(.general)
        let am = try await f.book("2026-11-25", [.am], registration: registration)
        let pm = try await f.book(in: "meeting-room-2", "2026-11-25", [.pm], registration: registration)
        f.clock.set(Instant(japanDate: BookingFixture.today, minuteOfDay: 14 * 60))
        _ = try await f.service.bookings.markNoShow(booking: am.id, by: f.staff)
        _ = try await f.service.bookings.markNoShow(booking: pm.id, by: f.staff)
        let record = try await f.service.registrations.registration(id: registration, for: f.staff)
        #expect(record.status == .suspended)
        #expect(record.suspendedUntil == BookingFixture.today.adding(days: 89))
    }
}
