import CenterDomain
import ServiceTestSupport
import Testing
@testable import CenterService

/// Each rule of `POST /bookings` refuses with its docs/API.md code, checked in the
/// write transaction (today is 2026-11-25).
struct BookingRefusalTests {
    let f: BookingFixture

    init() throws { f = try BookingFixture() }

    @Test func aLiveUnitCannotBeBookedTwice() async throws {
        let first = try await f.register(.general)
        let second = try await f.register(.general)
        try await f.book("2026-12-10", [.am, .pm], registration: first)
        let code = await f.refusal { try await f.book("2026-12-10", [.pm], registration: second) }
        #expect(code == "slot_taken")
    }

    @Test func theSchemaRefusesASecondLiveUnitEvenWithoutTheCheck() async throws {
        let registration = try await f.register(.general)
        let booking = try await f.book("2026-12-10", [.am], registration: registration)
        let code = await f.refusal {
            _ = try await f.service.pool.write { db in
                try BookingLedger.insertUnits(db, booking: booking.id, facility: "meeting-room-1", dates: [date("2026-12-10")],
                                              divisions: [.am], registration: registration, community: false)
            }
        }
        #expect(code == "slot_taken")
    }

    @Test func generalWindowOpensOnTheFirstOfTheMonthBefore() async throws {
        let registration = try await f.register(.general)
        do {
            try await f.book("2027-01-15", registration: registration)
            Issue.record("booked before the window opened")
        } catch {
            let error = try #require(Refused(error))
            #expect(error.code == "window_not_open")
            #expect(error.details["opens"] == "2026-12-01")
        }
    }

    @Test func theRegularClosedDayRefusesWithItsReason() async throws {
        let registration = try await f.register(.general)
        do {
            try await f.book("2026-12-21", registration: registration)
            Issue.record("booked a closed day")
        } catch {
            let error = try #require(Refused(error))
            #expect(error.code == "facility_closed")
            #expect(error.details["reason"] == "regular_closed_day")
        }
    }

    @Test func anAdHocClosureRefusesBookings() async throws {
        let registration = try await f.register(.general)
        _ = try await f.service.calendar.declareClosure(ClosureInput(date: date("2026-12-11"), facilities: ["meeting-room-1"],
                                                            reasonEn: "Water pipe repair"), by: f.staff)
        do {
            try await f.book("2026-12-11", registration: registration)
            Issue.record("booked a closed day")
        } catch {
            let error = try #require(Refused(error))
            #expect(error.code == "facility_closed")
            #expect(error.details["reason"] == "ad_hoc")
        }
        try await f.book(in: "meeting-room-2", "2026-12-11", registration: registration)
    }

    @Test func aClosedDayInsideAMultiDayEventRefusesIt() async throws {
        let registration = try await f.register(.general)
        let code = await f.refusal { try await f.book("2026-12-19", [.am], days: 3, registration: registration) }
        #expect(code == "facility_closed")
    }

    @Test func anEventLongerThanThreeDaysIsRefused() async throws {
        let registration = try await f.register(.general)
        let code = await f.refusal { try await f.book("2026-12-01", [.am], days: 4, registration: registration) }
        #expect(code == "consecutive_day_limit")
    }

    @Test func anAbsurdDayCountIsMalformedBeforeAnyRule() async throws {
        let registration = try await f.register(.general)
        let code = await f.refusal { try await f.book("2026-12-01", [.am], days: 1_000_000_000, registration: registration) }
        #expect(code == "days_invalid")
    }

    @Test func monthlyLimitStopsAtEightUnitsPerFacilityClass() async throws {
        let registration = try await f.register(.general)
        try await f.book("2026-12-01", [.am, .pm, .night], registration: registration)
        try await f.book(in: "meeting-room-2", "2026-12-02", [.am, .pm, .night], registration: registration)
        let code = await f.refusal { try await f.book("2026-12-03", [.am, .pm, .night], registration: registration) }
        #expect(code == "monthly_limit_reached")
        try await f.book("2026-12-03", [.am, .pm], registration: registration)
    }

    @Test func cookingRoomNeedsTheJapaneseOrCreativeRoom() async throws {
        let registration = try await f.register(.general)
        let code = await f.refusal { try await f.book(in: "cooking-room", "2026-12-10", [.pm], registration: registration) }
        #expect(code == "coupling_required")
        try await f.book(in: "japanese-room", "2026-12-10", [.pm], registration: registration)
        try await f.book(in: "cooking-room", "2026-12-10", [.pm], registration: registration)
    }

    @Test func nurseryRoomNeedsANamedGuardian() async throws {
        let registration = try await f.register(.general)
        try await f.book("2026-12-10", [.am], registration: registration)
        let code = await f.refusal { try await f.book(in: "nursery-room", "2026-12-10", [.am], registration: registration, attendees: 5) }
        #expect(code == "guardian_required")
        try await f.book(in: "nursery-room", "2026-12-10", [.am], registration: registration, attendees: 5, guardian: "Sato Hanako")
    }

    @Test func anExpiredRegistrationCannotBook() async throws {
        let registration = try await f.register(.general, validFrom: date("2024-01-01"), validUntil: date("2025-12-31"))
        let code = await f.refusal { try await f.book("2026-12-10", registration: registration) }
        #expect(code == "registration_expired")
    }

    @Test func aSuspendedRegistrationCannotBook() async throws {
        let registration = try await f.register(.general)
        _ = try await f.service.registrations.update(id: registration, RegistrationPatch(suspendedUntil: .some(date("2026-12-31"))),
                                                   by: f.staff)
        let code = await f.refusal { try await f.book("2026-12-10", registration: registration) }
        #expect(code == "registration_suspended")
    }

    @Test func attendeesAboveCapacityAreRefused() async throws {
        let registration = try await f.register(.general)
        let code = await f.refusal { try await f.book("2026-12-10", registration: registration, attendees: 25) }
        #expect(code == "capacity_exceeded")
    }

    @Test func aMemberBooksOnlyForItsOwnRegistration() async throws {
        let mine = try await f.register(.general)
        let other = try await f.register(.general)
        let code = await f.refusal { try await f.book("2026-12-10", registration: other, as: f.member(mine)) }
        #expect(code == "registration_not_found")
        try await f.book("2026-12-10", registration: mine, as: f.member(mine))
    }

    @Test func aDropInSpaceIsNotBookable() async throws {
        let registration = try await f.register(.general)
        let code = await f.refusal { try await f.book(in: "exchange-space", "2026-12-10", registration: registration) }
        #expect(code == "facility_not_bookable")
    }
}
