import CalendarValues
import CenterDomain
import Store
import Testing
@testable import CenterService

/// provisional → paid → checked_in → done, lapses, cancellations with refunds,
/// penalties, and the fee and deadline a booking is born with.
struct BookingLifecycleTests {
    let f: BookingFixture

    init() async throws { f = try await BookingFixture() }

    @Test func aBookingStartsProvisionalWithItsFeeAndDeadline() async throws {
        let registration = try await f.register(.general)
        let booking = try await f.book("2026-12-10", [.am, .pm], registration: registration)
        #expect(booking.state == .provisional)
        #expect(booking.feeTotal == 3500)
        #expect(booking.paymentDeadline == Instant(japanDate: date("2026-12-04")).adding(seconds: -1))
        #expect(booking.fee.perDay.gapHoursFree.count == 1)
    }

    @Test func outOfWardUsersPayTheSurchargeOnEveryDay() async throws {
        let registration = try await f.register(.general, inWard: false)
        let booking = try await f.book("2026-12-08", [.am], days: 2, registration: registration)
        #expect(booking.outOfWard)
        #expect(booking.feeTotal == 2 * 1800)
    }

    @Test func staffGrantAnExemptionByItsCode() async throws {
        let registration = try await f.register(.general)
        let request = BookingRequest(facility: "meeting-room-1", date: date("2026-12-10"), divisions: [.am, .pm],
                                     registration: registration, exemptions: ["ward_sponsored"])
        #expect(try await f.service.bookings.book(request, by: f.staff).value?.feeTotal == 1750)
        var unknown = request
        unknown.date = date("2026-12-11")
        unknown.exemptions = ["friends_and_family"]
        #expect(await f.refusal { _ = try await f.service.bookings.book(unknown, by: f.staff) } == "exemption_unknown")
        var selfGranted = request
        selfGranted.date = date("2026-12-11")
        #expect(await f.refusal { _ = try await f.service.bookings.book(selfGranted, by: f.member(registration)) } == "forbidden")
    }

    @Test func theWardsOwnUseIsFeeExempt() async throws {
        let ward = try await f.register(.ward)
        #expect(try await f.book("2026-12-10", [.am, .pm, .night], registration: ward).feeTotal == 0)
    }

    @Test func paymentMovesProvisionalToPaidOnce() async throws {
        let registration = try await f.register(.general)
        let booking = try await f.book("2026-12-10", registration: registration)
        let paid = try await f.service.bookings.pay(booking: booking.id, by: f.staff).value!
        #expect(paid.state == .paid)
        #expect(paid.paidAt == f.clock.now())
        let code = await f.refusal { _ = try await f.service.bookings.pay(booking: booking.id, by: f.staff) }
        #expect(code == "invalid_transition")
    }

    @Test func aHoldCannotBePaidAfterItsDeadline() async throws {
        let registration = try await f.register(.general)
        let booking = try await f.book("2026-12-10", registration: registration)
        f.clock.set(booking.paymentDeadline.adding(seconds: 1))
        let code = await f.refusal { _ = try await f.service.bookings.pay(booking: booking.id, by: f.staff) }
        #expect(code == "payment_deadline_passed")
    }

    @Test func checkInOnlyOnADayOfUse() async throws {
        let registration = try await f.register(.general)
        let booking = try await f.book("2026-12-10", registration: registration)
        _ = try await f.service.bookings.pay(booking: booking.id, by: f.staff)
        let early = await f.refusal { _ = try await f.service.bookings.checkIn(booking: booking.id, by: f.staff) }
        #expect(early == "check_in_not_today")
        f.clock.set(Instant(japanDate: date("2026-12-10"), minuteOfDay: 540))
        #expect(try await f.service.bookings.checkIn(booking: booking.id, by: f.staff).value?.state == .checkedIn)
        f.clock.set(Instant(japanDate: date("2026-12-11"), minuteOfDay: 1))
        #expect(try await f.service.bookings.closeUsedBookings(now: f.clock.now()) == [booking.id])
        #expect(try await f.service.bookings.booking(id: booking.id, for: f.staff).state == .done)
    }

