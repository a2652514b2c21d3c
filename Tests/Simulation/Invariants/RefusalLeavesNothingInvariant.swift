/// A refused request leaves nothing but the record of its refusal under its
/// Idempotency-Key; a failed one (the commit failed beneath it) and a read
/// (a dry run, the day sheet, the day's takings, a search) leave nothing at
/// all: no row of any table changed, no audit line.
final class RefusalLeavesNothingInvariant: Invariant {
    let name = "refusals.leave_nothing"

    func check(_ c: StepCheck) throws -> [String] {
        let what: String
        let records: ClosedRange<Int64>
        switch c.outcome {
        case .refused(let refused):
            what = "refused \(refused.code)"
            records = 0...1
        case .failed(let why):
            what = "failed (\(why))"
            records = 0...0
        case .answered where c.evidence.readOnly:
            what = "a read (a dry run, a report)"
            records = 0...0
        default:
            return []
        }
        var problems = c.before.changedTables(to: c.after).map { "\(what), yet table \($0) changed" }
        if c.after.lastAuditID != c.before.lastAuditID { problems.append("\(what), yet audit lines were written") }
        if !records.contains(c.after.idempotencyRecords - c.before.idempotencyRecords) {
            problems.append("\(what), yet \(c.after.idempotencyRecords - c.before.idempotencyRecords) idempotency records were written")
        }
        return problems
    }
}
