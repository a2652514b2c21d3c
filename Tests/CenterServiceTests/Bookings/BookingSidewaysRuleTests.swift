import CenterDomain
import Testing
@testable import CenterService
import CalendarValues

/// Booking rules that hold however a request approaches them: a use date
/// after the registration ends, a division already over today, and a
/// consecutive run split into several requests (today is 2026-11-25).
struct BookingSidewaysRuleTests {
    let f: BookingFixture

    init() async throws { f = try await BookingFixture() }

    @Test func theRegistrationMustBeValidOnTheUseDateNotOnlyToday() async throws {
        let registration = try await f.register(.general, validFrom: date("2026-01-01"), validUntil: date("2026-12-05"))
        let error = await f.domainError { try await f.book("2026-12-10", registration: registration) }
        #expect(error?.code == "registration_expired")
        #expect(error?.details["date"] == "2026-12-10")
        #expect(error?.details["valid_until"] == "2026-12-05")
        try await f.book("2026-12-05", registration: registration)
    }

    @Test func everyDayOfAMultiDayEventNeedsAValidRegistration() async throws {
        let registration = try await f.register(.general, validFrom: date("2026-01-01"), validUntil: date("2026-12-05"))
        let error = await f.domainError { try await f.book("2026-12-04", days: 3, registration: registration) }
        #expect(error?.code == "registration_expired")
        #expect(error?.details["date"] == "2026-12-06")
    }

    @Test func aDivisionThatHasEndedTodayCannotBeBooked() async throws {
        let registration = try await f.register(.general)
        f.clock.set(Instant(japanDate: BookingFixture.today, minuteOfDay: 12 * 60 + 30))
        let error = await f.domainError { try await f.book("2026-11-25", [.am, .pm], registration: registration) }
        #expect(error?.code == "division_past")
        #expect(error?.details["division"] == "am")
        let afternoon = try await f.book("2026-11-25", [.pm], registration: registration)
        #expect(afternoon.state == .provisional)
    }

    @Test func aDivisionUnderWayCanStillBeBooked() async throws {
        let registration = try await f.register(.general)
        f.clock.set(Instant(japanDate: BookingFixture.today, minuteOfDay: 14 * 60))
        try await f.book("2026-11-25", [.pm, .night], registration: registration)
    }

    @Test func consecutiveDaysSplitIntoSeparateRequestsCountAsOneRun() async throws {
        let registration = try await f.register(.general)
        for day in ["2026-12-01", "2026-12-02", "2026-12-03"] { try await f.book(day, registration: registration) }
        let error = await f.domainError { try await f.book("2026-12-04", [.night], registration: registration) }
        #expect(error?.code == "consecutive_day_limit")
        #expect(error?.details["from"] == "2026-12-01")
        #expect(error?.details["to"] == "2026-12-04")
        #expect(error?.details["days"] == "4")
    }

    @Test func aRequestFillingTheGapBetweenTwoBookingsJoinsBothRuns() async throws {
        let registration = try await f.register(.general)
        try await f.book("2026-12-01", [.am, .pm], registration: registration)
        try await f.book("2026-12-03", days: 2, registration: registration)
        let error = await f.domainError { try await f.book("2026-12-02", [.night], registration: registration) }
        #expect(error?.code == "consecutive_day_limit")
        #expect(error?.details["days"] == "4")
    }

    @Test func theRunIsPerRegistrationAndPerFacility() async throws {
        let registration = try await f.register(.general)
        let other = try await f.register(.general)
        for day in ["2026-12-01", "2026-12-02", "2026-12-03"] { try await f.book(day, registration: registration) }
        try await f.book(in: "meeting-room-2", "2026-12-04", registration: registration)
        try await f.book("2026-12-04", registration: other)
    }

    @Test func aCancelledBookingNoLongerCountsTowardsTheRun() async throws {
        let registration = try await f.register(.general)
        try await f.book("2026-12-01", registration: registration)
        try await f.book("2026-12-02", registration: registration)
        let third = try await f.book("2026-12-03", registration: registration)
        _ = try await f.service.bookings.cancel(booking: third.id, reason: nil, byCenter: false, by: f.staff)
        try await f.book("2026-12-04", registration: registration)
    }
}
