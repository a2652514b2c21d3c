import CalendarValues
import CenterDomain
import CenterService

extension EntityKind {
    public static let closure = EntityKind("closure")
}

/// 臨時休館: staff close the whole center or a few facilities (the desk pool
/// among them) for some days, settling on the center's account what they
/// hit: the days closed of a longer booking (a part refund), or the whole
/// booking when nothing usable is left or its holder chose so; and lift a
/// closure again (its days open for booking, what it cancelled stays so).
public struct ClosureOperations: OperationFamily {
    public let name = "closures"

    static let closable: [FacilityID] = BookingOperations.quotaFacilities + BookingOperations.rooms
        + ["cooking-room", "nursery-room", "flexible-desks"]

    public func weight(_ view: WorldView) -> Int { view.world.count(.booking) > 3 ? 3 : 1 }

    public func make(_ random: inout SimulationRandom, _ view: WorldView) throws -> (any SimOperation)? {
        let closures = view.world.all(.closure)
        if !closures.isEmpty, random.chance(0.25) {
            return try view.pick(&random, .closure, where: "SELECT id FROM closures WHERE lifted_at IS NULL")
                .map { LiftClosureOperation(closure: $0.ref) }
        }
        var date = view.today.adding(days: random.int(0...90))
        var facilities: [FacilityID] = random.chance(0.3) ? [] : (0..<random.int(1...2)).compactMap { _ in random.pick(Self.closable) }
        var whole: [Ref] = []
        // Often on a day something is booked, so the closure displaces it:
        // a day inside a longer booking, whose holder sometimes asks to
        // cancel it whole.
        let ahead = view.world.all(.booking).filter { (BookingFacts($0.detail)?.last ?? view.today) >= view.today }
        if random.chance(0.6), let booked = random.pick(ahead), let facts = BookingFacts(booked.detail) {
            let span = facts.first.days(until: facts.last)
            date = span > 0 && random.chance(0.6) ? facts.first.adding(days: random.int(0...span)) : facts.first
            if date < view.today { date = view.today }
            if random.chance(0.5) { facilities = [facts.facility] }
            if span > 0, random.chance(0.3) { whole = [booked.ref] }
        }
        return ClosureOperation(date: date, to: date.adding(days: random.weighted([6, 2, 1]) ?? 0),
                                facilities: Array(Set(facilities)).sorted { $0.rawValue < $1.rawValue }, whole: whole)
    }
}

/// `POST /closures` by staff.
struct ClosureOperation: SimOperation {
    let date: LocalDate
    let to: LocalDate
    let facilities: [FacilityID]
    /// Bookings whose holders chose to cancel them whole rather than lose only the days closed.
    var whole: [Ref] = []

    var description: String {
        "close \(facilities.isEmpty ? "the center" : facilities.map(\.rawValue).joined(separator: ",")) \(date)…\(to)"
            + (whole.isEmpty ? "" : ", cancelling \(whole.map(\.description).joined(separator: ",")) whole")
    }

    func run(_ context: StepContext) async -> Outcome {
        let ids = whole.compactMap { context.world.entity(.booking, $0)?.id }
        let input = ClosureInput(date: date, to: to, facilities: facilities, reasonJa: "臨時休館 (simulation)", wholeBookings: ids)
        return await Outcome.of(AnsweredValue.closure) {
            try await context.service.calendar.declareClosure(input, by: Actors.staff, idempotency: context.key(for: self))
        }
    }

    func learn(from outcome: Outcome, step: Int, world: World) {
        guard case .closure(let closure)? = outcome.answer?.value else { return }
        world.add(Entity(kind: .closure, ref: Ref(step: step), id: closure.id))
    }
}

/// `POST /closures/{id}/lift` by staff (臨時休館の解除).
struct LiftClosureOperation: SimOperation {
    let closure: Ref

    var description: String { "lift closure \(closure)" }

    func run(_ context: StepContext) async -> Outcome {
        guard let entity = context.world.entity(.closure, closure) else { return .skipped("no closure \(closure)") }
        return await Outcome.of(AnsweredValue.closure) {
            try await context.service.calendar.liftClosure(id: entity.id, by: Actors.staff, idempotency: context.key(for: self))
        }
    }
}
