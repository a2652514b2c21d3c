import CalendarValues
import CenterDomain
import Store
import Testing
@testable import CenterService

/// Check-in, cancel, no-show release (by `releaseNoShows` and by the timer on
/// the manual clock), occupancy, and the schema's own guard.
@Suite struct DesksLifecycleTests {
    static func at(_ date: String, _ hour: Int, _ minute: Int = 0) -> Instant {
        Instant(japanDate: DesksFixture.day(date), minuteOfDay: hour * 60 + minute)
    }

    @Test func deskCheckInBeforeTheDayOfUseIsTooEarly() async throws {
        let f = try DesksFixture()
        let a = try await f.register()
        let pass = try await f.book(a, "2026-11-26")
        #expect(await f.refusal { _ = try await f.service.desks.checkIn(pass: pass.id, by: f.staff) } == "check_in_too_early")
    }

    @Test func deskCheckInUntilStartPlusThirtyMinutes() async throws {
        let f = try DesksFixture()
        let pass = try await f.book(try await f.register(), "2026-11-26")
        f.clock.set(Self.at("2026-11-26", 9, 30))
        let checked = try await f.service.desks.checkIn(pass: pass.id, by: f.staff).value!
        #expect(checked.state == .checkedIn)
        #expect(checked.checkedInBy == f.staff.auditLabel)
    }

    @Test func deskCheckInAfterTheGraceIsTooLate() async throws {
        let f = try DesksFixture()
        let a = try await f.register()
        let pass = try await f.book(a, "2026-11-26")
        f.clock.set(Self.at("2026-11-26", 9, 31))
        #expect(await f.refusal { _ = try await f.service.desks.checkIn(pass: pass.id, by: f.member(a)) } == "check_in_too_late")
    }

    @Test func deskMemberCannotTouchAnotherRegistrationsPass() async throws {
        let f = try DesksFixture()
        let a = try await f.register("A"), b = try await f.register("B")
        let pass = try await f.book(a, "2026-11-26")
        #expect(await f.refusal { _ = try await f.service.desks.cancel(pass: pass.id, by: f.member(b)) } == "desk_pass_not_found")
        #expect(await f.refusal { _ = try await f.service.desks.pass(id: pass.id, for: f.member(b)) } == "desk_pass_not_found")
    }

    @Test func deskCancelBeforeTheStartFreesTheDeskAtOnce() async throws {
        let f = try DesksFixture()
        let a = try await f.register("A"), b = try await f.register("B")
        let pass = try await f.book(a, "2026-11-26", desk: "desk-05")
        #expect(try await f.service.desks.cancel(pass: pass.id, by: f.member(a)).value?.state == .cancelled)
        #expect(try await f.book(b, "2026-11-26", desk: "desk-05").desk == "desk-05")
    }

    @Test func deskCancelAfterTheStartIsTooLate() async throws {
        let f = try DesksFixture()
        let a = try await f.register()
        let pass = try await f.book(a, "2026-11-26")
        f.clock.set(Self.at("2026-11-26", 9, 0))
        #expect(await f.refusal { _ = try await f.service.desks.cancel(pass: pass.id, by: f.member(a)) } == "cancel_too_late")
    }

    @Test func deskCancelledPassCannotBeCheckedIn() async throws {
        let f = try DesksFixture()
        let a = try await f.register()
        let pass = try await f.book(a, "2026-11-26")
        _ = try await f.service.desks.cancel(pass: pass.id, by: f.member(a))
        f.clock.set(Self.at("2026-11-26", 9, 0))
        #expect(await f.refusal { _ = try await f.service.desks.checkIn(pass: pass.id, by: f.staff) } == "desk_pass_cancelled")
    }

    @Test func deskNoShowReleasedAfterTheDeadlineWithPenaltyPoints() async throws {
        let f = try DesksFixture()
        let a = try await f.register()
        let pass = try await f.book(a, "2026-11-26", desk: "desk-04")
        #expect(try await f.service.desks.releaseNoShows(now: Self.at("2026-11-26", 9, 30)).isEmpty)
        #expect(try await f.service.desks.releaseNoShows(now: Self.at("2026-11-26", 9, 31)) == [pass.id])
        let released = try await f.service.desks.pass(id: pass.id, for: f.staff)
        #expect(released.state == .noShow)
        #expect(released.penaltyPoints == 2)
        #expect(try await f.service.registrations.registration(id: a, for: f.staff).penaltyPoints == 2)
    }

    @Test func deskReleasedDeskIsBookableAgainAtOnce() async throws {
        let f = try DesksFixture()
        let a = try await f.register("A"), b = try await f.register("B")
        _ = try await f.book(a, "2026-11-26", "pm", desk: "desk-04")
        f.clock.set(Self.at("2026-11-26", 13, 31))
        try await f.service.desks.releaseNoShows(now: f.clock.now())
        #expect(try await f.book(b, "2026-11-26", "night", desk: "desk-04").desk == "desk-04")
        let availability = try await f.service.desks.availability(date: DesksFixture.day("2026-11-26"))
        #expect(availability.periods.first { $0.period == "pm" }?.freeDesks.contains("desk-04") == true)
    }