    @Test func cancellingAWeekAheadRefundsEverything() async throws {
        let registration = try await f.register(.general)
        let booking = try await f.book("2026-12-10", [.am, .pm], registration: registration)
        _ = try await f.service.bookings.pay(booking: booking.id, by: f.staff)
        let cancelled = try await f.service.bookings.cancel(booking: booking.id, reason: "plans changed", byCenter: false, by: f.staff).value!
        #expect(cancelled.state == .cancelledByUser)
        #expect(cancelled.refund == Booking.Refund(percent: 100, amount: 3500))
        #expect(try await f.service.registrations.registration(id: registration, for: f.staff).penaltyPoints == 0)
        try await f.book("2026-12-10", [.am], registration: try await f.register(.general))
    }

    @Test func cancellingFiveDaysAheadRefundsHalfAndEarnsAPoint() async throws {
        let registration = try await f.register(.general)
        let booking = try await f.book("2026-12-10", [.am, .pm], registration: registration)
        _ = try await f.service.bookings.pay(booking: booking.id, by: f.staff)
        f.clock.set(Instant(japanDate: date("2026-12-05"), minuteOfDay: 600))
        let cancelled = try await f.service.bookings.cancel(booking: booking.id, reason: nil, byCenter: false, by: f.member(registration)).value!
        #expect(cancelled.refund == Booking.Refund(percent: 50, amount: 1750))
        #expect(try await f.service.registrations.registration(id: registration, for: f.staff).penaltyPoints == 1)
    }

    @Test func aMemberCannotCancelAnotherRegistrationsBooking() async throws {
        let owner = try await f.register(.general)
        let other = try await f.register(.general)
        let booking = try await f.book("2026-12-10", registration: owner)
        let code = await f.refusal {
            _ = try await f.service.bookings.cancel(booking: booking.id, reason: nil, byCenter: false, by: f.member(other))
        }
        #expect(code == "booking_not_found")
    }

    @Test func lapseDueLapsesUnpaidHoldsAndFreesTheirUnits() async throws {
        let registration = try await f.register(.general)
        let booking = try await f.book("2026-12-10", registration: registration)
        #expect(try await f.service.bookings.lapseDue(now: booking.paymentDeadline) == [])
        #expect(try await f.service.bookings.lapseDue(now: booking.paymentDeadline.adding(seconds: 1)) == [booking.id])
        #expect(try await f.service.bookings.booking(id: booking.id, for: f.staff).state == .lapsed)
        try await f.book("2026-12-10", registration: try await f.register(.general))
    }

    @Test func theServiceTimerLapsesAHoldWhenTheClockPassesItsDeadline() async throws {
        let timers = f.service.startTimers()
        defer { timers.cancel() }
        let registration = try await f.register(.general)
        let booking = try await f.book("2026-12-10", registration: registration)
        f.clock.set(booking.paymentDeadline.adding(seconds: 60))
        try await f.clock.waitForSleepers(timers.count)
        #expect(try await f.service.bookings.booking(id: booking.id, for: f.staff).state == .lapsed)
    }

    @Test func noShowsEarnPointsAndSuspendAtTheThreshold() async throws {
        let registration = try await f.register(.general)
        for day in ["2026-12-08", "2026-12-09"] {
            let booking = try await f.book(day, registration: registration)
            _ = try await f.service.bookings.pay(booking: booking.id, by: f.staff)
        }
        f.clock.set(Instant(japanDate: date("2026-12-10"), minuteOfDay: 600))
        #expect(try await f.service.bookings.closeUsedBookings(now: f.clock.now()).count == 2)
        let record = try await f.service.registrations.registration(id: registration, for: f.staff)
        #expect(record.status == .suspended)
        #expect(record.suspendedUntil == date("2027-03-09"))
        #expect(record.penaltyPoints == 0)
        let code = await f.refusal { try await f.book("2026-12-24", registration: registration) }
        #expect(code == "registration_suspended")
    }

