import CalendarValues
import CenterDomain
internal import Store

/// One movement of money on the day's takings: a payment taken or a refund paid out.
public struct TakingsLine: Sendable, Hashable, Encodable {
    /// `payment` or `refund_payout`.
    public let kind: String
    public let booking: Int64
    public let amount: Int
    public let method: PaymentMethod
    /// Who took or paid out the money.
    public let staff: String
    public let at: Instant
    /// The receipt given for a payment, if any.
    public let receipt: String?
}

/// The day's takings (日計表) as the report shows them: the domain's sums
/// (`DailyTakings`) and every movement they add up, in time order.
public struct DailyTakingsReport: Sendable, Hashable, Encodable {
    public let takings: DailyTakings
    public let lines: [TakingsLine]

    /// One line of the sums as JSON.
    struct Total: Encodable {
        let line: DailyTakings.Line
        let method: PaymentMethod?

        enum CodingKeys: String, CodingKey {
            case label, method, received, refunded, net
            case paymentCount = "payment_count", refundCount = "refund_count"
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(line.label, forKey: .label)
            try c.encodeIfPresent(method, forKey: .method)
            try c.encode(line.paymentCount, forKey: .paymentCount)
            try c.encode(line.received, forKey: .received)
            try c.encode(line.refundCount, forKey: .refundCount)
            try c.encode(line.refunded, forKey: .refunded)
            try c.encode(line.net, forKey: .net)
        }
    }

    enum CodingKeys: String, CodingKey {
        case date, total, lines
        case dateJa = "date_ja", byMethod = "by_method", byStaff = "by_staff"
    }

    /// The date, the sums by method (with the method's code) and by staff
    /// member, the total, and the movements.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(takings.date, forKey: .date)
        try c.encode(takings.date.japaneseReceiptLabel, forKey: .dateJa)
        try c.encode(zip(takings.byMethod, PaymentMethod.allCases).map { Total(line: $0, method: $1) }, forKey: .byMethod)
        try c.encode(takings.byStaff.map { Total(line: $0, method: nil) }, forKey: .byStaff)
        try c.encode(Total(line: takings.total, method: nil), forKey: .total)
        try c.encode(lines, forKey: .lines)
    }
}

extension Reports {
    /// The payments taken and refunds paid out on `date` in Japan, by
    /// method and by staff member, refunds subtracted (`DailyTakings`).
    public func dailyTakings(on date: LocalDate) async throws -> DailyTakingsReport {
        let from = Instant(japanDate: date), to = Instant(japanDate: date.adding(days: 1))
        let lines: [TakingsLine] = try await pool.read { db in
            let payments = try db.query("""
                SELECT p.booking_id, p.amount, p.method, p.taken_by, p.at, r.fiscal_year, r.sequence
                FROM payments p LEFT JOIN receipts r ON r.payment_id = p.id WHERE p.at >= ? AND p.at < ? ORDER BY p.at, p.id
                """, [from.sqlValue, to.sqlValue]).map { row in
                let year: Int? = try row.get("fiscal_year"), sequence: Int? = try row.get("sequence")
                let receipt = year.flatMap { year in sequence.flatMap { ReceiptNumber(fiscalYear: FiscalYear(year), sequence: $0) } }
                return TakingsLine(kind: "payment", booking: try row.get("booking_id"), amount: try row.get("amount"),
                                   method: try row.get("method"), staff: try row.get("taken_by"), at: try row.get("at"),
                                   receipt: receipt?.description)
            }
            let payouts = try db.query("""
                SELECT r.booking_id, o.amount, o.method, o.paid_by, o.at FROM refund_payouts o JOIN refunds r ON r.id = o.refund_id
                WHERE o.at >= ? AND o.at < ? ORDER BY o.at, o.id
                """, [from.sqlValue, to.sqlValue]).map { row in
                TakingsLine(kind: "refund_payout", booking: try row.get("booking_id"), amount: try row.get("amount"),
                            method: try row.get("method"), staff: try row.get("paid_by"), at: try row.get("at"), receipt: nil)
            }
            return (payments + payouts).sorted { ($0.at, $0.kind) < ($1.at, $1.kind) }
        }
        let takings = DailyTakings(
            date: date,
            payments: lines.filter { $0.kind == "payment" }.map { Payment(amount: $0.amount, method: $0.method, takenBy: $0.staff, at: $0.at) },
            payouts: lines.filter { $0.kind == "refund_payout" }.map { RefundPayout(amount: $0.amount, method: $0.method, paidBy: $0.staff, at: $0.at) })
        return DailyTakingsReport(takings: takings, lines: lines)
    }
}
