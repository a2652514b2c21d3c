import CalendarValues
import CenterDomain
import Testing
@testable import CenterService

/// The day boundaries of the rules as the service applies them: the window
/// opening day and the refund tiers (7 days: 100%, 3–6 days: 50%, less: 0%).
struct BookingBoundaryTests {
    let f: BookingFixture

    init() async throws { f = try await BookingFixture() }

    @Test func theWindowOpensOnItsOpeningDayNotTheDayBefore() async throws {
        let registration = try await f.register(.general)
        f.clock.set(Instant(japanDate: date("2026-11-30"), minuteOfDay: 1439))
        #expect(await f.refusal { try await f.book("2027-01-15", registration: registration) } == "window_not_open")
        f.clock.set(Instant(japanDate: date("2026-12-01"), minuteOfDay: 0))
        #expect(try await f.book("2027-01-15", registration: registration).state == .provisional)
    }

    @Test(arguments: [("2026-12-03", 100), ("2026-12-04", 50), ("2026-12-07", 50), ("2026-12-08", 0)])
    func refundTiersByDaysBeforeUse(cancelledOn: String, percent: Int) async throws {
        let registration = try await f.register(.general)
        let booking = try await f.book("2026-12-10", [.am, .pm], registration: registration)
        _ = try await f.service.bookings.pay(booking: booking.id, by: f.staff)
        f.clock.set(Instant(japanDate: date(cancelledOn), minuteOfDay: 600))
        let cancelled = try await f.service.bookings.cancel(booking: booking.id, reason: nil, byCenter: false, by: f.staff).value!
        #expect(cancelled.refund?.percent == percent)
        #expect(cancelled.refund?.amount == 3500 * percent / 100)
    }

    @Test func theCenterCancellingRefundsEverythingEvenOnTheDay() async throws {
        let registration = try await f.register(.general)
        let booking = try await f.book("2026-12-10", registration: registration)
        _ = try await f.service.bookings.pay(booking: booking.id, by: f.staff)
        f.clock.set(Instant(japanDate: date("2026-12-10"), minuteOfDay: 480))
        let cancelled = try await f.service.bookings.cancel(booking: booking.id, reason: "Flooding", byCenter: true, by: f.staff).value!
        #expect(cancelled.state == .cancelledByCenter)
        #expect(cancelled.refund?.percent == 100)
        #expect(try await f.service.registrations.registration(id: registration, for: f.staff).penaltyPoints == 0)
    }

    @Test func aMemberCannotCancelOnTheCentersBehalf() async throws {
        let registration = try await f.register(.general)
        let booking = try await f.book("2026-12-10", registration: registration)
        let code = await f.refusal {
            _ = try await f.service.bookings.cancel(booking: booking.id, reason: nil, byCenter: true, by: f.member(registration))
        }
        #expect(code == "forbidden")
    }
}
