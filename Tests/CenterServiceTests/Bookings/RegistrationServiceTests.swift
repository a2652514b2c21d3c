import CalendarValues
import CenterDomain
import Testing
@testable import CenterService

/// Registrations (利用登録): eligibility evidence, validity of at most two
/// years, renewal, suspension, member tokens, audit.
struct RegistrationServiceTests {
    let f: BookingFixture

    init() throws { f = try BookingFixture() }

    @Test func aRegistrationIsValidForTwoYearsByDefault() async throws {
        let id = try await f.register(.general)
        let record = try await f.service.registration(id: id, for: f.staff)
        #expect(record.validFrom == BookingFixture.today)
        #expect(record.validUntil == date("2028-11-24"))
        #expect(record.status == "active")
    }

    @Test func aCommunityGroupNeedsFiveMembers() async throws {
        let input = RegistrationInput(category: .communityGroup, name: "Residents", inWard: true,
                                      evidence: RegistrationEvidence(memberCount: 4, membersInWard: 4))
        let code = await f.refusal { _ = try await f.service.createRegistration(input, by: f.staff) }
        #expect(code == "too_few_members")
    }

    @Test func aWrongCorporateNumberCheckDigitIsRefused() async throws {
        let input = RegistrationInput(category: .general, name: "Company", inWard: true,
                                      evidence: RegistrationEvidence(corporateNumber: "1234567890123"))
        let code = await f.refusal { _ = try await f.service.createRegistration(input, by: f.staff) }
        #expect(code == "corporate_number_invalid")
    }

    @Test func validityLongerThanTwoYearsIsRefused() async throws {
        let code = await f.refusal {
            _ = try await f.register(.general, validFrom: date("2026-11-25"), validUntil: date("2028-11-25"))
        }
        #expect(code == "validity_too_long")
    }

    @Test func renewalRunsFromTheDayAfterTheOldEnd() async throws {
        let id = try await f.register(.general, validFrom: date("2026-01-01"), validUntil: date("2026-12-31"))
        let renewed = try await f.service.renewRegistration(id: id, by: f.staff).value!
        #expect(renewed.validUntil == date("2028-12-31"))
    }

    @Test func anUpdateIsAuditedWithBeforeAndAfter() async throws {
        let id = try await f.register(.general)
        let after = try await f.service.updateRegistration(id: id, RegistrationPatch(name: "Renamed"), by: f.staff)
        #expect(after.name == "Renamed")
        let entries = try await f.service.auditEntries(since: Instant(secondsSinceEpoch: 0), afterID: 0, limit: 10)
        let update = try #require(entries.first { $0.action == "registration.update" })
        #expect(update.before?.contains("general user") == true)
        #expect(update.after?.contains("Renamed") == true)
        #expect(update.actor == f.staff.auditLabel)
    }

    @Test func liftingASuspensionLetsTheRegistrationBookAgain() async throws {
        let id = try await f.register(.general)
        _ = try await f.service.updateRegistration(id: id, RegistrationPatch(suspendedUntil: .some(date("2027-01-31"))), by: f.staff)
        #expect(try await f.service.registration(id: id, for: f.staff).status == "suspended")
        _ = try await f.service.updateRegistration(id: id, RegistrationPatch(suspendedUntil: .some(nil)), by: f.staff)
        #expect(try await f.service.registration(id: id, for: f.staff).status == "active")
    }

    @Test func aMemberTokenBelongsToItsRegistration() async throws {
        let id = try await f.register(.general)
        let (token, record) = try await f.service.mintMemberToken(registration: id, name: "Chair", by: f.staff)
        #expect(record.role == .member)
        let actor = try await f.service.authenticate(authorization: "Bearer \(token.secret)")
        #expect(actor?.registrationID == id)
        let code = await f.refusal { _ = try await f.service.mintMemberToken(registration: 999, name: "x", by: f.staff) }
        #expect(code == "registration_not_found")
    }

    @Test func aMemberSeesOnlyItsOwnRegistration() async throws {
        let mine = try await f.register(.general)
        let other = try await f.register(.general)
        let code = await f.refusal { _ = try await f.service.registration(id: other, for: f.member(mine)) }
        #expect(code == "registration_not_found")
    }
}
