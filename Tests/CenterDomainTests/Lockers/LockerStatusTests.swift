import CalendarValues
import Testing
@testable import CenterDomain

@Suite struct LockerStatusTests {
    let today = LocalDate(year: 2026, month: 11, day: 25)!

    @Test func lockerWithNothingHoldingItIsFree() {
        #expect(LockerStatus.on(today, activeLeaseEnd: nil, openOfferUntil: nil, relettableFrom: nil) == .free)
    }

    @Test func activeLeaseOutranksEverythingElse() {
        let end = today.adding(days: 100)
        #expect(LockerStatus.on(today, activeLeaseEnd: end, openOfferUntil: today, relettableFrom: today.adding(days: 5))
                == .leased(leaseEnd: end))
    }

    @Test func openOfferHoldsTheLocker() {
        #expect(LockerStatus.on(today, activeLeaseEnd: nil, openOfferUntil: today.adding(days: 7), relettableFrom: nil)
                == .offered(until: today.adding(days: 7)))
    }

    @Test func coolingOffLastsUntilTheDayBeforeTheRelettableDate() {
        let status = LockerStatus.on(today, activeLeaseEnd: nil, openOfferUntil: nil, relettableFrom: today.adding(days: 1))
        #expect(status == .coolingOff(until: today))
        #expect(status.kind == .coolingOff)
    }

    @Test func lockerIsFreeOnItsRelettableDate() {
        #expect(LockerStatus.on(today, activeLeaseEnd: nil, openOfferUntil: nil, relettableFrom: today) == .free)
    }

    @Test func coolingOffEndsSixtyDaysAfterTheEndWithoutConfirmation() {
        let terms = LockerLeaseTerms()
        let end = LocalDate(year: 2026, month: 9, day: 30)!
        let from = terms.relettableFrom(end: end, moveConfirmedOn: nil)
        #expect(LockerStatus.on(from.adding(days: -1), activeLeaseEnd: nil, openOfferUntil: nil, relettableFrom: from).isFree == false)
        #expect(LockerStatus.on(from, activeLeaseEnd: nil, openOfferUntil: nil, relettableFrom: from).isFree)
        #expect(from == end.adding(days: 60))
    }

    @Test func firstFreeLockerFollowsConfigurationOrder() {
        let ids: [FacilityID] = ["locker-01", "locker-02", "locker-03"]
        let statuses: [FacilityID: LockerStatus] = ["locker-01": .leased(leaseEnd: today), "locker-02": .coolingOff(until: today)]
        #expect(LockerStatus.firstFree(of: ids, statuses: statuses) == "locker-03")
        #expect(LockerStatus.firstFree(of: Array(ids.prefix(2)), statuses: statuses) == nil)
    }
}
