import CalendarValues
import CenterDomain
import ServiceTestSupport
import Store
import Testing
@testable import CenterService

/// A booking's payments ledger: part payments, coverage, overpayment,
/// refunds decided on cancellation or lapse and paid out.
struct PaymentServiceTests {
    let f: BookingFixture

    init() throws { f = try BookingFixture() }

    /// A provisional booking of meeting-room-1 on 2026-12-10, am and pm: ¥3,500.
    func booking() async throws -> Booking {
        try await f.book("2026-12-10", [.am, .pm], registration: try await f.register(.general))
    }

    @Test func aPartPaymentLeavesTheBookingProvisionalWithTheRestOutstanding() async throws {
        let booking = try await booking()
        let taken = try await f.service.bookings.takePayment(booking: booking.id, amount: 1000, method: .cash, takenBy: "山田",
                                                             by: f.staff).value!
        #expect(taken.payment.number == 1)
        #expect(taken.payment.takenBy == "山田")
        #expect(taken.account.state == .provisional)
        #expect(taken.account.ledger.paid == 1000)
        #expect(taken.account.ledger.outstanding == 2500)
        #expect(taken.account.ledger.status == .partial)
    }

    @Test func theBookingIsPaidOnlyWhenThePaymentsCoverItsFee() async throws {
        let booking = try await booking()
        _ = try await f.service.bookings.takePayment(booking: booking.id, amount: 1000, method: .cash, by: f.staff)
        let last = try await f.service.bookings.takePayment(booking: booking.id, amount: 2500, method: .card, by: f.staff).value!
        #expect(last.account.state == .paid)
        #expect(last.account.ledger.status == .paid)
        #expect(last.account.payments.map(\.method) == [.cash, .card])
        #expect(try await f.service.bookings.booking(id: booking.id, for: f.staff).paidAt != nil)
    }

    @Test func aPaymentAboveWhatIsOutstandingIsRefused() async throws {
        let booking = try await booking()
        _ = try await f.service.bookings.takePayment(booking: booking.id, amount: 3000, method: .cash, by: f.staff)
        let error = await f.domainError {
            _ = try await f.service.bookings.takePayment(booking: booking.id, amount: 1000, method: .cash, by: f.staff)
        }
        #expect(error?.code == "overpayment")
        #expect(error?.details["outstanding"] == "500")
        #expect(try await f.service.bookings.account(booking: booking.id, for: f.staff).ledger.paid == 3000)
    }

