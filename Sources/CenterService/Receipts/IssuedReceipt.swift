import CalendarValues
import CenterDomain
internal import Store

/// What a receipt is refused with beside the domain's rules: no such
/// payment or receipt, a payment that already has its receipt, a booking
/// with nothing left to give a receipt for.
public enum ReceiptCode: String, ErrorCode {
    case paymentNotFound = "payment_not_found"
    case receiptAlreadyIssued = "receipt_already_issued"
    case nothingToReceipt = "nothing_to_receipt"
    case receiptNotFound = "receipt_not_found"
}

/// A receipt (領収書) as stored and shown: the domain `Receipt` with its
/// printed lines, what it was issued for (the booking and its payment),
/// who issued it when, and its reissues (再発行), latest last. The receipt
/// reads as last issued: after a reissue it is marked 再発行 with that date.
public struct IssuedReceipt: Sendable, Hashable, Encodable {
    /// One reissue: the day, who, when.
    public struct Reissue: Sendable, Hashable, Encodable {
        public let reissuedOn: LocalDate
        public let reissuedBy: String
        public let at: Instant

        enum CodingKeys: String, CodingKey {
            case at
            case reissuedOn = "reissued_on", reissuedBy = "reissued_by"
        }
    }

    public let receipt: Receipt
    public let booking: Int64
    /// The payment's number within the booking.
    public let payment: Int
    public let issuedAt: Instant
    public let issuedBy: String
    public let reissues: [Reissue]

    enum CodingKeys: String, CodingKey {
        case number, sequence, title, payer, addressee, amount, method, purpose, issuer, lines, booking, payment, reissues
        case fiscalYear = "fiscal_year", fiscalYearLabel = "fiscal_year_label", issuedOn = "issued_on",
             issuedOnJa = "issued_on_ja", reissuedOn = "reissued_on", reissue, methodJa = "method_ja",
             taxPercent = "tax_percent", taxIncluded = "tax_included", stampDuty = "stamp_duty",
             registrationNumber = "registration_number", issuedAt = "issued_at", issuedBy = "issued_by"
    }

    /// The receipt's facts, and `lines`: every line as printed, top to bottom.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(receipt.number.description, forKey: .number)
        try c.encode(receipt.number.fiscalYear.startYear, forKey: .fiscalYear)
        try c.encode(receipt.number.fiscalYear.japaneseLabel, forKey: .fiscalYearLabel)
        try c.encode(receipt.number.sequence, forKey: .sequence)
        try c.encode(receipt.title, forKey: .title)
        try c.encode(receipt.isReissue, forKey: .reissue)
        try c.encode(receipt.issuedOn, forKey: .issuedOn)
        try c.encode(receipt.issuedOn.japaneseReceiptLabel, forKey: .issuedOnJa)
        try c.encodeIfPresent(receipt.reissuedOn, forKey: .reissuedOn)
        try c.encode(receipt.payer, forKey: .payer)
        try c.encode(receipt.addressee, forKey: .addressee)
        try c.encode(receipt.amount, forKey: .amount)
        try c.encode(receipt.tax.ratePercent, forKey: .taxPercent)
        try c.encode(receipt.taxIncluded, forKey: .taxIncluded)
        try c.encode(receipt.stampDuty, forKey: .stampDuty)
        try c.encode(receipt.method, forKey: .method)
        try c.encode(receipt.method.nameJa, forKey: .methodJa)
        try c.encode(receipt.purpose.text, forKey: .purpose)
        try c.encode(receipt.issuer, forKey: .issuer)
        try c.encodeIfPresent(receipt.registrationNumber?.description, forKey: .registrationNumber)
        try c.encode(receipt.lines, forKey: .lines)
        try c.encode(booking, forKey: .booking)
        try c.encode(payment, forKey: .payment)
        try c.encode(issuedAt, forKey: .issuedAt)
        try c.encode(issuedBy, forKey: .issuedBy)
        try c.encode(reissues, forKey: .reissues)
    }

    static let columns = """
        r.fiscal_year, r.sequence, r.booking_id, p.number AS payment_number, r.issued_on, r.payer, r.facility_ja, r.dates,
        r.divisions_ja, r.part_payment, r.amount, r.method, r.issuer, r.registration_number, r.tax_percent,
        r.stamp_duty_exempt, r.issued_at, r.issued_by
        """

    /// Receipt `number`, or `receipt_not_found` (404).
    static func load(_ db: Database, number: ReceiptNumber) throws -> IssuedReceipt {
        guard let row = try db.queryOne("""
            SELECT \(columns) FROM receipts r JOIN payments p ON p.id = r.payment_id WHERE r.fiscal_year = ? AND r.sequence = ?
            """, [.integer(Int64(number.fiscalYear.startYear)), .integer(Int64(number.sequence))]) else {
            throw Refusal(ReceiptCode.receiptNotFound, "No receipt has number \(number).", details: ["receipt": number.description])
        }
        let reissues = try db.query("""
            SELECT reissued_on, reissued_by, at FROM receipt_reissues WHERE fiscal_year = ? AND sequence = ? ORDER BY id
            """, [.integer(Int64(number.fiscalYear.startYear)), .integer(Int64(number.sequence))]).map { row in
            Reissue(reissuedOn: try row.get("reissued_on"), reissuedBy: try row.get("reissued_by"), at: try row.get("at"))
        }
        let dates = (try row.get("dates") as String).split(separator: ",").compactMap { LocalDate(String($0)) }
        let divisions = (try row.get("divisions_ja") as String).split(separator: ",").map(String.init)
        let purpose = ReceiptPurpose(facility: try row.get("facility_ja"), dates: dates, divisions: divisions,
                                     isPartPayment: try row.get("part_payment"))
        let registrationNumber: String? = try row.get("registration_number")
        var receipt = try Receipt(number: number, issuedOn: try row.get("issued_on"), payer: try row.get("payer"), purpose: purpose,
                                  amount: try row.get("amount"), method: try row.get("method"), issuer: try row.get("issuer"),
                                  registrationNumber: try registrationNumber.map { try InvoiceRegistrationNumber($0) },
                                  tax: ConsumptionTax(ratePercent: try row.get("tax_percent")),
                                  stampDutyExempt: try row.get("stamp_duty_exempt"))
        if let latest = reissues.last { receipt = receipt.reissued(on: latest.reissuedOn) }
        return IssuedReceipt(receipt: receipt, booking: try row.get("booking_id"), payment: try row.get("payment_number"),
                             issuedAt: try row.get("issued_at"), issuedBy: try row.get("issued_by"), reissues: reissues)
    }

    /// The last number issued (the highest), nil before the first receipt.
    static func lastNumber(_ db: Database) throws -> ReceiptNumber? {
        guard let row = try db.queryOne("SELECT fiscal_year, sequence FROM receipts ORDER BY fiscal_year DESC, sequence DESC LIMIT 1")
        else { return nil }
        return ReceiptNumber(fiscalYear: FiscalYear(try row.get("fiscal_year")), sequence: try row.get("sequence"))
    }
}
