import CalendarValues
import Testing
@testable import CenterDomain

@Suite struct LockerWaitlistTests {
    func entry(_ id: Int64, _ seconds: Int64) -> LockerWaitlist.Entry {
        LockerWaitlist.Entry(id: id, appliedAt: Instant(secondsSinceEpoch: seconds))
    }

    @Test func waitlistServesInOrderOfApplication() {
        let order = LockerWaitlist.order([entry(3, 300), entry(1, 100), entry(2, 200)])
        #expect(order.map(\.id) == [1, 2, 3])
    }

    @Test func sameInstantGoesToTheEarlierEntry() {
        #expect(LockerWaitlist.order([entry(9, 100), entry(4, 100)]).map(\.id) == [4, 9])
    }

    @Test func eachFreeLockerGoesToTheNextInLine() {
        let offers = LockerWaitlist.offers(freeLockers: ["locker-05", "locker-09"], waiting: [entry(2, 200), entry(1, 100), entry(3, 300)])
        #expect(offers.map(\.locker) == ["locker-05", "locker-09"])
        #expect(offers.map(\.entry.id) == [1, 2])
    }

    @Test func noOfferWithoutAFreeLocker() {
        #expect(LockerWaitlist.offers(freeLockers: [], waiting: [entry(1, 100)]).isEmpty)
    }

    @Test func offerIsHeldSevenDaysThenExpires() {
        let offered = LocalDate(year: 2026, month: 11, day: 25)!
        let until = LockerLeaseTerms().offerExpires(offeredOn: offered)
        #expect(LockerWaitlist.offerExpired(until: until, today: offered.adding(days: 7)) == false)
        #expect(LockerWaitlist.offerExpired(until: until, today: offered.adding(days: 8)))
    }
}