    @Test func aClosureCancelsTheBookingsItHitsWithFullRefunds() async throws {
        let registration = try await f.register(.general)
        let hit = try await f.book("2026-12-10", [.am, .pm], registration: registration)
        _ = try await f.service.bookings.pay(booking: hit.id, by: f.staff)
        let spared = try await f.book(in: "meeting-room-2", "2026-12-10", registration: registration)
        f.clock.set(Instant(japanDate: date("2026-12-08"), minuteOfDay: 600))
        let result = try await f.service.calendar.declareClosure(
            ClosureInput(date: date("2026-12-10"), facilities: ["meeting-room-1"], reasonEn: "Burst pipe"), by: f.staff).value!
        #expect(result.cancelled.map(\.id) == [hit.id])
        #expect(result.cancelled.first?.state == .cancelledByCenter)
        #expect(result.cancelled.first?.refund == Booking.Refund(percent: 100, amount: 3500))
        #expect(try await f.service.bookings.booking(id: spared.id, for: f.staff).state == .provisional)
        #expect(try await f.service.registrations.registration(id: registration, for: f.staff).penaltyPoints == 0)
    }

    @Test func aClosureLeavesABookingAlreadyCheckedIn() async throws {
        let registration = try await f.register(.general)
        let booking = try await f.book("2026-12-10", registration: registration)
        _ = try await f.service.bookings.pay(booking: booking.id, by: f.staff)
        f.clock.set(Instant(japanDate: date("2026-12-10"), minuteOfDay: 540))
        _ = try await f.service.bookings.checkIn(booking: booking.id, by: f.staff)
        let result = try await f.service.calendar.declareClosure(ClosureInput(date: date("2026-12-10"), reasonEn: "Fire alarm"), by: f.staff).value!
        #expect(result.cancelled.isEmpty)
        #expect(try await f.service.bookings.booking(id: booking.id, for: f.staff).state == .checkedIn)
    }

    @Test func liveBookingsListsWhatAClosureWouldDisplace() async throws {
        let registration = try await f.register(.general)
        let multiDay = try await f.book("2026-12-08", [.night], days: 3, registration: registration)
        let other = try await f.book(in: "meeting-room-2", "2026-12-09", registration: registration)
        _ = try await f.book("2026-12-12", registration: registration)
        let cancelled = try await f.book(in: "japanese-room", "2026-12-09", registration: registration)
        _ = try await f.service.bookings.cancel(booking: cancelled.id, reason: nil, byCenter: false, by: f.staff)
        let hit = try await f.service.bookings.live(from: date("2026-12-09"), to: date("2026-12-10"), facilities: [])
        #expect(hit.map(\.id) == [multiDay.id, other.id])
        let oneRoom = try await f.service.bookings.live(from: date("2026-12-09"), to: date("2026-12-10"), facilities: ["meeting-room-2"])
        #expect(oneRoom.map(\.id) == [other.id])
    }

    @Test func theSameIdempotencyKeyReplaysTheFirstResponse() async throws {
        let registration = try await f.register(.general)
        let request = BookingRequest(facility: "meeting-room-1", date: date("2026-12-10"), divisions: [.am], registration: registration)
        let key = try IdempotencyKey(key: "retry-1", requestHash: [1, 2, 3])
        let first = try await f.service.bookings.book(request, by: f.staff, idempotency: key)
        let again = try await f.service.bookings.book(request, by: f.staff, idempotency: key)
        #expect(again.replayed)
        #expect(again.json == first.json)
        let count: Int = try await f.read { db in try db.queryOne("SELECT count(*) AS n FROM bookings")!.get("n") }
        #expect(count == 1)
        let other = try IdempotencyKey(key: "retry-1", requestHash: [9])
        let code = await f.refusal { _ = try await f.service.bookings.book(request, by: f.staff, idempotency: other) }
        #expect(code == "idempotency_key_reused")
    }

    @Test func everyChangeIsAuditedWithItsActor() async throws {
        let registration = try await f.register(.general)
        let booking = try await f.book("2026-12-10", registration: registration)
        _ = try await f.service.bookings.pay(booking: booking.id, by: f.staff)
        let entries = try await f.service.accounts.auditEntries(since: Instant(secondsSinceEpoch: 0), afterID: 0, limit: 100)
        #expect(entries.map(\.action) == ["registration.create", "booking.create", "payment.create", "booking.pay"])
        #expect(entries.allSatisfy { $0.actor == f.staff.auditLabel })
        #expect(entries.last?.before?.contains("\"provisional\"") == true)
    }
}
