import CalendarValues
import Testing
@testable import CenterDomain

@Suite struct PaymentDeadlineTests {
    typealias F = RulesFixtures
    let rule = PaymentDeadline()

    func at(_ date: String, hour: Int) -> Instant { Instant(japanDate: F.day(date), minuteOfDay: hour * 60) }
    func endOf(_ date: String) -> Instant { Instant(japanDate: F.day(date), minuteOfDay: 1440).adding(seconds: -1) }

    @Test func paymentDueFourteenDaysAfterBookingWhenUseIsFar() {
        #expect(rule.deadline(bookedAt: at("2026-07-01", hour: 10), useDate: F.day("2026-09-01")) == endOf("2026-07-15"))
    }

    @Test func paymentDueSevenDaysBeforeUseWhenThatIsFirst() {
        #expect(rule.deadline(bookedAt: at("2026-07-01", hour: 10), useDate: F.day("2026-07-20")) == endOf("2026-07-13"))
    }

    @Test func paymentDeadlinesMeetAtTwentyOneDays() {
        #expect(rule.dueDate(bookedAt: at("2026-07-01", hour: 10), useDate: F.day("2026-07-22")) == F.day("2026-07-15"))
    }

    @Test func paymentDueSameDayWhenBookedSevenDaysBeforeUse() {
        #expect(rule.deadline(bookedAt: at("2026-07-01", hour: 15), useDate: F.day("2026-07-08")) == endOf("2026-07-01"))
    }

    @Test func paymentDueEndOfBookingDayWhenBookedWithinSevenDays() {
        #expect(rule.deadline(bookedAt: at("2026-07-01", hour: 15), useDate: F.day("2026-07-05")) == endOf("2026-07-01"))
    }

    @Test func paymentDeadlineCountsFromBookingDayInJapan() {
        // 2026-06-30T20:00Z is 2026-07-01 05:00 in Japan.
        let bookedAt = Instant(japanDate: F.day("2026-07-01"), minuteOfDay: 5 * 60)
        #expect(bookedAt.japanDate == F.day("2026-07-01"))
        #expect(rule.deadline(bookedAt: bookedAt, useDate: F.day("2026-09-01")) == endOf("2026-07-15"))
        #expect(endOf("2026-07-15").japanSecondOfDay == 86_399)
    }
}
