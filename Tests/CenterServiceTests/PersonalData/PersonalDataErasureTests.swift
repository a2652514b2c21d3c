import CenterDomain
import Foundation
import Store
import ServiceTestSupport
import Testing
@testable import CenterService
import CalendarValues

/// Personal-data retention (個人情報の保護に関する法律 第22条) and erasure on
/// the person's request (第35条): the data goes from every table, the
/// anonymous figures and every report stay, and the erasure is audited
/// without the erased values.
@Suite(.serialized) struct PersonalDataErasureTests {
    let f: BookingFixture

    init() throws { f = try BookingFixture(synchronousFull: false) }

    /// The planted registration ended on 2027-05-31 (its lease's last day,
    /// FY2027): with 5 fiscal years kept after, it is erased from 2033-04-01.
    static let lastKeptDay = Instant(japanDate: date("2033-03-31"), minuteOfDay: 1439)
    static let firstErasableDay = Instant(japanDate: date("2033-04-01"), minuteOfDay: 240)

    @Test func plantedDataIsReallyEverywhere() async throws {
        _ = try await PersonalDataFixture.plant(f)
        let traces = try await PersonalDataFixture.traces(of: PersonalDataFixture.canaries, in: f.service.pool)
        for canary in PersonalDataFixture.canaries {
            #expect(traces.contains { $0.contains(canary) }, "\(canary) was planted")
        }
        let tables = Set(traces.map { String($0.prefix { $0 != "." }) })
        #expect(tables.isSuperset(of: ["registrations", "access_tokens", "bookings", "locker_waitlist", "locker_leases",
                                       "storage_applications", "storage_movements", "audit_log", "idempotency_keys"]))
    }

    @Test func retentionErasesEveryTraceAfterTheKeptFiscalYearsAndReportsStillAddUp() async throws {
        let planted = try await PersonalDataFixture.plant(f)
        f.clock.set(Self.lastKeptDay)
        _ = try await f.service.lockers.advance(now: f.clock.now())
        let reports = try await PersonalDataFixture.reports(f.service)
        let early = try await f.service.registrations.erasePersonalDataDue(now: f.clock.now())
        #expect(early.erased.isEmpty, "kept through the last day of FY2032")
        #expect(!(try await PersonalDataFixture.traces(of: PersonalDataFixture.canaries, in: f.service.pool)).isEmpty)

        f.clock.set(Self.firstErasableDay)
        let run = try await f.service.registrations.erasePersonalDataDue(now: f.clock.now())
        #expect(run.erased == [planted.registration])
        let traces = try await PersonalDataFixture.traces(of: PersonalDataFixture.canaries, in: f.service.pool)
        #expect(traces.isEmpty, "erased from every table: \(traces.joined(separator: " | "))")
        let kept = try await PersonalDataFixture.traces(of: PersonalDataFixture.kept, in: f.service.pool)
        for value in PersonalDataFixture.kept {
            #expect(kept.contains { $0.contains(value) }, "another registration's \(value) stays")
        }
        let after = try await PersonalDataFixture.reports(f.service)
        for (name, report) in reports {
            #expect(after[name] == report, "\(name) is unchanged by the erasure")
        }
    }

    @Test func erasedRegistrationKeepsItsAnonymousFigures() async throws {
        let planted = try await PersonalDataFixture.plant(f)
        f.clock.set(Self.firstErasableDay)
        _ = try await f.service.lockers.advance(now: f.clock.now())
        _ = try await f.service.registrations.erasePersonalDataDue(now: f.clock.now())
        let record = try await f.service.registrations.registration(id: planted.registration, for: f.staff)
        #expect(record.name == PersonalData.erased)
        #expect(record.contact == "")
        #expect(record.category == .communityGroup)
        #expect(record.erasedAt == Self.firstErasableDay)
        let bookings = try await f.service.bookings.list(BookingFilter(registration: planted.registration), for: f.staff).items
        #expect(bookings.count == 2)
        #expect(bookings.allSatisfy { $0.purpose == PersonalData.erased && $0.feeTotal > 0 })
    }

    @Test func erasureIsAuditedWithoutTheErasedValues() async throws {
        let planted = try await PersonalDataFixture.plant(f)
        f.clock.set(Self.firstErasableDay)
        _ = try await f.service.lockers.advance(now: f.clock.now())
        _ = try await f.service.registrations.erasePersonalDataDue(now: f.clock.now())
        let entries = try await f.service.accounts.auditEntries(since: Instant(secondsSinceEpoch: 0), afterID: 0, limit: 1000)
        let erasure = try #require(entries.last { $0.action == "registration.erase" })
        #expect(erasure.entityID == String(planted.registration))
        #expect(erasure.actor == "system:retention")
        let after = try #require(erasure.after)
        #expect(after.contains("\"reason\":\"retention\""))
        #expect(after.contains("\"ended_on\":\"2027-05-31\""))
        #expect(after.contains("\"registrations\":1"))
        #expect(!PersonalDataFixture.canaries.contains { after.contains($0) })
        #expect(entries.filter { $0.entity == "booking" }.count >= 3, "the other lines stay, redacted")
    }

    @Test func retentionWaitsForWhatIsStillHeld() async throws {
        let planted = try await PersonalDataFixture.plant(f)
        f.clock.set(Self.firstErasableDay)
        // The lease was never ended by the locker timer: it still counts as active.
        let run = try await f.service.registrations.erasePersonalDataDue(now: f.clock.now())
        #expect(run.erased.isEmpty)
        #expect(run.deferred[planted.registration]?["locker_leases"] != nil)
    }

    @Test func requestErasureIsRefusedWhileSomethingIsBookedOrHeld() async throws {
        let planted = try await PersonalDataFixture.plant(f)
        let refusal = try #require(Refused(try await #require(throws: ServiceError<Registrations.EraseRefusal>.self) {
            try await f.service.registrations.erase(id: planted.registration, by: f.staff)
        }))
        #expect(refusal.code == "erasure_blocked")
        #expect(refusal.details["locker_leases"] != nil)
        #expect(refusal.details["storage_allocations"] != nil)
        #expect(!(try await PersonalDataFixture.traces(of: PersonalDataFixture.canaries, in: f.service.pool)).isEmpty)
    }

    @Test func requestErasureErasesAtOnceEndsTheRegistrationAndRevokesItsTokens() async throws {
        let registration = try await f.service.registrations.register(
            RegistrationInput(category: .general, name: PersonalDataFixture.canaries[0], contact: PersonalDataFixture.canaries[1]),
            by: f.staff, idempotency: PersonalDataFixture.key("register-1")).value!.id
        let (token, _) = try await f.service.registrations.mintMemberToken(registration: registration, name: PersonalDataFixture.canaries[2], by: f.staff)
        let booking = try await f.book("2026-12-10", registration: registration)
        #expect(await f.refusal { _ = try await f.service.registrations.erase(id: registration, by: f.staff) } == "erasure_blocked")
        _ = try await f.service.bookings.cancel(booking: booking.id, reason: PersonalDataFixture.canaries[5], byCenter: false, by: f.staff)

        let result = try #require(try await f.service.registrations.erase(id: registration, by: f.staff).value)
        #expect(result.reason == .request)
        #expect(result.endedOn == date("2028-11-24"), "the end of its validity before the request")
        let traces = try await PersonalDataFixture.traces(of: PersonalDataFixture.canaries, in: f.service.pool)
        #expect(traces.isEmpty, "\(traces)")
        let record = try await f.service.registrations.registration(id: registration, for: f.staff)
        #expect(record.validUntil == date("2026-11-24"), "it can no longer book")
        await #expect(throws: AuthError.self) { try await f.service.accounts.authenticate(authorization: "Bearer \(token.secret)") }
    }

    @Test func erasedRegistrationCannotBeErasedChangedRenewedOrReopened() async throws {
        let registration = try await f.register(.general)
        _ = try await f.service.registrations.erase(id: registration, by: f.staff)
        #expect(await f.refusal { _ = try await f.service.registrations.erase(id: registration, by: f.staff) } == "registration_already_erased")
        #expect(await f.refusal { _ = try await f.service.registrations.update(id: registration, RegistrationPatch(name: "again"), by: f.staff) }
                == "registration_already_erased")
        #expect(await f.refusal { _ = try await f.service.registrations.renew(id: registration, by: f.staff) } == "registration_already_erased")
        #expect(await f.refusal { _ = try await f.service.registrations.mintMemberToken(registration: registration, name: "x", by: f.staff) }
                == "registration_already_erased")
        #expect(await f.refusal { try await f.book("2026-12-10", registration: registration) } == "registration_expired")
    }

    @Test func aClosureLineAboutTwoRegistrationsIsRedactedForEach() async throws {
        let first = try await f.service.registrations.register(RegistrationInput(category: .general, name: "最初の団体名"), by: f.staff).value!.id
        let second = try await f.service.registrations.register(RegistrationInput(category: .general, name: "二番目の団体名"), by: f.staff).value!.id
        _ = try await f.service.bookings.book(BookingRequest(facility: "meeting-room-1", date: date("2026-12-17"), divisions: [.am],
                                                    registration: first, purpose: "最初の目的"), by: f.staff)
        _ = try await f.service.bookings.book(BookingRequest(facility: "meeting-room-1", date: date("2026-12-17"), divisions: [.pm],
                                                    registration: second, purpose: "二番目の目的"), by: f.staff)
        _ = try await f.service.calendar.declareClosure(ClosureInput(date: date("2026-12-17"), facilities: ["meeting-room-1"], reasonJa: "点検"),
                                               by: f.staff)
        _ = try await f.service.registrations.erase(id: first, by: f.staff)
        #expect(try await PersonalDataFixture.traces(of: ["最初の団体名", "最初の目的"], in: f.service.pool).isEmpty)
        #expect(!(try await PersonalDataFixture.traces(of: ["二番目の目的"], in: f.service.pool)).isEmpty)
        f.clock.advance(seconds: 60)
        _ = try await f.service.registrations.erase(id: second, by: f.staff)
        #expect(try await PersonalDataFixture.traces(of: ["二番目の団体名", "二番目の目的"], in: f.service.pool).isEmpty)
    }

    @Test func unknownRegistrationIsNotFound() async throws {
        #expect(await f.refusal { _ = try await f.service.registrations.erase(id: 999, by: f.staff) } == "registration_not_found")
    }

    @Test func auditLogStillRefusesEveryOtherUpdateAndAnyDelete() async throws {
        let registration = try await f.register(.general)
        _ = try await f.service.registrations.erase(id: registration, by: f.staff)
        let pool = f.service.pool
        for sql in ["UPDATE audit_log SET action = 'x'", "UPDATE audit_log SET after = NULL",
                    "UPDATE audit_log SET redacted_at = 1, entity_id = 'x'", "DELETE FROM audit_log",
                    "UPDATE audit_log SET redacted_at = 1 WHERE redacted_at IS NOT NULL AND redacted_at > 1"] {
            let refused = await #expect(throws: StoreError.self, "\(sql)") { try await pool.write { db in try db.run(sql) } }
            _ = refused
        }
    }

    @Test func storedResponsesExpireAfterTheirRetryWindow() async throws {
        _ = try await f.register(.general)
        _ = try await f.service.registrations.register(RegistrationInput(category: .general, name: "Retry"), by: f.staff,
                                                   idempotency: PersonalDataFixture.key("retry"))
        f.clock.advance(seconds: PersonalData.idempotencyRetentionDays * 86_400 - 60)
        #expect(try await f.service.registrations.erasePersonalDataDue(now: f.clock.now()).storedResponses == 0)
        f.clock.advance(seconds: 120)
        #expect(try await f.service.registrations.erasePersonalDataDue(now: f.clock.now()).storedResponses == 1)
    }
}
