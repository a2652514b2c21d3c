/// Receipts (領収書) are numbered without gaps per fiscal year: each year's
/// numbers run 1, 2, … with none missing, and in the order they were
/// issued, across years too (a number never goes back); each receipt is
/// for one payment, for its amount and method, of its booking, dated in
/// its fiscal year, issued no earlier than the payment; a reissue keeps a
/// receipt that exists and comes after it.
final class ReceiptsInvariant: Invariant {
    let name = "receipts.numbered_without_gaps"
    let reads: Set<String>? = ["receipts", "receipt_reissues", "payments"]

    func check(_ c: StepCheck) throws -> [String] {
        var problems = try c.db.lines("""
            SELECT fiscal_year, count(*), min(sequence), max(sequence) FROM receipts GROUP BY fiscal_year
            HAVING min(sequence) <> 1 OR max(sequence) <> count(*)
            """, [], "a fiscal year's receipt numbers have a gap (year, receipts, first, last)")
        problems += try c.db.lines("""
            SELECT a.fiscal_year, a.sequence, b.fiscal_year, b.sequence FROM receipts a JOIN receipts b
                ON (b.fiscal_year, b.sequence) > (a.fiscal_year, a.sequence) AND b.issued_at < a.issued_at
            """, [], "a receipt numbered after another was issued before it (year, number, year, number)")
        problems += try c.db.lines("""
            SELECT r.fiscal_year, r.sequence, r.booking_id, r.amount, r.method, p.booking_id, p.amount, p.method
            FROM receipts r LEFT JOIN payments p ON p.id = r.payment_id
            WHERE p.id IS NULL OR p.booking_id <> r.booking_id OR p.amount <> r.amount OR p.method <> r.method OR r.issued_at < p.at
            """, [], "a receipt is not its payment's (year, number, booking, amount, method, payment's booking, amount, method)")
        problems += try c.db.lines("""
            SELECT fiscal_year, sequence, issued_on FROM receipts
            WHERE fiscal_year <> CAST(substr(issued_on, 1, 4) AS INTEGER) - (substr(issued_on, 6, 2) < '04')
            """, [], "a receipt numbered in another fiscal year than its date's (year, number, issued on)")
        problems += try c.db.lines("""
            SELECT x.fiscal_year, x.sequence, x.reissued_on, r.issued_on FROM receipt_reissues x
            LEFT JOIN receipts r ON r.fiscal_year = x.fiscal_year AND r.sequence = x.sequence
            WHERE r.sequence IS NULL OR x.reissued_on < r.issued_on OR x.at < r.issued_at
            """, [], "a reissue of no receipt, or before it (year, number, reissued on, issued on)")
        return problems
    }
}