    @Test func aPaidBookingTakesNoMoreMoney() async throws {
        let booking = try await booking()
        _ = try await f.service.bookings.pay(booking: booking.id, by: f.staff)
        #expect(await f.refusal {
            _ = try await f.service.bookings.takePayment(booking: booking.id, amount: 1, method: .cash, by: f.staff)
        } == "invalid_transition")
    }

    @Test func aPaymentOfNothingIsRefused() async throws {
        let booking = try await booking()
        #expect(await f.refusal {
            _ = try await f.service.bookings.takePayment(booking: booking.id, amount: 0, method: .cash, by: f.staff)
        } == "payment_amount_invalid")
    }

    @Test func afterThePaymentDeadlineNoPaymentIsTaken() async throws {
        let booking = try await booking()
        f.clock.set(booking.paymentDeadline.adding(seconds: 1))
        #expect(await f.refusal {
            _ = try await f.service.bookings.takePayment(booking: booking.id, amount: 100, method: .cash, by: f.staff)
        } == "payment_deadline_passed")
    }

    @Test func theOldPaymentCallRecordsWhatIsOutstandingByItsMethod() async throws {
        let booking = try await booking()
        _ = try await f.service.bookings.takePayment(booking: booking.id, amount: 500, method: .cash, by: f.staff)
        let paid = try await f.service.bookings.pay(booking: booking.id, method: .bankTransfer, by: f.staff).value!
        #expect(paid.state == .paid)
        let account = try await f.service.bookings.account(booking: booking.id, for: f.staff)
        #expect(account.payments.map(\.amount) == [500, 3000])
        #expect(account.payments.last?.method == .bankTransfer)
        #expect(account.payments.last?.takenBy == "Front desk")
    }

    @Test func aCancellationDecidesItsRefundOnWhatWasActuallyPaid() async throws {
        let booking = try await booking()
        _ = try await f.service.bookings.takePayment(booking: booking.id, amount: 2000, method: .cash, by: f.staff)
        f.clock.set(Instant(japanDate: date("2026-12-05"), minuteOfDay: 600))
        let cancelled = try await f.service.bookings.cancel(booking: booking.id, reason: nil, byCenter: false, by: f.staff).value!
        #expect(cancelled.refund == Booking.Refund(percent: 50, amount: 1000))
        let account = try await f.service.bookings.account(booking: booking.id, for: f.staff)
        #expect(account.refunds.map(\.amount) == [1000])
        #expect(account.refunds.first?.reason == .cancellation)
        #expect(account.ledger.outstanding == 0)
        #expect(account.ledger.refundOwed == 1000)
    }

    @Test func aRefundIsPaidOutByCashCardOrTransferNotMoreThanItOwes() async throws {
        let booking = try await booking()
        _ = try await f.service.bookings.pay(booking: booking.id, by: f.staff)
        _ = try await f.service.bookings.cancel(booking: booking.id, reason: "中止", byCenter: true, by: f.staff)
        #expect(await f.refusal {
            _ = try await f.service.bookings.payOutRefund(booking: booking.id, refund: 1, method: .invoice, by: f.staff)
        } == "refund_method_invalid")
        #expect(await f.refusal {
            _ = try await f.service.bookings.payOutRefund(booking: booking.id, refund: 1, amount: 4000, method: .cash, by: f.staff)
        } == "refund_payout_exceeds_due")
        _ = try await f.service.bookings.payOutRefund(booking: booking.id, refund: 1, amount: 500, method: .cash, paidBy: "佐藤", by: f.staff)
        let account = try await f.service.bookings.payOutRefund(booking: booking.id, refund: 1, method: .bankTransfer, by: f.staff).value!
        #expect(account.refunds.first?.payouts.map(\.amount) == [500, 3000])
        #expect(account.refunds.first?.payouts.map(\.paidBy) == ["佐藤", "Front desk"])
        #expect(account.ledger.refundOwed == 0)
        #expect(await f.refusal {
            _ = try await f.service.bookings.payOutRefund(booking: booking.id, refund: 1, method: .cash, by: f.staff)
        } == "refund_payout_exceeds_due")
    }

    @Test func anUnknownRefundIsNotFound() async throws {
        let booking = try await booking()
        #expect(await f.refusal {
            _ = try await f.service.bookings.payOutRefund(booking: booking.id, refund: 1, method: .cash, by: f.staff)
        } == "refund_not_found")
    }

    @Test func aHoldThatLapsesWithAPartPaidRefundsAllOfIt() async throws {
        let booking = try await booking()
        _ = try await f.service.bookings.takePayment(booking: booking.id, amount: 1200, method: .cash, by: f.staff)
        let lapsed = try await f.service.bookings.lapseDue(now: booking.paymentDeadline.adding(seconds: 1))
        #expect(lapsed == [booking.id])
        let account = try await f.service.bookings.account(booking: booking.id, for: f.staff)
        #expect(account.state == .lapsed)
        #expect(account.refunds.map(\.amount) == [1200])
        #expect(account.refunds.first?.reason == .lapse)
        #expect(account.ledger.outstanding == 0)
    }

    @Test func theLedgerIsAppendOnlyAndRefusesAnOverpaymentEvenBelowTheService() async throws {
        let booking = try await booking()
        _ = try await f.service.bookings.takePayment(booking: booking.id, amount: 3000, method: .cash, by: f.staff)
        let id = booking.id
        await #expect(throws: StoreError.self) {
            try await f.service.pool.write { db in
                try db.run("INSERT INTO payments (booking_id, number, amount, method, taken_by, recorded_by, at) VALUES (?, 9, 600, 'cash', 'x', 'x', 0)",
                           [.integer(id)])
            }
        }
        await #expect(throws: StoreError.self) {
            try await f.service.pool.write { db in try db.run("UPDATE payments SET amount = 1 WHERE booking_id = ?", [.integer(id)]) }
        }
        await #expect(throws: StoreError.self) {
            try await f.service.pool.write { db in try db.run("DELETE FROM payments WHERE booking_id = ?", [.integer(id)]) }
        }
    }

    @Test func aMemberReadsTheLedgerOfItsOwnBookingOnly() async throws {
        let registration = try await f.register(.general)
        let other = try await f.register(.general)
        let booking = try await f.book("2026-12-10", registration: registration)
        #expect(try await f.service.bookings.account(booking: booking.id, for: f.member(registration)).booking == booking.id)
        #expect(await f.refusal { _ = try await f.service.bookings.account(booking: booking.id, for: f.member(other)) } == "booking_not_found")
    }
}
