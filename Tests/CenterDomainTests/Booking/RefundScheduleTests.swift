import Testing
@testable import CenterDomain

@Suite struct RefundScheduleTests {
    typealias F = RulesFixtures
    let schedule = RefundSchedule()

    func refund(_ paid: Int, cancelled: String, by canceller: Canceller = .user) -> RefundSchedule.Refund {
        schedule.refund(paid: paid, cancelledOn: F.day(cancelled), useDate: F.day("2026-07-10"), by: canceller)
    }

    @Test func refundFullSevenDaysBeforeUse() {
        #expect(refund(3000, cancelled: "2026-07-03").percent == 100)
        #expect(refund(3000, cancelled: "2026-07-03").amount == 3000)
    }

    @Test func refundHalfSixDaysBeforeUse() {
        #expect(refund(3000, cancelled: "2026-07-04").amount == 1500)
    }

    @Test func refundHalfThreeDaysBeforeUse() {
        #expect(refund(3000, cancelled: "2026-07-07").percent == 50)
    }

    @Test func refundNothingTwoDaysBeforeUse() {
        #expect(refund(3000, cancelled: "2026-07-08").amount == 0)
        #expect(refund(3000, cancelled: "2026-07-10").amount == 0)
    }

    @Test func refundFullWhenCenterCancels() {
        #expect(refund(3000, cancelled: "2026-07-10", by: .center).amount == 3000)
    }

    @Test func refundRoundsDownToTenYen() {
        #expect(refund(1234, cancelled: "2026-07-05").amount == 610)
        #expect(refund(1239, cancelled: "2026-07-01").amount == 1230)
    }

    @Test func refundTiersAreConfigurable() {
        let custom = RefundSchedule(tiers: [.init(minDaysBefore: 30, percent: 80)], centerCancelPercent: 100)
        #expect(custom.percent(cancelledOn: F.day("2026-06-10"), useDate: F.day("2026-07-10"), by: .user) == 80)
        #expect(custom.percent(cancelledOn: F.day("2026-06-11"), useDate: F.day("2026-07-10"), by: .user) == 0)
    }
}
