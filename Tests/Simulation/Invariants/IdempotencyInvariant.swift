/// The same request with the same Idempotency-Key gets the same answer: a
/// retry (or the client's resend after a death that ate the answer) of a
/// request that was answered is answered again with the same JSON, or the
/// same refusal (code, message, details); and a key the service recorded,
/// sent with another request, is refused `idempotency_key_reused`. A retry
/// that meets a failing database is no answer and claims nothing.
final class IdempotencyInvariant: Invariant {
    let name = "idempotency.same_answer"

    func check(_ c: StepCheck) throws -> [String] {
        var problems: [String] = []
        for replay in c.evidence.replays where replay.first.isAnswer && replay.again.isAnswer {
            if replay.first.comparable != replay.again.comparable {
                problems.append("the key of #\(replay.step) was answered \(replay.first.comparable ?? "") first, "
                    + "then \(replay.again.comparable ?? "")")
            } else if let again = replay.again.answer, !again.replayed {
                problems.append("the key of #\(replay.step) ran its request again instead of replaying the first answer")
            }
        }
        for (step, outcome) in c.evidence.reusedKeys where outcome.isAnswer {
            let recorded = try c.db.int("SELECT count(*) FROM idempotency_keys WHERE key = ?", [.text(StepContext.key(step: step))])
            if recorded > 0, outcome.refusal?.code != "idempotency_key_reused" {
                problems.append("the key of #\(step), sent with another request, was \(outcome) instead of refused idempotency_key_reused")
            }
        }
        return problems
    }
}