    @Test func deskCheckedInPassIsNotReleased() async throws {
        let f = try DesksFixture()
        let pass = try await f.book(try await f.register(), "2026-11-26")
        f.clock.set(Self.at("2026-11-26", 9, 5))
        _ = try await f.service.desks.checkIn(pass: pass.id, by: f.staff)
        #expect(try await f.service.desks.releaseNoShows(now: Self.at("2026-11-26", 12, 0)).isEmpty)
    }

    @Test func deskSecondNoShowSuspendsTheRegistration() async throws {
        let f = try DesksFixture()
        let a = try await f.register()
        _ = try await f.book(a, "2026-11-26")
        _ = try await f.book(a, "2026-11-27")
        try await f.service.desks.releaseNoShows(now: Self.at("2026-11-27", 10, 0))
        let record = try await f.service.registrations.registration(id: a, for: f.staff)
        #expect(record.status == .suspended)
        #expect(record.penaltyPoints == 0)
    }

    @Test func deskPassOnADayClosedAfterBookingIsCancelledAtOnceWithoutPoints() async throws {
        let f = try DesksFixture()
        let a = try await f.register()
        let pass = try await f.book(a, "2026-11-27")
        let closure = ClosureInput(date: DesksFixture.day("2026-11-27"), reasonEn: "Power outage")
        let result = try await f.service.calendar.declareClosure(closure, by: f.staff)
        #expect(result.value?.cancelledDeskPasses.map(\.id) == [pass.id])
        #expect(try await f.service.desks.releaseNoShows(now: Self.at("2026-11-27", 10, 0)) == [])
        #expect(try await f.service.desks.pass(id: pass.id, for: f.staff).state == .cancelled)
        #expect(try await f.service.registrations.registration(id: a, for: f.staff).penaltyPoints == 0)
    }

    @Test func deskTimerReleasesNoShowsOnTheManualClock() async throws {
        let f = try DesksFixture()
        let pass = try await f.book(try await f.register(), "2026-11-26")
        let timers = f.service.startTimers()
        defer { timers.cancel() }
        f.clock.set(Self.at("2026-11-26", 9, 31))
        try await f.clock.waitForSleepers(timers.count)
        #expect(try await f.service.desks.pass(id: pass.id, for: f.staff).state == .noShow)
    }

    @Test func deskOccupancyCountsPassesCheckInsAndNoShows() async throws {
        let f = try DesksFixture()
        let a = try await f.register("A"), b = try await f.register("B"), c = try await f.register("C")
        let first = try await f.book(a, "2026-11-26")
        _ = try await f.book(b, "2026-11-26", "day")
        _ = try await f.book(c, "2026-11-26")
        f.clock.set(Self.at("2026-11-26", 9, 10))
        _ = try await f.service.desks.checkIn(pass: first.id, by: f.staff)
        try await f.service.desks.releaseNoShows(now: Self.at("2026-11-26", 9, 31))
        let rows = try await f.service.desks.occupancy(from: DesksFixture.day("2026-11-26"), to: DesksFixture.day("2026-11-26"))
        let am = try #require(rows.first { $0.period == "am" })
        #expect((am.desks, am.passes, am.checkedIn, am.noShows) == (20, 3, 1, 2))
        #expect(am.occupancy == 0.05)
        #expect(rows.first { $0.period == "pm" }?.passes == 1)
    }

    @Test func deskSchemaRefusesASecondLiveUnitOnADesk() async throws {
        let f = try DesksFixture()
        let a = try await f.register("A"), b = try await f.register("B")
        _ = try await f.book(a, "2026-11-26", desk: "desk-02")
        let other = try await f.book(b, "2026-11-26", desk: "desk-03")
        let error = await #expect(throws: StoreError.self) {
            try await f.service.pool.write { db in
                try db.run("UPDATE desk_pass_periods SET desk_id = 'desk-02' WHERE pass_id = ?", [.integer(other.id)])
            }
        }
        #expect(error?.isConstraintViolation == true)
    }

    @Test func deskSchemaRefusesOverlappingLiveUnitsOfAPerson() async throws {
        let f = try DesksFixture()
        let a = try await f.register("A"), b = try await f.register("B")
        let own = try await f.book(a, "2026-11-26", desk: "desk-02")
        let other = try await f.book(b, "2026-11-26", desk: "desk-03")
        let error = await #expect(throws: StoreError.self) {
            try await f.service.pool.write { db in
                try db.run("UPDATE desk_pass_periods SET registration_id = ? WHERE pass_id = ?",
                           [.integer(a), .integer(other.id)])
            }
        }
        #expect(error?.isConstraintViolation == true)
        #expect(own.registration == a)
    }
}
