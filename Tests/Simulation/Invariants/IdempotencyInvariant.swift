/// The same request with the same Idempotency-Key gets the same answer: a
/// retry (or the client's resend after a death that ate the answer) of a
/// request whose answer was recorded is answered again with the same JSON,
/// or the same refusal (code, message, details); and a key the service
/// recorded, sent with another request, is refused `idempotency_key_reused`.
/// A booking refused on its arrival snapshot records nothing under its key,
/// so its retry is a new request, decided afresh (docs/API.md
/// "Idempotency"): if it is booked then, it is booked anew and recorded.
/// Only a refusal may go unrecorded, and only a booking's may be another on
/// its retry: any other request leaves unrecorded only its own refusal,
/// decided before the write on the request alone. A key that another
/// request took after such a refusal refuses the first request's retry
/// `idempotency_key_reused`. A retry that meets a
/// failing database is no answer and claims nothing.
final class IdempotencyInvariant: Invariant {
    let name = "idempotency.same_answer"

    func check(_ c: StepCheck) throws -> [String] {
        var problems: [String] = []
        for replay in c.evidence.replays where replay.first.isAnswer && replay.again.isAnswer {
            if replay.heldByAnother {
                if replay.again.refusal?.code != "idempotency_key_reused" {
                    problems.append("the key of #\(replay.step), held by another request since its first was refused unrecorded, "
                        + "answered its retry \(replay.again.comparable ?? "") instead of refusing idempotency_key_reused")
                }
                continue
            }
            guard replay.recorded else {
                if replay.first.refusal == nil {
                    problems.append("the key of #\(replay.step) was answered \(replay.first.comparable ?? "") and not recorded")
                } else if !replay.decidedOnArrival, replay.first.comparable != replay.again.comparable {
                    problems.append("the key of #\(replay.step) was refused \(replay.first.comparable ?? "") without a record, "
                        + "then answered \(replay.again.comparable ?? ""): only a booking's arrival snapshot leaves a rule's refusal unrecorded")
                } else if let again = replay.again.answer, again.replayed || !replay.recordedAfter {
                    problems.append("the key of #\(replay.step), refused without a record, was answered "
                        + (again.replayed ? "with a replay" : "and the answer was not recorded"))
                }
                continue
            }
            if replay.first.comparable != replay.again.comparable {
                problems.append("the key of #\(replay.step) was answered \(replay.first.comparable ?? "") first, "
                    + "then \(replay.again.comparable ?? "")")
            } else if let again = replay.again.answer, !again.replayed {
                problems.append("the key of #\(replay.step) ran its request again instead of replaying the first answer")
            }
        }
        for reused in c.evidence.reusedKeys where reused.outcome.isAnswer && reused.recorded {
            if reused.outcome.refusal?.code != "idempotency_key_reused" {
                problems.append("the key of #\(reused.step), sent with another request, was \(reused.outcome) "
                    + "instead of refused idempotency_key_reused")
            }
        }
        return problems
    }
}
