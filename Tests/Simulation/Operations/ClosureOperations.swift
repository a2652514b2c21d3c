import CalendarValues
import CenterDomain
import CenterService

extension EntityKind {
    public static let closure = EntityKind("closure")
}

/// 臨時休館: staff close the whole center or a few facilities (the desk pool
/// among them) for some days, cancelling on the center's account what they
/// hit. Closure lifts are another branch's; they join this family.
public struct ClosureOperations: OperationFamily {
    public let name = "closures"

    static let closable: [FacilityID] = BookingOperations.quotaFacilities + BookingOperations.rooms
        + ["cooking-room", "nursery-room", "flexible-desks"]

    public func weight(_ view: WorldView) -> Int { view.world.count(.booking) > 3 ? 3 : 1 }

    public func make(_ random: inout SimulationRandom, _ view: WorldView) throws -> (any SimOperation)? {
        var date = view.today.adding(days: random.int(0...90))
        // Often on a day something is booked, so the closure displaces it.
        let ahead = view.world.all(.booking).filter { (BookingFacts($0.detail)?.first ?? view.today) >= view.today }
        if random.chance(0.6), let booked = random.pick(ahead), let facts = BookingFacts(booked.detail) {
            date = facts.first
        }
        let facilities: [FacilityID] = random.chance(0.3) ? [] : (0..<random.int(1...2)).compactMap { _ in random.pick(Self.closable) }
        return ClosureOperation(date: date, to: date.adding(days: random.weighted([6, 2, 1]) ?? 0),
                                facilities: Array(Set(facilities)).sorted { $0.rawValue < $1.rawValue })
    }
}

/// `POST /closures` by staff.
struct ClosureOperation: SimOperation {
    let date: LocalDate
    let to: LocalDate
    let facilities: [FacilityID]

    var description: String {
        "close \(facilities.isEmpty ? "the center" : facilities.map(\.rawValue).joined(separator: ",")) \(date)…\(to)"
    }

    func run(_ context: StepContext) async -> Outcome {
        let input = ClosureInput(date: date, to: to, facilities: facilities, reasonJa: "臨時休館 (simulation)")
        return await Outcome.of(AnsweredValue.closure) {
            try await context.service.calendar.declareClosure(input, by: Actors.staff, idempotency: context.key(for: self))
        }
    }
}
