import Testing
@testable import CenterDomain

@Suite struct LockerLeaseTermsTests {
    typealias F = RulesFixtures
    let terms = LockerLeaseTerms()

    @Test func lockerLeaseRunsAtLeastSixMonths() {
        #expect(F.refusal { try terms.checkNewTerm(months: 6) } == nil)
        #expect(F.refusal { try terms.checkNewTerm(months: 5) }?.code == "lease_term_too_short")
        #expect(F.refusal { try terms.checkNewTerm(months: 61) }?.code == "lease_term_too_long")
    }

    @Test func lockerLeaseEndsDayBeforeMonthAnniversary() {
        #expect(terms.endDate(start: F.day("2026-07-01"), months: 6) == F.day("2026-12-31"))
    }

    @Test func lockerLeaseRenewsByTwelveMonths() throws {
        let renewal = try terms.renewal(start: F.day("2026-07-01"), monthsSoFar: 6)
        #expect(renewal.months == 18)
        #expect(renewal.end == F.day("2027-12-31"))
    }

    @Test func lockerLastRenewalStopsAtSixtyMonths() throws {
        let renewal = try terms.renewal(start: F.day("2026-07-01"), monthsSoFar: 54)
        #expect(renewal.months == 60)
        #expect(renewal.end == F.day("2031-06-30"))
    }

    @Test func lockerRenewalRefusedAtSixtyMonths() {
        let error = F.refusal { _ = try terms.renewal(start: F.day("2026-07-01"), monthsSoFar: 60) }
        #expect(error?.code == "lease_limit_reached")
        #expect(error?.details["max_end"] == "2031-06-30")
    }

    @Test func founderSuppliesCorporateNumberWithinThreeMonths() {
        #expect(terms.corporateNumberDue(leaseStart: F.day("2026-07-01")) == F.day("2026-09-30"))
    }

    @Test func waitlistOfferHeldSevenDays() {
        #expect(terms.offerExpires(offeredOn: F.day("2026-07-01")) == F.day("2026-07-08"))
    }

    @Test func lockerRemindersSixtyAndThirtyDaysBeforeEnd() {
        #expect(terms.reminderDates(end: F.day("2026-12-31")) == [F.day("2026-11-01"), F.day("2026-12-01")])
    }

    @Test func lockerRelettableAfterAddressMoveOrSixtyDays() {
        let end = F.day("2026-12-31")
        #expect(terms.relettableFrom(end: end, moveConfirmedOn: nil) == F.day("2027-03-01"))
        #expect(terms.relettableFrom(end: end, moveConfirmedOn: F.day("2027-01-10")) == F.day("2027-01-11"))
        #expect(terms.relettableFrom(end: end, moveConfirmedOn: F.day("2026-12-01")) == F.day("2027-01-01"))
        #expect(terms.relettableFrom(end: end, moveConfirmedOn: F.day("2027-06-01")) == F.day("2027-03-01"))
    }
}
