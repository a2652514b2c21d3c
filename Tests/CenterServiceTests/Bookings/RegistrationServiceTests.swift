import CalendarValues
import CenterDomain
import ServiceTestSupport
import Testing
@testable import CenterService

/// Registrations (利用登録): eligibility evidence, validity of at most two
/// years, renewal, suspension, member tokens, audit.
struct RegistrationServiceTests {
    let f: BookingFixture

    init() async throws { f = try await BookingFixture() }

    @Test func aRegistrationIsValidForTwoYearsByDefault() async throws {
        let id = try await f.register(.general)
        let record = try await f.service.registrations.registration(id: id, for: f.staff)
        #expect(record.validFrom == BookingFixture.today)
        #expect(record.validUntil == date("2028-11-24"))
        #expect(record.status == .active)
    }

    @Test func aCommunityGroupNeedsFiveMembers() async throws {
        let input = RegistrationInput(category: .communityGroup, name: "Residents", inWard: true,
                                      evidence: RegistrationEvidence(memberCount: 4, membersInWard: 4))
        let code = await f.refusal { _ = try await f.service.registrations.register(input, by: f.staff) }
        #expect(code == "too_few_members")
    }

    @Test func aWrongCorporateNumberCheckDigitIsRefused() async throws {
        let input = RegistrationInput(category: .general, name: "Company", inWard: true,
                                      evidence: RegistrationEvidence(corporateNumber: "1234567890123"))
        let code = await f.refusal { _ = try await f.service.registrations.register(input, by: f.staff) }
        #expect(code == "corporate_number_invalid")
    }

    @Test func validityLongerThanTwoYearsIsRefused() async throws {
        let code = await f.refusal {
            _ = try await f.register(.general, validFrom: date("2026-11-25"), validUntil: date("2028-11-25"))
        }
        #expect(code == "validity_too_long")
    }

    @Test func renewalIssuesTheCardAnewForTwoYearsFromTheRenewalDay() async throws {
        let id = try await f.register(.general, validFrom: date("2026-01-01"), validUntil: date("2026-12-31"))
        let renewed = try await f.service.registrations.renew(id: id, by: f.staff).value!
        #expect(renewed.validFrom == BookingFixture.today)
        #expect(renewed.validUntil == date("2028-11-24"))
    }

    @Test func renewalBeforeTheRenewalPeriodIsRefused() async throws {
        let id = try await f.register(.general, validFrom: date("2026-01-01"), validUntil: date("2027-12-31"))
        do {
            _ = try await f.service.registrations.renew(id: id, by: f.staff)
            Issue.record("an early renewal was accepted")
        } catch {
            let error = try #require(Refused(error))
            #expect(error.code == "renewal_not_open")
            #expect(error.details["opens"] == "2027-11-01")
        }
        #expect(try await f.service.registrations.registration(id: id, for: f.staff).validUntil == date("2027-12-31"))
    }

    @Test func aRepeatedRenewalIsIdempotent() async throws {
        let id = try await f.register(.general, validFrom: date("2026-01-01"), validUntil: date("2026-12-31"))
        let first = try await f.service.registrations.renew(id: id, by: f.staff).value!
        let second = try await f.service.registrations.renew(id: id, by: f.staff).value!
        #expect(second == first)
        let entries = try await f.service.accounts.auditEntries(since: Instant(secondsSinceEpoch: 0), afterID: 0, limit: 50)
        #expect(entries.filter { $0.action == "registration.renew" }.count == 1)
    }

    @Test func renewalsNeverStackBeyondTwoYearsFromTheRenewalDay() async throws {
        let id = try await f.register(.general, validFrom: date("2026-01-01"), validUntil: date("2026-12-31"))
        var record = try await f.service.registrations.renew(id: id, by: f.staff).value!
        for _ in 0..<3 {
            #expect(await f.refusal { _ = try await f.service.registrations.renew(id: id, by: f.staff) } == nil)
            record = try await f.service.registrations.registration(id: id, for: f.staff)
        }
        #expect(record.validUntil == date("2028-11-24"))
        let patched = try await f.service.registrations.update(id: id, RegistrationPatch(name: "Renamed"), by: f.staff)
        #expect(patched.name == "Renamed")
    }

