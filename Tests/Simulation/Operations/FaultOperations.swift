import CenterService

/// Faults in the same runs: the store's commit failing under an operation;
/// the process dying between two requests, or between a write and its
/// answer (the client then retries with its key); a client retrying an
/// earlier request with its Idempotency-Key, or reusing a key for another
/// request.
public struct FaultOperations: Sendable {
    public let name = "faults"

    public func weight(_ view: WorldView) -> Int { view.world.outcomes.isEmpty ? 0 : 10 }

    /// A fault, wrapped around an operation `inner` draws when it needs one.
    public func make(_ random: inout SimulationRandom, _ view: WorldView,
                     inner: (inout SimulationRandom) throws -> (any SimOperation)?) throws -> (any SimOperation)? {
        let answered = view.world.outcomes.filter { step, outcome in
            outcome.isAnswer && view.world.operations[step]?.isKeyed == true
        }.keys.sorted()
        switch random.weighted([4, 1, 2, 3, answered.isEmpty ? 0 : 1]) ?? 0 {
        case 0:
            return try inner(&random).map { FailCommitOperation(inner: $0) }
        case 1:
            return DieOperation()
        case 2:
            return try inner(&random).flatMap { $0.isKeyed ? LostAnswerOperation(inner: $0) : nil }
        case 3:
            // A retry of an earlier request, answered or not.
            let keyed = view.world.operations.filter { $0.value.isKeyed }.keys.sorted()
            return random.pick(keyed).map { RetryOperation(of: $0) }
        default:
            return random.pick(answered).map { ReuseKeyOperation(of: $0) }
        }
    }
}

/// The next commit fails (a full disk) while `inner` runs.
struct FailCommitOperation: SimOperation {
    let inner: any SimOperation

    var isKeyed: Bool { inner.isKeyed }
    var description: String { "\(inner.description) [commit fails]" }

    func run(_ context: StepContext) async -> Outcome {
        context.center.faults.failNextCommit()
        return await inner.run(context)
    }

    func learn(from outcome: Outcome, step: Int, world: World) { inner.learn(from: outcome, step: step, world: world) }
    var request: any SimOperation { inner.request }
}

/// The process dies between two requests and starts again on its files.
struct DieOperation: SimOperation {
    var isKeyed: Bool { false }
    var description: String { "the process dies and restarts" }

    func run(_ context: StepContext) async -> Outcome {
        do {
            try await Self.die(context)
            return .done("restarted (life \(context.center.deaths))")
        } catch {
            return .failed("restart: \(error)")
        }
    }

    /// Dies, with the database imaged in full before and after.
    static func die(_ context: StepContext) async throws {
        let before = try context.images(full: true)
        try await context.center.die()
        let after = try context.images(full: true)
        context.evidence.deaths.append(StepEvidence.Death(before: before, after: after))
    }
}

/// The process dies after `inner` wrote but before its client had the
/// answer; started again, the client sends the request again with its key.
struct LostAnswerOperation: SimOperation {
    let inner: any SimOperation

    var description: String { "\(inner.description) [dies before the answer, retried]" }

    func run(_ context: StepContext) async -> Outcome {
        let first = await inner.run(context)
        do {
            try await DieOperation.die(context)
        } catch {
            return .failed("restart: \(error)")
        }
        let recorded = context.keyRecorded(step: context.step)
        let heldByAnother = context.keyHeldByAnother(step: context.step, operation: inner)
        let again = await inner.run(context)
        let recordedAfter = context.keyRecorded(step: context.step)
        if first.isAnswer {
            context.evidence.replays.append(StepEvidence.Replay(
                step: context.step, first: first, again: again, recorded: recorded,
                recordedAfter: recordedAfter, decidedOnArrival: inner.request is BookOperation,
                heldByAnother: heldByAnother))
        }
        // What happened is the first attempt's (the replay's JSON is the same,
        // which the idempotency invariant checks), unless the first was not
        // recorded and the second was: the key's answer is the first recorded.
        let bindsKey = !recorded && again.isAnswer && recordedAfter
        return first.isAnswer && !bindsKey ? first : again
    }

    func learn(from outcome: Outcome, step: Int, world: World) { inner.learn(from: outcome, step: step, world: world) }
    var request: any SimOperation { inner.request }
}

/// A client sends step `of`'s request again with its Idempotency-Key.
struct RetryOperation: SimOperation {
    let of: Int

    var isKeyed: Bool { false }
    var description: String { "retry #\(of) with its key" }

    func run(_ context: StepContext) async -> Outcome {
        guard let operation = context.world.operations[of]?.request, let first = context.world.outcomes[of] else {
            return .skipped("no step #\(of)")
        }
        let recorded = context.keyRecorded(step: of)
        let heldByAnother = context.keyHeldByAnother(step: of, operation: operation)
        let again = await context.resend(operation, asStep: of)
        let recordedAfter = context.keyRecorded(step: of)
        if first.isAnswer {
            context.evidence.replays.append(StepEvidence.Replay(
                step: of, first: first, again: again, recorded: recorded, recordedAfter: recordedAfter,
                decidedOnArrival: operation is BookOperation, heldByAnother: heldByAnother))
            // The first answer was not recorded (a booking refused on its
            // arrival snapshot) and this one was: it is the key's answer.
            if !recorded, again.isAnswer, recordedAfter { context.world.keysBoundByRetry.insert(of) }
        }
        return again
    }

    func learn(from outcome: Outcome, step: Int, world: World) {
        // A retry of a request that failed, or whose refusal was not
        // recorded, may make what the first did not, as the first step's:
        // its answer is then the one a later retry must get again.
        let binds = world.keysBoundByRetry.remove(of) != nil
        guard outcome.isAnswer, let operation = world.operations[of], world.outcomes[of]?.isAnswer == false || binds else { return }
        world.record(step: of, operation: operation, outcome: outcome)
        operation.learn(from: outcome, step: of, world: world)
    }
}

/// A client sends another request with step `of`'s Idempotency-Key.
struct ReuseKeyOperation: SimOperation {
    let of: Int

    var isKeyed: Bool { false }
    var description: String { "reuse the key of #\(of) for another request" }

    func run(_ context: StepContext) async -> Outcome {
        guard let operation = context.world.operations[of]?.request else { return .skipped("no step #\(of)") }
        // The key holds another request's answer: step `of`'s, or (its
        // refusal on arrival unrecorded) a request it was sent with since. A
        // key that holds this very body's answer (an earlier reuse, recorded)
        // replays it.
        let salt = " (another body)"
        let recorded = context.keyHeldByAnother(step: of, operation: operation, salt: salt)
        let outcome = await context.resend(operation, asStep: of, salt: salt)
        context.evidence.reusedKeys.append((step: of, outcome: outcome, recorded: recorded))
        return outcome
    }
}
