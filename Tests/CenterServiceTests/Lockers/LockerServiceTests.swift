import CalendarValues
import CenterDomain
import Store
import ServiceTestSupport
import Testing
@testable import CenterService

/// The locker use cases against a real database: the schema's own refusals,
/// cancellation before the start, founders, and the timer on the manual clock.
@Suite struct LockerServiceTests {
    let f: BookingFixture

    init() async throws { f = try await BookingFixture() }

    static let identity = LesseeCheck(document: "運転免許証", checkedBy: "Sato", checkedOn: BookingFixture.today)

    func lease(_ registration: Int64, number: String? = "7000012050002", start: String = "2026-12", months: Int = 6,
               locker: FacilityID? = nil) async throws -> LockerLease {
        let request = LockerLeaseRequest(registration: registration, locker: locker, startMonth: YearMonth(start)!, months: months,
                                         corporateNumber: number, founder: number == nil, identityCheck: Self.identity)
        return try #require(try await f.service.lockers.lease(request, by: f.staff).value)
    }

    static func insertActiveLease(_ db: Database, locker: String, registration: Int64, number: String?) throws {
        try db.run("""
            INSERT INTO locker_leases (locker_id, registration_id, corporate_number, founder, start_date, months, end_date,
                monthly_fee, amount_owed, identity_check, state, created_at, created_by, updated_at, updated_by)
            VALUES (?, ?, ?, ?, '2026-12-01', 6, '2027-05-31', 3000, 18000, '{}', 'active', 0, 'test', 0, 'test')
            """, [.text(locker), .integer(registration), number.map { .text($0) } ?? .null, (number == nil).sqlValue])
    }