    @Test func aStoredOverLongValidityDoesNotBlockOtherChanges() async throws {
        let id = try await f.register(.general)
        _ = try await f.service.pool.write { db in
            try db.run("UPDATE registrations SET valid_from = '2026-11-25', valid_until = '2034-11-30' WHERE id = ?", [.integer(id)])
        }
        let patched = try await f.service.registrations.update(id: id, RegistrationPatch(name: "Renamed"), by: f.staff)
        #expect(patched.name == "Renamed")
        #expect(patched.validUntil == date("2034-11-30"))
        let code = await f.refusal {
            _ = try await f.service.registrations.update(id: id, RegistrationPatch(validUntil: date("2030-01-01")), by: f.staff)
        }
        #expect(code == "validity_too_long")
        let shortened = try await f.service.registrations.update(id: id, RegistrationPatch(validUntil: date("2028-11-24")), by: f.staff)
        #expect(shortened.validUntil == date("2028-11-24"))
    }

    @Test func aValidityCannotEndBeforeADayTheRegistrationStillHoldsABookingFor() async throws {
        let id = try await f.register(.general)
        let booking = try await f.book("2026-12-10", registration: id)
        let refused = await f.domainError {
            _ = try await f.service.registrations.update(id: id, RegistrationPatch(validUntil: date("2026-12-05")), by: f.staff)
        }
        #expect(refused?.code == "validity_ends_before_use")
        #expect(refused?.details["date"] == "2026-12-10")
        #expect(refused?.details["booking"] == String(booking.id))
        let record = try await f.service.registrations.registration(id: id, for: f.staff)
        #expect(record.validUntil == date("2028-11-24"))
        // The day itself may be the last valid one, and a cancelled booking holds nothing.
        _ = try await f.service.registrations.update(id: id, RegistrationPatch(validUntil: date("2026-12-10")), by: f.staff)
        _ = try await f.service.bookings.cancel(booking: booking.id, reason: nil, byCenter: false, by: f.staff)
        _ = try await f.service.registrations.update(id: id, RegistrationPatch(validUntil: date("2026-12-01")), by: f.staff)
    }

    @Test func aValidityCannotEndBeforeADayTheRegistrationStillHoldsADeskPassFor() async throws {
        let id = try await f.register(.freelancer)
        let pass = try await f.service.desks.book(DeskPassRequest(date: date("2026-11-30"), period: "am", registration: id),
                                                  by: f.staff).value
        let refused = await f.domainError {
            _ = try await f.service.registrations.update(id: id, RegistrationPatch(validUntil: date("2026-11-28")), by: f.staff)
        }
        #expect(refused?.code == "validity_ends_before_use")
        #expect(refused?.details["desk_pass"] == pass.map { String($0.id) })
    }

    @Test func anUpdateIsAuditedWithBeforeAndAfter() async throws {
        let id = try await f.register(.general)
        let after = try await f.service.registrations.update(id: id, RegistrationPatch(name: "Renamed"), by: f.staff)
        #expect(after.name == "Renamed")
        let entries = try await f.service.accounts.auditEntries(since: Instant(secondsSinceEpoch: 0), afterID: 0, limit: 10)
        let update = try #require(entries.first { $0.action == "registration.update" })
        #expect(update.before?.contains("general user") == true)
        #expect(update.after?.contains("Renamed") == true)
        #expect(update.actor == f.staff.auditLabel)
    }

    @Test func liftingASuspensionLetsTheRegistrationBookAgain() async throws {
        let id = try await f.register(.general)
        _ = try await f.service.registrations.update(id: id, RegistrationPatch(suspendedUntil: .some(date("2027-01-31"))), by: f.staff)
        #expect(try await f.service.registrations.registration(id: id, for: f.staff).status == .suspended)
        _ = try await f.service.registrations.update(id: id, RegistrationPatch(suspendedUntil: .some(nil)), by: f.staff)
        #expect(try await f.service.registrations.registration(id: id, for: f.staff).status == .active)
    }

    @Test func aMemberTokenBelongsToItsRegistration() async throws {
        let id = try await f.register(.general)
        let (token, record) = try await f.service.registrations.mintMemberToken(registration: id, name: "Chair", by: f.staff)
        #expect(record.role == .member)
        let actor = try await f.service.accounts.authenticate(authorization: "Bearer \(token.secret)")
        #expect(actor?.registrationID == id)
        let code = await f.refusal { _ = try await f.service.registrations.mintMemberToken(registration: 999, name: "x", by: f.staff) }
        #expect(code == "registration_not_found")
    }

    @Test func aMemberSeesOnlyItsOwnRegistration() async throws {
        let mine = try await f.register(.general)
        let other = try await f.register(.general)
        let code = await f.refusal { _ = try await f.service.registrations.registration(id: other, for: f.member(mine)) }
        #expect(code == "registration_not_found")
    }
}
