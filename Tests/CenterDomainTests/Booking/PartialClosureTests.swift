import CalendarValues
import Testing
@testable import CenterDomain

/// A closure of some days of a multi-day booking cancels only those days
/// while others are usable, refunding them in full; the holder may cancel
/// the whole booking with a full refund instead.
@Suite struct PartialClosureTests {
    typealias F = RulesFixtures
    static let days = ["2026-07-01", "2026-07-02", "2026-07-03"].map(RulesFixtures.day)

    static func assess(closing closed: [String], facilities: Set<FacilityID> = [], paid: Int = 6000,
                       today: String = "2026-06-20", refunds: RefundSchedule = RefundSchedule()) -> PartialClosure {
        PartialClosure(days: days, facility: "large-meeting-room", feePerDay: 2000, paid: paid,
                       closedDates: Set(closed.map(F.day)), closedFacilities: facilities, today: F.day(today), refunds: refunds)
    }

    @Test func aClosureOfOneDayHitsOnlyThatDay() {
        let impact = Self.assess(closing: ["2026-07-02"])
        #expect(impact.hitDays == [F.day("2026-07-02")])
        #expect(impact.keptDays == ["2026-07-01", "2026-07-03"].map(F.day))
        #expect(impact.outcome == .daysHit)
    }

    @Test func theDaysHitAreRefundedInFull() {
        let settlement = Self.assess(closing: ["2026-07-02"]).daysHit
        #expect(settlement?.fee == 4000)
        #expect(settlement?.refund == 2000)
    }

    @Test func remainingDaysNeedNotBeConsecutiveToBeUsable() {
        #expect(Self.assess(closing: ["2026-07-02"]).usableDays.count == 2)
    }

    @Test func theHolderMayCancelTheWholeBookingWithAFullRefund() {
        let whole = Self.assess(closing: ["2026-07-02"]).whole
        #expect(whole?.fee == 0)
        #expect(whole?.refund == 6000)
        #expect(whole?.days == [])
    }

    @Test func aClosureOfEveryDayCancelsTheWholeBooking() {
        let impact = Self.assess(closing: ["2026-07-01", "2026-07-02", "2026-07-03"])
        #expect(impact.outcome == .wholeRequired)
        #expect(impact.daysHit == nil)
        #expect(impact.whole?.refund == 6000)
    }

    @Test func whenOnlyDaysAlreadyPastRemainTheWholeBookingIsCancelledAndThoseDaysStayCharged() {
        let impact = Self.assess(closing: ["2026-07-02", "2026-07-03"], today: "2026-07-02")
        #expect(impact.usableDays.isEmpty)
        #expect(impact.outcome == .wholeRequired)
        #expect(impact.whole?.days == [F.day("2026-07-01")])
        #expect(impact.whole?.fee == 2000)
        #expect(impact.whole?.refund == 4000)
    }

    @Test func aClosureOfAnotherFacilityDoesNotTouchTheBooking() {
        let impact = Self.assess(closing: ["2026-07-02"], facilities: ["gym"])
        #expect(impact.outcome == .unaffected)
        #expect(impact.hitDays.isEmpty)
        #expect(impact.whole == nil)
    }

    @Test func aClosureNamingTheFacilityHitsIt() {
        #expect(Self.assess(closing: ["2026-07-02"], facilities: ["large-meeting-room"]).outcome == .daysHit)
    }

    @Test func anUnpaidBookingHasItsFeeLoweredAndNothingRefunded() {
        let settlement = Self.assess(closing: ["2026-07-02"], paid: 0).daysHit
        #expect(settlement?.fee == 4000)
        #expect(settlement?.refund == 0)
    }

    @Test func aPartPaymentIsRefundedOnlyBeyondTheNewFee() {
        #expect(Self.assess(closing: ["2026-07-02"], paid: 1000).daysHit?.refund == 0)
        #expect(Self.assess(closing: ["2026-07-02"], paid: 5000).daysHit?.refund == 1000)
    }

    @Test func theCentersRefundPercentIsTheSchedules() {
        let halfRefund = RefundSchedule(centerCancelPercent: 50)
        let settlement = Self.assess(closing: ["2026-07-02"], refunds: halfRefund).daysHit
        #expect(settlement?.fee == 5000)
        #expect(settlement?.refund == 1000)
    }
}
