import CalendarValues
import CenterDomain

/// The day's takings (日計表) as the service reports them add up to the
/// ledger: for the day read, the payments taken and the refunds paid out
/// (counts and yen), by method, by staff member and in total, are those of
/// the `payments` and `refund_payouts` rows dated that day in Japan, the
/// report lists each of them once, and the receipt a line names is its
/// payment's.
final class TakingsInvariant: Invariant {
    let name = "money.daily_takings_add_up"

    func check(_ c: StepCheck) throws -> [String] {
        guard case .takings(let report)? = c.value else { return [] }
        let date = report.takings.date
        let from = Instant(japanDate: date).secondsSinceEpoch, to = Instant(japanDate: date.adding(days: 1)).secondsSinceEpoch
        let payments = try c.db.rows("""
            SELECT p.method, p.taken_by, p.amount, r.fiscal_year, r.sequence FROM payments p
            LEFT JOIN receipts r ON r.payment_id = p.id WHERE p.at >= ? AND p.at < ?
            """, [.int(from), .int(to)])
        let payouts = try c.db.rows("SELECT method, paid_by, amount FROM refund_payouts WHERE at >= ? AND at < ?",
                                    [.int(from), .int(to)])
        func line(_ label: String, _ takes: (DatabaseReader.Cell, DatabaseReader.Cell) -> Bool) -> (Int, Int, Int, Int) {
            let taken = payments.filter { takes($0[0], $0[1]) }, paid = payouts.filter { takes($0[0], $0[1]) }
            return (taken.count, taken.reduce(0) { $0 + Int($1[2].int ?? 0) }, paid.count, paid.reduce(0) { $0 + Int($1[2].int ?? 0) })
        }
        func figures(_ l: DailyTakings.Line) -> (Int, Int, Int, Int) { (l.paymentCount, l.received, l.refundCount, l.refunded) }
        var problems: [String] = []
        let total = line("合計") { _, _ in true }
        if figures(report.takings.total) != total || report.takings.total.net != total.1 - total.3 {
            problems.append("the takings of \(date) total \(figures(report.takings.total)); the ledger has \(total) "
                + "(payments, yen, payouts, yen)")
        }
        for (method, reported) in zip(PaymentMethod.allCases, report.takings.byMethod) {
            let expected = line(method.rawValue) { m, _ in m.text == method.rawValue }
            if figures(reported) != expected {
                problems.append("the takings of \(date) by \(method.rawValue): \(figures(reported)); the ledger has \(expected)")
            }
        }
        let staff = Set(payments.compactMap { $0[1].text } + payouts.compactMap { $0[1].text })
        if Set(report.takings.byStaff.map(\.label)) != staff {
            problems.append("the takings of \(date) name staff \(report.takings.byStaff.map(\.label).sorted()); the ledger \(staff.sorted())")
        }
        for reported in report.takings.byStaff {
            let expected = line(reported.label) { _, s in s.text == reported.label }
            if figures(reported) != expected {
                problems.append("the takings of \(date) by \(reported.label): \(figures(reported)); the ledger has \(expected)")
            }
        }
        if report.lines.count != payments.count + payouts.count {
            problems.append("the takings of \(date) list \(report.lines.count) movements; the ledger has \(payments.count + payouts.count)")
        }
        let receipts = Set(payments.compactMap { row -> String? in
            guard let year = row[3].int, let sequence = row[4].int else { return nil }
            return ReceiptNumber(fiscalYear: FiscalYear(Int(year)), sequence: Int(sequence))?.description
        })
        let named = report.lines.compactMap(\.receipt)
        if Set(named) != receipts || named.count != receipts.count {
            problems.append("the takings of \(date) name receipts \(named.sorted()); the ledger \(receipts.sorted())")
        }
        return problems
    }
}
