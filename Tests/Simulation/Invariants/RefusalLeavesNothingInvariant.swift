import CenterDomain
import CenterService

/// A refused request leaves nothing but the record of its refusal under its
/// Idempotency-Key; a failed one (the commit failed beneath it) and a read
/// (a dry run, the day sheet, the day's takings, a search, a booking's
/// arrival snapshot whose writer waits) leave nothing at all: no row of any
/// table changed, no audit line. The one refusal that moves something is a
/// waiting-list acceptance a booking rule refuses: it passes the offer on,
/// as a decline, and that move is audited.
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
        case .answered where c.evidence.readOnly, .done where c.evidence.readOnly:
            what = "a read (a dry run, a report, a booking's arrival snapshot)"
            records = 0...0
        default:
            return []
        }
        // An acceptance a booking rule refuses passes its offer on, as a
        // decline, in a write of its own (docs/DOMAIN.md "Cancellation
        // waiting list"): the line moves, and its lines are audited.
        let passedOn = Self.passesItsOfferOn(c)
        var problems = c.before.changedTables(to: c.after).filter { !(passedOn && Self.waitingTables.contains($0)) }
            .map { "\(what), yet table \($0) changed" }
        if c.after.lastAuditID != c.before.lastAuditID, !passedOn { problems.append("\(what), yet audit lines were written") }
        if !records.contains(c.after.idempotencyRecords - c.before.idempotencyRecords) {
            problems.append("\(what), yet \(c.after.idempotencyRecords - c.before.idempotencyRecords) idempotency records were written")
        }
        return problems
    }

    static let waitingTables: Set<String> = ["waiting_entries", "waiting_chains"]

    /// Whether the step was an acceptance of a waiting-list offer refused by
    /// a booking rule (not by the offer's own codes).
    static func passesItsOfferOn(_ c: StepCheck) -> Bool {
        guard let accept = c.operation.request as? WaitingStepOperation, accept.step == .accept,
              let code = c.outcome.refusal?.code else { return false }
        return IdempotencyCode(rawValue: code) == nil && WaitingEntryLookupCode(rawValue: code) == nil
            && WaitingListRules.Code(rawValue: code) == nil && WaitingOfferCode(rawValue: code) == nil
    }
}
