import CalendarValues
import Testing
@testable import CenterDomain

/// The day's takings add up the day's payments by method and by staff,
/// refunds paid out subtracted.
@Suite struct DailyTakingsTests {
    typealias F = RulesFixtures
    static let day = RulesFixtures.day("2026-07-01")

    static func at(_ date: LocalDate, _ hour: Int) -> Instant { Instant(japanDate: date, minuteOfDay: hour * 60) }

    let takings = DailyTakings(
        date: day,
        payments: [
            Payment(amount: 2000, method: .cash, takenBy: "suzuki", at: at(day, 9)),
            Payment(amount: 1300, method: .cash, takenBy: "tanaka", at: at(day, 13)),
            Payment(amount: 5000, method: .card, takenBy: "suzuki", at: at(day, 14)),
            Payment(amount: 9999, method: .cash, takenBy: "suzuki", at: at(day.adding(days: 1), 9)),
            Payment(amount: 8888, method: .bankTransfer, takenBy: "tanaka", at: at(day.adding(days: -1), 23)),
        ],
        payouts: [RefundPayout(amount: 1000, method: .cash, paidBy: "tanaka", at: at(day, 16))])

    @Test func everyMethodIsListedInOrderWithItsSums() {
        #expect(takings.byMethod.map(\.label) == ["現金", "カード", "振込", "請求書払い"])
        #expect(takings.byMethod.map(\.received) == [3300, 5000, 0, 0])
        #expect(takings.byMethod.map(\.paymentCount) == [2, 1, 0, 0])
    }

    @Test func refundsPaidOutAreSubtractedFromTheirMethod() {
        #expect(takings.byMethod[0].refunded == 1000)
        #expect(takings.byMethod[0].net == 2300)
    }

    @Test func eachStaffMemberHasALineInNameOrder() {
        #expect(takings.byStaff.map(\.label) == ["suzuki", "tanaka"])
        #expect(takings.byStaff.map(\.net) == [7000, 300])
    }

    @Test func linesOfOtherDaysInJapanAreLeftOut() {
        #expect(takings.total.paymentCount == 3)
        #expect(takings.total.received == 8300)
    }

    @Test func theTotalIsTheDaysNet() {
        #expect(takings.total.net == 7300)
    }

    @Test func theMethodTableHasJapaneseHeadersAndATotalLine() {
        let table = takings.methodTable
        #expect(table.header == ["日付", "支払方法", "入金件数", "入金額", "還付件数", "還付額", "差引"])
        #expect(table.rows.first == ["2026-07-01", "現金", "2", "3300", "1", "1000", "2300"])
        #expect(table.rows.last == ["2026-07-01", "合計", "3", "8300", "1", "1000", "7300"])
        #expect(table.rows.count == 5)
    }

    @Test func theStaffTableNamesTheStaffColumn() {
        #expect(takings.staffTable.header[1] == "担当者")
        #expect(takings.staffTable.rows.map { $0[1] } == ["suzuki", "tanaka", "合計"])
    }

    @Test func aDayWithoutMoneyHasZeroLines() {
        let empty = DailyTakings(date: Self.day, payments: [], payouts: [])
        #expect(empty.byMethod.allSatisfy { $0.net == 0 })
        #expect(empty.byStaff.isEmpty)
        #expect(empty.total.net == 0)
    }
}
