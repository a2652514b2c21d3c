import CalendarValues
import Testing
@testable import CenterDomain

/// A receipt's content as printed: number, date with its Reiwa label, 宛名,
/// amount with tax, 但し書き, issuer; a reissue keeps its number.
@Suite struct ReceiptTests {
    typealias F = RulesFixtures
    static let number = ReceiptNumber(fiscalYear: FiscalYear(2026), sequence: 123)!
    static let purpose = ReceiptPurpose(facility: "大会議室", dates: [RulesFixtures.day("2026-07-01")], divisions: ["午前", "午後"])

    static func receipt(payer: String = "中野商事株式会社", amount: Int = 2000, method: PaymentMethod = .cash,
                        registration: InvoiceRegistrationNumber? = nil, stampDutyExempt: Bool = false) throws -> Receipt {
        try Receipt(number: number, issuedOn: F.day("2026-07-01"), payer: payer, purpose: purpose, amount: amount,
                    method: method, issuer: "指定管理者 中野センター運営共同事業体", registrationNumber: registration,
                    stampDutyExempt: stampDutyExempt)
    }

    @Test func theReceiptPrintsEveryItemInOrder() throws {
        #expect(try Self.receipt().lines == [
            "領収書",
            "No. 2026-000123（令和8年度）",
            "発行日 令和8年7月1日(水)",
            "中野商事株式会社 様",
            "金額 ¥2,000-（税込）",
            "（内消費税等 10% ¥181）",
            "但し 大会議室 令和8年7月1日(水) 午前・午後 使用料として",
            "上記の金額を現金にて正に領収いたしました。",
            "中野区産業振興センター",
            "指定管理者 中野センター運営共同事業体",
        ])
    }

    @Test func theIncludedTaxIsRoundedDownOncePerReceipt() {
        #expect(ConsumptionTax.standard.included(in: 2000) == 181)
        #expect(ConsumptionTax.standard.included(in: 1100) == 100)
        #expect(ConsumptionTax.standard.included(in: 10) == 0)
    }

    @Test func largeAmountsAreGroupedByThousands() throws {
        #expect(try Self.receipt(amount: 1_234_560).amountLine == "金額 ¥1,234,560-（税込）")
    }

    @Test func belowFiftyThousandYenWithoutTaxNoStampIsDue() throws {
        #expect(try Self.receipt(amount: 54_000).stampDuty == 0)
        #expect(try Self.receipt(amount: 54_000).stampLine == nil)
    }

    @Test func fromFiftyThousandYenWithoutTaxAStampIsDueAndPrinted() throws {
        let receipt = try Self.receipt(amount: 55_000)
        #expect(receipt.stampDuty == 200)
        #expect(receipt.lines.contains("収入印紙 ¥200"))
    }

    @Test func theStampDutyRisesByBands() {
        #expect(RevenueStamp.duty(onAmountWithoutTax: 49_999) == 0)
        #expect(RevenueStamp.duty(onAmountWithoutTax: 50_000) == 200)
        #expect(RevenueStamp.duty(onAmountWithoutTax: 1_000_000) == 200)
        #expect(RevenueStamp.duty(onAmountWithoutTax: 1_000_001) == 400)
        #expect(RevenueStamp.duty(onAmountWithoutTax: 2_000_000_000) == 200_000)
    }

    @Test func aReceiptOfTheWardItselfNeedsNoStamp() throws {
        #expect(try Self.receipt(amount: 100_000, stampDutyExempt: true).stampDuty == 0)
    }

    @Test func anHonorificTypedWithTheNameIsNotDoubled() throws {
        #expect(try Self.receipt(payer: "山田 花子 様").addressee == "山田 花子 様")
        #expect(try Self.receipt(payer: "中野商店会御中").addressee == "中野商店会 様")
    }

    @Test func theAcknowledgementNamesHowItWasPaid() throws {
        #expect(try Self.receipt(method: .bankTransfer).acknowledgementLine == "上記の金額を銀行振込にて正に領収いたしました。")
    }

    @Test func aRegisteredIssuerPrintsItsRegistrationNumber() throws {
        let number = try InvoiceRegistrationNumber("Ｔ７０００－０１２０－５０００－２")
        #expect(try Self.receipt(registration: number).lines.last == "登録番号 T7000012050002")
    }

    @Test(arguments: ["7000012050002", "T700001205000", "T70000120500a"])
    func aRegistrationNumberIsTAndThirteenDigits(_ text: String) {
        #expect(F.refusal { _ = try InvoiceRegistrationNumber(text) }?.code == "invoice_registration_number_invalid")
    }

    @Test func aReissueKeepsItsNumberAndIsMarked() throws {
        let reissue = try Self.receipt().reissued(on: F.day("2026-07-10"))
        #expect(reissue.number == Self.number)
        #expect(reissue.issuedOn == F.day("2026-07-01"))
        #expect(reissue.lines.prefix(4) == ["領収書（再発行）", "No. 2026-000123（令和8年度）", "発行日 令和8年7月1日(水)",
                                            "再発行日 令和8年7月10日(金)"])
    }

    @Test func aReceiptForNothingIsRefused() {
        #expect(F.refusal { _ = try Self.receipt(amount: 0) }?.code == "receipt_amount_invalid")
    }

    @Test(arguments: ["", "　", "様"])
    func aReceiptNeedsAPayer(_ payer: String) {
        let error = F.refusal { _ = try Self.receipt(payer: payer) }
        #expect(error?.code == "receipt_payer_invalid")
        #expect(error?.details["field"] == "payer")
    }

    @Test func consecutiveDatesAreOneSpanWithTheYearWrittenOnce() {
        let dates = ["2026-07-01", "2026-07-02", "2026-07-03"].map(F.day)
        #expect(ReceiptPurpose.datesText(dates) == "令和8年7月1日(水)〜7月3日(金)")
    }

    @Test func separateDatesAreListedInOrder() {
        let dates = ["2026-07-03", "2026-07-01"].map(F.day)
        #expect(ReceiptPurpose.datesText(dates) == "令和8年7月1日(水)、7月3日(金)")
    }

    @Test func aDateInAnotherYearIsWrittenInFull() {
        let dates = ["2026-12-28", "2027-01-05"].map(F.day)
        #expect(ReceiptPurpose.datesText(dates) == "令和8年12月28日(月)、令和9年1月5日(火)")
    }

    @Test func aPartPaymentSaysSoInThePurpose() {
        let purpose = ReceiptPurpose(facility: "和室", dates: [F.day("2026-07-01")], divisions: ["夜間"], isPartPayment: true)
        #expect(purpose.text == "和室 令和8年7月1日(水) 夜間 使用料の一部として")
    }
}
