import CalendarValues
import Testing
@testable import CenterDomain

/// A booking is paid only when its payments cover its fee; overpayments and
/// refunds beyond what was paid are refused.
@Suite struct PaymentLedgerTests {
    typealias F = RulesFixtures
    static let morning = Instant(japanDate: RulesFixtures.day("2026-07-01"), minuteOfDay: 9 * 60)

    static func payment(_ amount: Int, _ method: PaymentMethod = .cash, by staff: String = "suzuki") -> Payment {
        Payment(amount: amount, method: method, takenBy: staff, at: morning)
    }

    static func payout(_ amount: Int, _ method: PaymentMethod = .cash) -> RefundPayout {
        RefundPayout(amount: amount, method: method, paidBy: "suzuki", at: morning)
    }

    static func refund(_ amount: Int) -> RefundDue { RefundDue(amount: amount, percent: 100, decidedAt: morning) }

    @Test func aBookingWithNothingPaidIsUnpaid() {
        let ledger = PaymentLedger(fee: 2000)
        #expect(ledger.status == .unpaid)
        #expect(ledger.outstanding == 2000)
        #expect(!ledger.isCovered)
    }

    @Test func aPartPaymentIsShownWithWhatIsOutstanding() throws {
        var ledger = PaymentLedger(fee: 2000)
        try ledger.record(Self.payment(500))
        #expect(ledger.status == .partial)
        #expect(ledger.paid == 500)
        #expect(ledger.outstanding == 1500)
        #expect(!ledger.isCovered)
    }

    @Test func theBookingIsPaidOnlyWhenPaymentsCoverTheFee() throws {
        var ledger = PaymentLedger(fee: 2000)
        try ledger.record(Self.payment(500))
        try ledger.record(Self.payment(1500, .card))
        #expect(ledger.isCovered)
        #expect(ledger.status == .paid)
        #expect(ledger.outstanding == 0)
    }

    @Test func aFreeBookingIsCoveredWithoutAPayment() {
        #expect(PaymentLedger(fee: 0).status == .paid)
    }

    @Test func anOverpaymentIsRefusedWithTheOutstandingAmount() throws {
        var ledger = PaymentLedger(fee: 2000)
        try ledger.record(Self.payment(500))
        let error = F.refusal { try ledger.record(Self.payment(2000)) }
        #expect(error?.code == "overpayment")
        #expect(error?.details["outstanding"] == "1500")
        #expect(ledger.payments.count == 1)
    }

    @Test func aPaymentOnAPaidBookingIsAnOverpayment() throws {
        var ledger = PaymentLedger(fee: 2000)
        try ledger.record(Self.payment(2000))
        let error = F.refusal { try ledger.record(Self.payment(10)) }
        #expect(error?.code == "overpayment")
        #expect(error?.details["outstanding"] == "0")
    }

    @Test(arguments: [0, -100])
    func aPaymentOfNothingIsRefused(_ amount: Int) {
        var ledger = PaymentLedger(fee: 2000)
        #expect(F.refusal { try ledger.record(Self.payment(amount)) }?.code == "payment_amount_invalid")
    }

    @Test func aRefundDecidedIsOwedUntilPaidOut() throws {
        var ledger = PaymentLedger(fee: 2000)
        try ledger.record(Self.payment(2000))
        try ledger.decide(Self.refund(1000))
        #expect(ledger.refundOwed == 1000)
        try ledger.payOut(Self.payout(1000))
        #expect(ledger.refundOwed == 0)
        #expect(ledger.paidOut == 1000)
    }

    @Test func refundsBeyondThePaymentsAreRefused() throws {
        var ledger = PaymentLedger(fee: 2000)
        try ledger.record(Self.payment(1500))
        try ledger.decide(Self.refund(1000))
        let error = F.refusal { try ledger.decide(Self.refund(600)) }
        #expect(error?.code == "refund_exceeds_payments")
        #expect(error?.details["refundable"] == "500")
    }

    @Test func aRefundOfNothingIsRefused() {
        var ledger = PaymentLedger(fee: 2000)
        #expect(F.refusal { try ledger.decide(Self.refund(0)) }?.code == "refund_amount_invalid")
    }

    @Test func aPayoutBeyondTheRefundOwedIsRefused() throws {
        var ledger = PaymentLedger(fee: 2000)
        try ledger.record(Self.payment(2000))
        try ledger.decide(Self.refund(1000))
        let error = F.refusal { try ledger.payOut(Self.payout(1200)) }
        #expect(error?.code == "refund_payout_exceeds_due")
        #expect(error?.details["owed"] == "1000")
    }

    @Test func aRefundIsNotPaidOutByInvoice() throws {
        var ledger = PaymentLedger(fee: 2000)
        try ledger.record(Self.payment(2000))
        try ledger.decide(Self.refund(1000))
        #expect(F.refusal { try ledger.payOut(Self.payout(1000, .invoice)) }?.code == "refund_method_invalid")
    }

    @Test func aCancelledBookingKeepsWhatTheRefundLeavesAndOwesNothing() throws {
        var ledger = PaymentLedger(fee: 2000)
        try ledger.record(Self.payment(2000))
        try ledger.cancel(refunding: Self.refund(1000))
        #expect(ledger.fee == 1000)
        #expect(ledger.retained == 1000)
        #expect(ledger.outstanding == 0)
    }

    @Test func anUnpaidCancelledBookingOwesNothing() throws {
        var ledger = PaymentLedger(fee: 2000)
        try ledger.cancel(refunding: nil)
        #expect(ledger.fee == 0)
        #expect(ledger.status == .paid)
    }

    @Test func aRefundFromTheScheduleIsALedgerLine() throws {
        var ledger = PaymentLedger(fee: 2000)
        try ledger.record(Self.payment(2000))
        let computed = RefundSchedule().refund(paid: ledger.paid, cancelledOn: F.day("2026-07-05"), useDate: F.day("2026-07-10"), by: .user)
        try ledger.cancel(refunding: RefundDue(computed, decidedAt: Self.morning))
        #expect(ledger.refunds.map(\.amount) == [1000])
        #expect(ledger.refunds.map(\.percent) == [50])
    }
}