    @Test func schemaRefusesASecondActiveLeaseOnALocker() async throws {
        let first = try await f.register(.general)
        let second = try await f.register(.general)
        _ = try await lease(first)
        let pool = f.service.pool
        await #expect(throws: StoreError.self) {
            try await pool.write { db in
                try Self.insertActiveLease(db, locker: "locker-01", registration: second, number: "6010001000001")
            }
        }
    }

    @Test func schemaRefusesASecondActiveLeaseForACorporateNumber() async throws {
        let first = try await f.register(.general)
        let second = try await f.register(.general)
        _ = try await lease(first)
        let pool = f.service.pool
        await #expect(throws: StoreError.self) {
            try await pool.write { db in
                try Self.insertActiveLease(db, locker: "locker-02", registration: second, number: "7000012050002")
            }
        }
    }

    /// A registration whose evidence records `number` (a company).
    func registerCompany(number: String?, validFrom: String? = nil, validUntil: String? = nil) async throws -> Int64 {
        let input = RegistrationInput(category: .general, name: "株式会社中野", contact: "03-0000-0000", inWard: true,
                                      evidence: RegistrationEvidence(corporateNumber: number),
                                      validFrom: validFrom.map(date), validUntil: validUntil.map(date))
        return try #require(try await f.service.registrations.register(input, by: f.staff).value).id
    }

    @Test func aLeaseCorporateNumberMustMatchTheRegistrationsEvidence() async throws {
        let company = try await registerCompany(number: "5010001008846")
        let code = await f.refusal { _ = try await lease(company, number: "7000012050002") }
        #expect(code == "corporate_number_mismatch")
        let made = try await lease(company, number: "5010001008846")
        #expect(made.corporateNumber == "5010001008846")
    }

    @Test func aFounderLeaseIsRefusedForARegistrationThatRecordsACorporateNumber() async throws {
        let company = try await registerCompany(number: "5010001008846")
        #expect(await f.refusal { _ = try await lease(company, number: nil) } == "corporate_number_mismatch")
    }

    @Test func aFounderSuppliesTheNumberTheRegistrationRecords() async throws {
        let founder = try await registerCompany(number: nil)
        let made = try await lease(founder, number: nil)
        _ = try await f.service.registrations.update(id: founder, RegistrationPatch(evidence: RegistrationEvidence(corporateNumber: "5010001008846")),
                                                   by: f.staff)
        let code = await f.refusal { _ = try await f.service.lockers.supplyCorporateNumber(lease: made.id, number: "7000012050002", by: f.staff) }
        #expect(code == "corporate_number_mismatch")
        let supplied = try #require(try await f.service.lockers.supplyCorporateNumber(lease: made.id, number: "5010001008846", by: f.staff).value)
        #expect(supplied.corporateNumber == "5010001008846")
    }

    @Test func aLeaseNeedsARegistrationValidOnItsFirstDay() async throws {
        let company = try await registerCompany(number: nil, validFrom: "2025-01-01", validUntil: "2026-12-31")
        #expect(await f.refusal { _ = try await lease(company, number: "7000012050002", start: "2027-01") } == "registration_expired")
        let outliving = try await lease(company, number: "7000012050002", start: "2026-12")
        #expect(outliving.endDate == date("2027-05-31"))
    }

    @Test func aLeaseRenewalNeedsARegistrationValidWhenTheRenewedTermStarts() async throws {
        let company = try await registerCompany(number: nil, validFrom: "2025-01-01", validUntil: "2026-12-31")
        let made = try await lease(company, number: "7000012050002", start: "2026-12")
        #expect(await f.refusal { _ = try await f.service.lockers.renew(lease: made.id, by: f.staff) } == "registration_expired")
        _ = try await f.service.registrations.renew(id: company, by: f.staff)
        let renewed = try #require(try await f.service.lockers.renew(lease: made.id, by: f.staff).value)
        #expect(renewed.endDate == date("2028-05-31"))
    }

    @Test func terminationBeforeTheStartCancelsAndFreesTheLockerAtOnce() async throws {
        let registration = try await f.register(.general)
        let made = try await lease(registration)
        let cancelled = try #require(try await f.service.lockers.terminate(lease: made.id, by: f.staff).value)
        #expect(cancelled.state == .cancelled)
        #expect(try await f.service.lockers.all().first?.state == .free)
    }

    @Test func terminatedLeaseCannotBeTerminatedAgain() async throws {
        let made = try await lease(try await f.register(.general), start: "2026-11")
        _ = try await f.service.lockers.terminate(lease: made.id, by: f.staff)
        let service = f.service, staff = f.staff
        let error = await #expect(throws: (any Error).self) { try await service.lockers.terminate(lease: made.id, by: staff) }
        #expect(error.flatMap(Refused.init) == Refused("lease_not_active", "Locker lease \(made.id) is ended.",
                                                       details: ["lease": String(made.id), "state": "ended"]))
    }

    @Test func founderCannotSupplyANumberAnotherActiveLeaseHolds() async throws {
        _ = try await lease(try await f.register(.general))
        let founder = try await lease(try await f.register(.general), number: nil)
        #expect(founder.corporateNumberDue == LocalDate(year: 2027, month: 2, day: 28))
        let service = f.service, staff = f.staff
        await #expect(throws: ServiceError<Lockers.CorporateNumberRefusal>.self) {
            try await service.lockers.supplyCorporateNumber(lease: founder.id, number: "7000012050002", by: staff)
        }
    }

    @Test func advancingTwiceOnTheSameDayDoesNothingMore() async throws {
        _ = try await lease(try await f.register(.general))
        let day = Instant(japanDate: LocalDate(year: 2027, month: 4, day: 1)!, minuteOfDay: 0)
        #expect(try await f.service.lockers.advance(now: day).reminders.count == 1)
        #expect(try await f.service.lockers.advance(now: day.adding(seconds: 3600)) == LockerAdvance())
    }

    @Test func renewedLeaseGetsRemindersForItsNewEnd() async throws {
        let made = try await lease(try await f.register(.general))
        #expect(try await f.service.lockers.advance(now: Instant(japanDate: LocalDate(year: 2027, month: 4, day: 1)!)).reminders.count == 1)
        _ = try await f.service.lockers.renew(lease: made.id, by: f.staff)
        let reminders = try await f.service.lockers.advance(now: Instant(japanDate: LocalDate(year: 2028, month: 4, day: 1)!)).reminders
        #expect(reminders == [LockerReminder(lease: made.id, endDate: LocalDate(year: 2028, month: 5, day: 31)!, daysBefore: 60)])
    }

    @Test func theServiceTimerEndsALeaseAfterItsLastDay() async throws {
        let timers = f.service.startTimers()
        defer { timers.cancel() }
        let made = try await lease(try await f.register(.general), start: "2026-11")
        f.clock.set(Instant(japanDate: LocalDate(year: 2027, month: 5, day: 1)!, minuteOfDay: 1))
        try await f.clock.waitForSleepers(timers.count)
        #expect(try await f.service.lockers.lease(id: made.id).state == .ended)
        #expect(try await f.service.lockers.lease(id: made.id).relettableFrom == LocalDate(year: 2027, month: 6, day: 29))
    }

    @Test func missingFounderNumberIsReportedOnceAfterItsDueDate() async throws {
        let founder = try await lease(try await f.register(.general), number: nil)
        #expect(try await f.service.lockers.advance(now: Instant(japanDate: LocalDate(year: 2027, month: 2, day: 28)!)).overdueCorporateNumbers.isEmpty)
        #expect(try await f.service.lockers.advance(now: Instant(japanDate: LocalDate(year: 2027, month: 3, day: 1)!)).overdueCorporateNumbers
                == [founder.id])
        #expect(try await f.service.lockers.advance(now: Instant(japanDate: LocalDate(year: 2027, month: 3, day: 2)!)).overdueCorporateNumbers.isEmpty)
    }

    @Test func joiningWhileLockersAreFreeGetsAnOfferAtOnce() async throws {
        _ = try await f.service.lockers.joinWaitlist(registration: try await f.register(.general), note: "", by: f.staff)
        _ = try await f.service.lockers.joinWaitlist(registration: try await f.register(.general), note: "", by: f.staff)
        let entries = try await f.service.lockers.waitlist()
        #expect(entries.map(\.state) == [.offered, .offered])
        #expect(entries.compactMap(\.offer?.locker) == ["locker-01", "locker-02"])
    }

    @Test func cancelledLeaseIsOfferedToTheFirstInLineAtOnce() async throws {
        var leases: [LockerLease] = []
        for n in 1...30 {
            let base = String(repeating: "0", count: 12 - String(n).count) + String(n)
            let number = String(CorporateNumber.checkDigit(base: base.map { Int(String($0))! })) + base
            leases.append(try await lease(try await f.register(.general), number: number))
        }
        let waiting = try await f.register(.general)
        _ = try await f.service.lockers.joinWaitlist(registration: waiting, note: "", by: f.staff)
        _ = try await f.service.lockers.terminate(lease: leases[6].id, by: f.staff)
        let entry = try #require(try await f.service.lockers.waitlist().first)
        #expect(entry.registration == waiting)
        #expect(entry.offer?.locker == "locker-07")
    }

    @Test func leaseOutsideTheWaitlistWithdrawsTheApplicantAndFreesItsOffer() async throws {
        let applicant = try await f.register(.general)
        _ = try await f.service.lockers.joinWaitlist(registration: applicant, note: "", by: f.staff)
        #expect(try await f.service.lockers.waitlist().first?.offer?.locker == "locker-01")
        let direct = try await lease(applicant)
        #expect(direct.locker == "locker-02")
        #expect(try await f.service.lockers.waitlist().isEmpty)
        #expect(try await f.service.lockers.all().first?.state == .free)
    }

    @Test func anOfferDeclinedByALeaseOutsideTheWaitlistHasItsAuditLine() async throws {
        let applicant = try await f.register(.general)
        _ = try await f.service.lockers.joinWaitlist(registration: applicant, note: "", by: f.staff)
        let offer = try #require(try await f.service.lockers.waitlist().first?.offer)
        _ = try await lease(applicant)
        let lines = try await f.read { db in
            try db.query("SELECT action, before, after FROM audit_log WHERE entity = 'locker_offer' AND entity_id = ? ORDER BY id",
                         [.text(String(offer.id))]).map { (try $0.get("action") as String, try $0.get("after") as String?) }
        }
        #expect(lines.map(\.0) == ["locker_offer.create", "locker_offer.decline"])
        #expect(lines.last?.1?.contains("\"state\":\"declined\"") == true)
    }

    @Test func anAddressMoveConfirmedAgainChangesNothingAndWritesNoSecondLine() async throws {
        let leased = try await lease(try await f.register(.general), start: "2026-11")
        _ = try await f.service.lockers.terminate(lease: leased.id, by: f.staff)
        let first = try #require(try await f.service.lockers.confirmAddressMoved(lease: leased.id, by: f.staff).value)
        f.clock.advance(seconds: 86_400)
        let again = try #require(try await f.service.lockers.confirmAddressMoved(lease: leased.id, by: f.staff).value)
        #expect(again == first)
        #expect(again.addressMovedOn == BookingFixture.today)
        let lines = try await f.read { db in
            try db.queryOne("SELECT count(*) FROM audit_log WHERE action = 'locker_lease.address_moved'")?.get(0) as Int? ?? 0
        }
        #expect(lines == 1)
    }
}
