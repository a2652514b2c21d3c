import CalendarValues
import CenterDomain
import Testing
@testable import CenterService

/// Booking desk passes: every refusal, any desk, named desk, idempotency.
@Suite struct DesksPassTests {
    @Test func deskAnyDeskTakesTheLowestFreeId() async throws {
        let f = try DesksFixture()
        let a = try await f.register("A"), b = try await f.register("B")
        #expect(try await f.book(a, "2026-11-26").desk == "desk-01")
        #expect(try await f.book(b, "2026-11-26").desk == "desk-02")
    }

    @Test func deskNamedDeskTakenIsRefused() async throws {
        let f = try DesksFixture()
        let a = try await f.register("A"), b = try await f.register("B")
        _ = try await f.book(a, "2026-11-26", desk: "desk-07")
        #expect(await f.refusal { _ = try await f.book(b, "2026-11-26", desk: "desk-07") } == "desk_taken")
    }

    @Test func deskWholeDayPassTakesItsDeskInEveryPeriod() async throws {
        let f = try DesksFixture()
        let a = try await f.register("A"), b = try await f.register("B")
        let pass = try await f.book(a, "2026-11-26", "day", desk: "desk-03")
        #expect(pass.units == ["am", "pm", "night"])
        #expect(await f.refusal { _ = try await f.book(b, "2026-11-26", "night", desk: "desk-03") } == "desk_taken")
    }

    @Test func deskNoDeskFreeWhenEveryDeskIsTaken() async throws {
        let f = try DesksFixture()
        for i in 1...20 { _ = try await f.book(try await f.register("R\(i)"), "2026-11-26", "pm") }
        let late = try await f.register("Late")
        #expect(await f.refusal { _ = try await f.book(late, "2026-11-26", "pm") } == "no_desk_free")
        #expect(try await f.book(late, "2026-11-26", "am").desk == "desk-01")
    }

    @Test func deskUnknownDeskIsNotFound() async throws {
        let f = try DesksFixture()
        let a = try await f.register()
        #expect(await f.refusal { _ = try await f.book(a, "2026-11-26", desk: "desk-99") } == "desk_not_found")
    }

    @Test func deskWindowNotOpenBeyondFourteenDays() async throws {
        let f = try DesksFixture()
        let a = try await f.register()
        #expect(await f.refusal { _ = try await f.book(a, "2026-12-10") } == "window_not_open")
        #expect(try await f.book(a, "2026-12-09").state == .booked)
    }

    @Test func deskWindowClosedForThePast() async throws {
        let f = try DesksFixture()
        let a = try await f.register()
        #expect(await f.refusal { _ = try await f.book(a, "2026-11-24") } == "window_closed")
    }

    @Test func deskWindowClosedForAPeriodWhoseCheckInEnded() async throws {
        let f = try DesksFixture()
        let a = try await f.register()
        #expect(await f.refusal { _ = try await f.book(a, "2026-11-25", "am") } == "window_closed")
        #expect(try await f.book(a, "2026-11-25", "pm").state == .booked)
    }

    @Test func deskWeeklyLimitOfFiveDays() async throws {
        let f = try DesksFixture()
        let a = try await f.register()
        for date in ["2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04"] { _ = try await f.book(a, date) }
        #expect(await f.refusal { _ = try await f.book(a, "2026-12-05") } == "weekly_limit_reached")
        #expect(try await f.book(a, "2026-12-04", "pm").state == .booked)
    }

    @Test func deskCenterClosedDayIsRefused() async throws {
        let f = try DesksFixture(now: Instant(japanDate: DesksFixture.day("2026-12-10"), minuteOfDay: 600))
        let a = try await f.register()
        #expect(await f.refusal { _ = try await f.book(a, "2026-12-21") } == "facility_closed")
    }

    @Test func deskExpiredRegistrationIsRefused() async throws {
        let f = try DesksFixture()
        let a = try await f.register(validFrom: DesksFixture.day("2025-01-01"), validUntil: DesksFixture.day("2026-11-24"))
        #expect(await f.refusal { _ = try await f.book(a, "2026-11-26") } == "registration_expired")
    }

