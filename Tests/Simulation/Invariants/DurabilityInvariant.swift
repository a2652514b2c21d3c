/// Every acknowledged write is present after a death, and nothing else is:
/// the database a restarted process opens is, table by table (the audit
/// log and the idempotency records too), the one the dead process had
/// answered from.
final class DurabilityInvariant: Invariant {
    let name = "durability.acknowledged_writes_survive"

    func check(_ c: StepCheck) throws -> [String] {
        c.evidence.deaths.flatMap { death -> [String] in
            var problems = death.before.changedTables(to: death.after).map { "table \($0) differs after the restart" }
            if death.before.lastAuditID != death.after.lastAuditID || death.before.idempotencyRecords != death.after.idempotencyRecords {
                problems.append("audit lines \(death.before.lastAuditID) → \(death.after.lastAuditID), idempotency records "
                    + "\(death.before.idempotencyRecords) → \(death.after.idempotencyRecords) across the restart")
            }
            return problems
        }
    }
}
