import CalendarValues
import CenterDomain
@testable import CenterService

/// A room booking's two steps taken apart (`BookingDesk`: the rules on a
/// read snapshot on arrival, then again in the single writer, which
/// inserts), with other steps between them: under load, other requests
/// commit between a booking's arrival and its turn at the writer, and the
/// writer must decide on what it sees then. A booking arrives at one step
/// (`ArriveOperation`: refused at once, or waiting for its writer); a rival
/// may then take its slot or the day beside it (a plain booking); and a
/// later step runs its writer (`WriterTakesOperation`), at the same instant,
/// as a writer runs within moments of the arrival: a writer whose arrival
/// the clock has left behind, or whose process died, is skipped. The two
/// steps are the service's own (`Bookings.arrive`, `Bookings.take`, run as
/// `book` runs them), so what the simulation sees is what `book` does.
public struct RaceOperations: OperationFamily {
    public let name = "races"

    public func weight(_ view: WorldView) -> Int {
        if !Self.waiting(view).isEmpty { return 30 }
        return BookingOperations().weight(view) > 0 ? 3 : 0
    }

    /// The arrivals whose writer may still run: of this process, at this instant.
    static func waiting(_ view: WorldView) -> [Int] {
        view.world.waitingWriters.filter { $0.value.life == view.center.deaths && $0.value.arrival == view.now }.keys.sorted()
    }

    public func make(_ random: inout SimulationRandom, _ view: WorldView) throws -> (any SimOperation)? {
        let waiting = Self.waiting(view)
        guard let arrived = random.pick(waiting) else {
            return try (BookingOperations().makeBooking(&random, view) as? BookOperation).map(ArriveOperation.init)
        }
        guard random.chance(0.4), let booking = view.world.operations[arrived]?.request as? BookOperation else {
            return WriterTakesOperation(of: arrived)
        }
        // A rival for what the waiting booking asks: another registration
        // for the same slot, or the same one for the day after its last.
        let sameHolder = random.chance(0.3)
        let rival = sameHolder
            ? view.world.entity(.registration, booking.registration)
            : try view.someRegistration(&random, where: { $0.ref != booking.registration && $0.category != .freelancer })
        guard let rival else { return WriterTakesOperation(of: arrived) }
        return BookOperation(registration: rival.ref, facility: booking.facility,
                             date: sameHolder ? booking.date.adding(days: booking.days) : booking.date,
                             days: 1, divisions: booking.divisions, attendees: booking.attendees, guardian: booking.guardian,
                             commercial: false, asMember: false, hours: booking.hours)
    }
}

/// A booking whose writer has yet to run: the arrival snapshot's draft, as
/// `book` holds it between its two steps.
struct WaitingWriter: Sendable {
    /// The life of the process that holds it (`SimulatedCenter.deaths`).
    let life: Int
    let arrival: Instant
    let write: @Sendable () async -> Outcome
}

/// `POST /bookings` judged on its arrival snapshot; the writer waits.
struct ArriveOperation: SimOperation {
    let booking: BookOperation

    var description: String { "\(booking.description) [arrives; its writer waits]" }
    var request: any SimOperation { booking }

    func run(_ context: StepContext) async -> Outcome {
        guard let (request, actor) = booking.sent(context) else { return .skipped("no registration \(booking.registration)") }
        let bookings = context.service.bookings, now = context.now
        let key = context.key(for: booking)
        do {
            let arrival = try await bookings.context.run(Bookings.BookRefusal.self) {
                try await bookings.arrive(request, by: actor, idempotency: key, at: now)
            }
            switch arrival {
            case .replay(let first):
                return .answered(Answer(json: first, replayed: true, value: nil))
            case .accepted(let draft):
                context.evidence.readOnly = true
                context.world.waitingWriters[context.step] = WaitingWriter(life: context.center.deaths, arrival: now) {
                    await Outcome.of(AnsweredValue.booking) {
                        try await bookings.context.run(Bookings.BookRefusal.self) {
                            try await bookings.take(draft, by: actor, idempotency: key, at: now)
                        }
                    }
                }
                return .done("arrived; its writer waits")
            }
        } catch {
            return Outcome(error)
        }
    }

    func learn(from outcome: Outcome, step: Int, world: World) { booking.learn(from: outcome, step: step, world: world) }
}

/// The writer of the booking that arrived at step `of` runs, now.
struct WriterTakesOperation: SimOperation {
    let of: Int

    var isKeyed: Bool { false }
    var description: String { "the writer takes the booking #\(of) sent" }

    func run(_ context: StepContext) async -> Outcome {
        guard let waiting = context.world.waitingWriters.removeValue(forKey: of) else { return .skipped("no booking of #\(of) waits") }
        guard waiting.life == context.center.deaths else { return .skipped("the process #\(of) arrived at died") }
        guard waiting.arrival == context.now else { return .skipped("the clock moved since #\(of) arrived") }
        return await waiting.write()
    }

    func learn(from outcome: Outcome, step: Int, world: World) {
        // What the writer answered is the answer to the request of `of`.
        guard outcome.isAnswer, let operation = world.operations[of], world.outcomes[of]?.isAnswer == false else { return }
        world.record(step: of, operation: operation, outcome: outcome)
        operation.learn(from: outcome, step: of, world: world)
    }
}