    @Test func deskRegistrationExpiringBeforeTheDateIsRefused() async throws {
        let f = try DesksFixture()
        let a = try await f.register(validFrom: DesksFixture.day("2025-01-01"), validUntil: DesksFixture.day("2026-11-30"))
        #expect(await f.refusal { _ = try await f.book(a, "2026-12-01") } == "registration_expired")
    }

    @Test func deskSuspendedRegistrationIsRefused() async throws {
        let f = try DesksFixture()
        let a = try await f.register()
        _ = try await f.service.registrations.update(id: a, RegistrationPatch(suspendedUntil: .some(DesksFixture.day("2026-12-31"))),
                                                   by: f.staff)
        #expect(await f.refusal { _ = try await f.book(a, "2026-11-26") } == "registration_suspended")
    }

    @Test func deskOnlyFreelancersHoldPasses() async throws {
        let f = try DesksFixture()
        let a = try await f.register(category: .general)
        #expect(await f.refusal { _ = try await f.book(a, "2026-11-26") } == "not_a_freelancer")
    }

    @Test func deskSamePersonCannotHoldOverlappingPasses() async throws {
        let f = try DesksFixture()
        let a = try await f.register()
        _ = try await f.book(a, "2026-11-26", "day")
        #expect(await f.refusal { _ = try await f.book(a, "2026-11-26", "pm", desk: "desk-09") } == "pass_overlaps")
    }

    @Test func deskMemberCannotBookForAnotherRegistration() async throws {
        let f = try DesksFixture()
        let a = try await f.register("A"), b = try await f.register("B")
        let request = DeskPassRequest(date: DesksFixture.day("2026-11-26"), period: "am", registration: b)
        #expect(await f.refusal { _ = try await f.service.desks.book(request, by: f.member(a)) } == "registration_not_found")
    }

    @Test func deskStaffMustNameTheRegistration() async throws {
        let f = try DesksFixture()
        let request = DeskPassRequest(date: DesksFixture.day("2026-11-26"), period: "am")
        #expect(await f.refusal { _ = try await f.service.desks.book(request, by: f.staff) } == "registration_required")
    }

    @Test func deskIdempotencyKeyReplaysTheFirstPass() async throws {
        let f = try DesksFixture()
        let a = try await f.register()
        let request = DeskPassRequest(date: DesksFixture.day("2026-11-26"), period: "am")
        let key = try IdempotencyKey(key: "k-1", requestHash: [1, 2, 3])
        let first = try await f.service.desks.book(request, by: f.member(a), idempotency: key)
        let again = try await f.service.desks.book(request, by: f.member(a), idempotency: key)
        #expect(again.replayed)
        #expect(again.json == first.json)
        #expect(try await f.service.desks.passes(DeskPassFilter(registration: a), for: f.staff).items.count == 1)
    }

    @Test func deskPassIsAudited() async throws {
        let f = try DesksFixture()
        let pass = try await f.book(try await f.register(), "2026-11-26")
        let entries = try await f.service.accounts.auditEntries(since: Instant(secondsSinceEpoch: 0), afterID: 0, limit: 100)
        #expect(entries.contains { $0.action == "desk_pass.create" && $0.entityID == String(pass.id) })
    }

    @Test func deskCancelledPassDoesNotCountTowardsTheWeeklyLimit() async throws {
        let f = try DesksFixture()
        let a = try await f.register()
        var passes: [DeskPass] = []
        for date in ["2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04"] { passes.append(try await f.book(a, date)) }
        _ = try await f.service.desks.cancel(pass: passes[0].id, by: f.member(a))
        #expect(try await f.book(a, "2026-12-05").state == .booked)
    }

    @Test func deskAvailabilityOnAClosedDayClosesEveryDesk() async throws {
        let f = try DesksFixture()
        let availability = try await f.service.desks.availability(date: DesksFixture.day("2026-12-21"))
        #expect(!availability.open)
        #expect(availability.reasons.map(\.kind) == [.regularClosedDay])
        #expect(availability.periods.allSatisfy { $0.closed == 20 && $0.free == 0 && $0.freeDesks.isEmpty })
    }
}
