import CalendarValues
import CenterDomain
import ServiceTestSupport
import Store
import Testing
@testable import CenterService

/// Receipts (領収書): one per payment, numbered per fiscal year without gaps,
/// the manager of the first day of use as issuer, reissues under the same number.
struct ReceiptServiceTests {
    let f: BookingFixture

    init() throws { f = try BookingFixture() }

    /// A paid booking of meeting-room-1 on 2026-12-10, am and pm (¥3,500), for 中野商事.
    func paidBooking(_ day: String = "2026-12-10") async throws -> Booking {
        let registration = try await f.service.registrations.register(
            RegistrationInput(category: .general, name: "中野商事株式会社", confirmNew: true), by: f.staff).value!.id
        let booking = try await f.book(day, [.am, .pm], registration: registration)
        _ = try await f.service.bookings.pay(booking: booking.id, by: f.staff)
        return booking
    }

    @Test func aReceiptPrintsEveryLineOfThePayment() async throws {
        let booking = try await paidBooking()
        let issued = try await f.service.receipts.issue(booking: booking.id, by: f.staff).value!
        #expect(issued.receipt.lines == [
            "領収書",
            "No. 2026-000001（令和8年度）",
            "発行日 令和8年11月25日(水)",
            "中野商事株式会社 様",
            "金額 ¥3,500-（税込）",
            "（内消費税等 10% ¥318）",
            "但し 会議室1 令和8年12月10日(木) 午前・午後 使用料として",
            "上記の金額を現金にて正に領収いたしました。",
            "中野区産業振興センター",
            "指定管理者❶〜❺",
        ])
        #expect(issued.booking == booking.id)
        #expect(issued.payment == 1)
    }

    @Test func numbersRunWithoutGapsAndAPaymentGetsOneReceipt() async throws {
        let first = try await paidBooking()
        let second = try await paidBooking("2026-12-11")
        #expect(try await f.service.receipts.issue(booking: first.id, by: f.staff).value?.receipt.number.description == "2026-000001")
        #expect(try await f.service.receipts.issue(booking: second.id, by: f.staff).value?.receipt.number.description == "2026-000002")
        let error = await f.domainError { _ = try await f.service.receipts.issue(booking: first.id, payment: 1, by: f.staff) }
        #expect(error?.code == "receipt_already_issued")
        #expect(error?.details["receipt"] == "2026-000001")
        #expect(await f.refusal { _ = try await f.service.receipts.issue(booking: first.id, by: f.staff) } == "nothing_to_receipt")
        #expect(await f.refusal { _ = try await f.service.receipts.issue(booking: first.id, payment: 7, by: f.staff) } == "payment_not_found")
    }

    @Test func numberingStartsAgainOnTheFirstDayOfTheFiscalYear() async throws {
        f.clock.set(Instant(japanDate: date("2027-03-31"), minuteOfDay: 600))
        let registration = try await f.register(.general)
        let booking = try await f.book("2027-04-10", [.am, .pm], registration: registration)
        _ = try await f.service.bookings.takePayment(booking: booking.id, amount: 1000, method: .cash, by: f.staff)
        let march = try await f.service.receipts.issue(booking: booking.id, payer: "中野 太郎", by: f.staff).value!
        f.clock.set(Instant(japanDate: date("2027-04-01"), minuteOfDay: 540))
        _ = try await f.service.bookings.takePayment(booking: booking.id, amount: 2500, method: .card, by: f.staff)
        let april = try await f.service.receipts.issue(booking: booking.id, payer: "中野 太郎", by: f.staff).value!
        #expect(march.receipt.numberLine == "No. 2026-000001（令和8年度）")
        #expect(april.receipt.numberLine == "No. 2027-000001（令和9年度）")
        #expect(march.receipt.purposeLine == "但し 会議室1 令和9年4月10日(土) 午前・午後 使用料の一部として")
        #expect(april.receipt.acknowledgementLine == "上記の金額をカードにて正に領収いたしました。")
    }

    @Test func aReissueKeepsItsNumberAndIsMarked() async throws {
        let booking = try await paidBooking()
        let issued = try await f.service.receipts.issue(booking: booking.id, by: f.staff).value!
        f.clock.set(Instant(japanDate: date("2026-12-01"), minuteOfDay: 600))
        let reissued = try await f.service.receipts.reissue(number: issued.receipt.number, by: f.staff).value!
        #expect(reissued.receipt.number == issued.receipt.number)
        #expect(reissued.receipt.lines.prefix(4) == ["領収書（再発行）", "No. 2026-000001（令和8年度）", "発行日 令和8年11月25日(水)",
                                                    "再発行日 令和8年12月1日(火)"])
        #expect(try await f.service.receipts.receipt(number: issued.receipt.number).reissues.count == 1)
    }

    @Test func anUnknownReceiptIsNotFound() async throws {
        let number = try #require(ReceiptNumber("2026-000009"))
        #expect(await f.refusal { _ = try await f.service.receipts.receipt(number: number) } == "receipt_not_found")
    }

    @Test func theSchemaRefusesAGapInTheNumbersAndNeverDeletesAReceipt() async throws {
        let booking = try await paidBooking()
        _ = try await f.service.receipts.issue(booking: booking.id, by: f.staff)
        await #expect(throws: StoreError.self) {
            try await f.service.pool.write { db in
                try db.run("UPDATE receipts SET sequence = 3")
            }
        }
        await #expect(throws: StoreError.self) {
            try await f.service.pool.write { db in try db.run("DELETE FROM receipts") }
        }
        await #expect(throws: StoreError.self) {
            try await f.service.pool.write { db in
                try db.run("""
                    INSERT INTO receipts SELECT fiscal_year, 3, payment_id, booking_id, issued_on, payer, facility_ja, dates,
                        divisions_ja, part_payment, amount, method, issuer, registration_number, tax_percent, stamp_duty_exempt,
                        issued_at, issued_by FROM receipts
                    """)
            }
        }
    }

    @Test func theDayTakingsAddPaymentsByMethodAndStaffLessRefundsPaidOut() async throws {
        let registration = try await f.register(.general)
        let first = try await f.book("2026-12-10", [.am, .pm], registration: registration)
        let second = try await f.book("2026-12-11", [.am], registration: registration)
        _ = try await f.service.bookings.takePayment(booking: first.id, amount: 3500, method: .cash, takenBy: "山田", by: f.staff)
        _ = try await f.service.bookings.takePayment(booking: second.id, amount: 1500, method: .card, takenBy: "佐藤", by: f.staff)
        _ = try await f.service.bookings.cancel(booking: first.id, reason: nil, byCenter: true, by: f.staff)
        _ = try await f.service.bookings.payOutRefund(booking: first.id, refund: 1, method: .cash, paidBy: "佐藤", by: f.staff)
        let report = try await f.service.reports.dailyTakings(on: BookingFixture.today)
        #expect(report.takings.methodTable.rows == [
            ["2026-11-25", "現金", "1", "3500", "1", "3500", "0"],
            ["2026-11-25", "カード", "1", "1500", "0", "0", "1500"],
            ["2026-11-25", "振込", "0", "0", "0", "0", "0"],
            ["2026-11-25", "請求書払い", "0", "0", "0", "0", "0"],
            ["2026-11-25", "合計", "2", "5000", "1", "3500", "1500"],
        ])
        #expect(report.takings.staffTable.rows.map { $0[1] } == ["佐藤", "山田", "合計"])
        #expect(report.lines.map(\.kind) == ["payment", "payment", "refund_payout"])
        #expect(try await f.service.reports.dailyTakings(on: date("2026-11-26")).takings.total.received == 0)
    }

    @Test func erasingThePayerKeepsTheReceiptButNotTheName() async throws {
        let booking = try await paidBooking()
        let issued = try await f.service.receipts.issue(booking: booking.id, by: f.staff).value!
        _ = try await f.service.bookings.cancel(booking: booking.id, reason: nil, byCenter: true, by: f.staff)
        #expect(await f.refusal { _ = try await f.service.registrations.erase(id: booking.registration, by: f.staff) } == "erasure_blocked")
        _ = try await f.service.bookings.payOutRefund(booking: booking.id, refund: 1, method: .cash, by: f.staff)
        _ = try await f.service.registrations.erase(id: booking.registration, by: f.staff)
        let kept = try await f.service.receipts.receipt(number: issued.receipt.number)
        #expect(kept.receipt.payer == "（消去済み）")
        #expect(kept.receipt.amount == 3500)
        let audit = try await f.service.accounts.auditEntries(since: Instant(secondsSinceEpoch: 0), afterID: 0, limit: 500)
        #expect(!audit.contains { ($0.after ?? "").contains("中野商事") || ($0.before ?? "").contains("中野商事") })
    }
}
