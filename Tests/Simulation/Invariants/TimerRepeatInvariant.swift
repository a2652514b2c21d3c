/// A timer that fires twice does its work once: the same round run again
/// at the same moment changes nothing.
final class TimerRepeatInvariant: Invariant {
    let name = "timers.twice_is_once"

    func check(_ c: StepCheck) throws -> [String] {
        c.evidence.repeats.flatMap { repeated in
            var problems = repeated.first.changedTables(to: repeated.second).map { "\(repeated.what) run again changed table \($0)" }
            if repeated.first.lastAuditID != repeated.second.lastAuditID {
                problems.append("\(repeated.what) run again wrote audit lines")
            }
            return problems
        }
    }
}
