import CalendarValues

/// A receipt (領収書) for one payment, as it is printed.
///
/// - 番号: `ReceiptNumber`, sequential per fiscal year;
/// - 発行日 with the Reiwa label and weekday, `令和8年7月1日(水)`;
/// - 宛名: the payer's name and `様` (a 様 or 御中 typed with the name is not doubled);
/// - 金額: `¥2,000-` (the closing hyphen, as on handwritten receipts, so that
///   no digit can be added), 税込, with the tax included (`ConsumptionTax`);
/// - 但し書き: `ReceiptPurpose`;
/// - 発行者: the center and the designated manager in charge on the first
///   day of use (the service looks it up in the schedules), with its
///   qualified-invoice registration number when it has one;
/// - a reissue (再発行) keeps the original number and issue date and is
///   marked 再発行 with its own date; the original stays valid, so the
///   sequence has no gap and no number is used twice.
///
/// Our decision, after the receipts of ward facilities and the items a
/// qualified simplified invoice needs (消費税法 第57条の4 第2項). From
/// ¥50,000 without tax the receipt shows the stamp duty to affix
/// (`RevenueStamp`), unless the ward itself issues it (`stampDutyExempt`).
public struct Receipt: Hashable, Sendable {
    public let number: ReceiptNumber
    public let issuedOn: LocalDate
    /// The date of the reissue; nil on the original.
    public private(set) var reissuedOn: LocalDate?
    /// The payer's name as 宛名, without 様.
    public let payer: String
    /// The 但し書き.
    public let purpose: ReceiptPurpose
    /// Yen, tax included.
    public let amount: Int
    public let method: PaymentMethod
    /// The designated manager's line, e.g. `指定管理者 ハートフルサポート共同事業体`.
    public let issuer: String
    public let registrationNumber: InvoiceRegistrationNumber?
    public let tax: ConsumptionTax
    /// Whether the issuer is exempt from stamp duty (the ward itself, 印紙税法 第5条).
    public let stampDutyExempt: Bool

    /// The center's name as the receipt prints it.
    public static let centerName = "中野区産業振興センター"

    /// Makes a receipt for `amount` paid by `method`; `.invalid`
    /// `receipt_amount_invalid` when the amount is not more than ¥0,
    /// `receipt_payer_invalid` (details: `field` payer) when the name breaks
    /// `TextRule.name`, and `receipt_issuer_invalid` (details: `field`
    /// issuer) when the issuer's line does.
    public init(number: ReceiptNumber, issuedOn: LocalDate, payer: String, purpose: ReceiptPurpose, amount: Int,
                method: PaymentMethod, issuer: String, registrationNumber: InvoiceRegistrationNumber? = nil,
                tax: ConsumptionTax = .standard, stampDutyExempt: Bool = false) throws(Refusal<Receipt.Code>) {
        guard amount > 0 else {
            throw Refusal(.amountInvalid, "A receipt is for more than ¥0; got \(Yen.label(amount)).",
                          details: ["field": "amount", "amount": String(amount)])
        }
        let name = Self.withoutHonorific(try TextRule.name.check(payer, field: "payer", code: Receipt.Code.payerInvalid))
        guard !name.isEmpty else {
            throw Refusal(.payerInvalid, "`payer` must name the payer, not only an honorific.",
                          details: ["field": "payer"])
        }
        self.number = number
        self.issuedOn = issuedOn
        self.reissuedOn = nil
        self.payer = name
        self.purpose = purpose
        self.amount = amount
        self.method = method
        self.issuer = try TextRule.name.check(issuer, field: "issuer", code: Receipt.Code.issuerInvalid)
        self.registrationNumber = registrationNumber
        self.tax = tax
        self.stampDutyExempt = stampDutyExempt
    }

    /// The same receipt reissued on `date`: same number, marked 再発行.
    public func reissued(on date: LocalDate) -> Receipt {
        var reissue = self
        reissue.reissuedOn = date
        return reissue
    }

    public var isReissue: Bool { reissuedOn != nil }

    /// The tax the amount includes.
    public var taxIncluded: Int { tax.included(in: amount) }

    /// `領収書`, or `領収書（再発行）`.
    public var title: String { isReissue ? "領収書（再発行）" : "領収書" }

    /// `No. 2026-000123（令和8年度）`.
    public var numberLine: String { "No. \(number)（\(number.fiscalYear.japaneseLabel)）" }

    /// `発行日 令和8年7月1日(水)`.
    public var issuedLine: String { "発行日 " + issuedOn.japaneseReceiptLabel }

    /// `再発行日 令和8年7月10日(金)` on a reissue.
    public var reissuedLine: String? { reissuedOn.map { "再発行日 " + $0.japaneseReceiptLabel } }

    /// `中野商事株式会社 様`.
    public var addressee: String { payer + " 様" }

    /// `¥2,000-（税込）`.
    public var amountLine: String { "金額 " + Yen.label(amount) + "-（税込）" }

    /// Yen of revenue stamp to affix (収入印紙): 0 below ¥50,000 without tax or when exempt.
    public var stampDuty: Int {
        stampDutyExempt ? 0 : RevenueStamp.duty(onAmountWithoutTax: amount - taxIncluded)
    }

    /// `収入印紙 ¥200` when a stamp is due.
    public var stampLine: String? { stampDuty > 0 ? "収入印紙 " + Yen.label(stampDuty) : nil }

    /// `（内消費税等 10% ¥181）`; nil when the rate is 0.
    public var taxLine: String? {
        tax.ratePercent > 0 ? "（内消費税等 \(tax.ratePercent)% \(Yen.label(taxIncluded))）" : nil
    }

    /// `但し 大会議室 令和8年7月1日(水) 午前・午後 使用料として`.
    public var purposeLine: String { "但し " + purpose.text }

    /// `上記の金額を現金にて正に領収いたしました。`
    public var acknowledgementLine: String {
        let how = switch method {
        case .cash: "現金"
        case .card: "カード"
        case .bankTransfer: "銀行振込"
        case .invoice: "請求書に基づくお振込"
        }
        return "上記の金額を\(how)にて正に領収いたしました。"
    }

    /// Every line as printed, top to bottom.
    public var lines: [String] {
        [title, numberLine, issuedLine] + (reissuedLine.map { [$0] } ?? []) +
            [addressee, amountLine] + (taxLine.map { [$0] } ?? []) + (stampLine.map { [$0] } ?? []) +
            [purposeLine, acknowledgementLine, Self.centerName, issuer] +
            (registrationNumber.map { ["登録番号 \($0)"] } ?? [])
    }

    /// `name` without a closing 様 or 御中 and the spaces before it.
    static func withoutHonorific(_ name: String) -> String {
        var text = Substring(name)
        for honorific in ["様", "御中", "殿"] where text.hasSuffix(honorific) {
            text = text.dropLast(honorific.count)
            break
        }
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        while let first = text.first, first.isWhitespace { text = text.dropFirst() }
        return String(text)
    }
}

extension Receipt {
    /// The codes this rule refuses with.
    public enum Code: String, ErrorCode {
        case amountInvalid = "receipt_amount_invalid"
        case payerInvalid = "receipt_payer_invalid"
        case issuerInvalid = "receipt_issuer_invalid"
    }
}
