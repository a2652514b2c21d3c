import CalendarValues
import CenterDomain
import CenterService

extension EntityKind {
    public static let waitingEntry = EntityKind("waiting_entry")
}

/// キャンセル待ち: registrations join the line of a slot another holds (a
/// week or more ahead, so the line is open; now and then one too near, or
/// a slot that is free), withdraw, and answer the offer a freed slot brings
/// (accept most of the time, decline some). The offers are made when a
/// booking frees its slot and by the timer (`TimerOperations`).
public struct WaitingListOperations: OperationFamily {
    public let name = "waiting list"

    public func weight(_ view: WorldView) -> Int {
        view.settings.center.waitingList == nil || view.world.count(.booking) == 0 ? 0 : 7
    }

    public func make(_ random: inout SimulationRandom, _ view: WorldView) throws -> (any SimOperation)? {
        switch random.weighted([5, 1, 1, 4]) ?? 0 {
        case 0: return try makeJoin(&random, view)
        case 1:
            return try view.pick(&random, .waitingEntry, where: "SELECT id FROM waiting_entries WHERE state IN ('waiting', 'offered')")
                .map { WaitingStepOperation(entry: $0.ref, step: .withdraw, asMember: random.chance(0.5)) }
        case 2:
            return try view.pick(&random, .waitingEntry, where: "SELECT id FROM waiting_entries WHERE state = 'offered'")
                .map { WaitingStepOperation(entry: $0.ref, step: .decline, asMember: random.chance(0.5)) }
        default:
            return try view.pick(&random, .waitingEntry, where: "SELECT id FROM waiting_entries WHERE state = 'offered'")
                .map { WaitingStepOperation(entry: $0.ref, step: .accept, asMember: random.chance(0.5)) }
        }
    }

    /// A slot a live booking holds, mostly a week or more ahead, for another
    /// registration that could book it.
    private func makeJoin(_ random: inout SimulationRandom, _ view: WorldView) throws -> (any SimOperation)? {
        let near = random.chance(0.1)
        let slots = try view.db.rows("""
            SELECT u.facility_id, u.date, u.division, u.registration_id FROM booking_units u JOIN bookings b ON b.id = u.booking_id
            WHERE u.live = 1 AND b.state IN ('provisional', 'paid') AND u.date >= date(?1, ?2) ORDER BY u.booking_id, u.date LIMIT 200
            """, [.text(view.today.description), .text(near ? "+0 days" : "+7 days")])
        guard let slot = random.pick(slots), let facility = slot[0].text, let date = slot[1].text.flatMap(LocalDate.init),
              let division = slot[2].text, let holder = slot[3].int else { return nil }
        guard let registration = try view.someRegistration(&random, where: { $0.id != holder && $0.category != .freelancer }) else {
            return nil
        }
        return WaitingJoinOperation(registration: registration.ref, facility: FacilityID(facility), date: date,
                                    division: DivisionID(division), attendees: random.int(1...10), asMember: random.chance(0.4))
    }
}

/// `POST /waiting-list`.
struct WaitingJoinOperation: SimOperation {
    let registration: Ref
    let facility: FacilityID
    let date: LocalDate
    let division: DivisionID
    let attendees: Int
    let asMember: Bool

    var description: String {
        "wait for \(facility) \(date) \(division) for \(registration)\(asMember ? " as member" : "")"
    }

    func run(_ context: StepContext) async -> Outcome {
        guard let holder = context.world.entity(.registration, registration) else { return .skipped("no registration \(registration)") }
        let request = WaitingJoinRequest(registration: holder.id, facility: facility, date: date, division: division,
                                         purpose: "研修会", attendees: attendees)
        let actor = asMember ? Actors.member(holder.id) : Actors.staff
        return await Outcome.of(AnsweredValue.waitingEntry) {
            try await context.service.waitingList.join(request, by: actor, idempotency: context.key(for: self))
        }
    }

    func learn(from outcome: Outcome, step: Int, world: World) {
        guard case .waitingEntry(let entry)? = outcome.answer?.value else { return }
        world.add(Entity(kind: .waitingEntry, ref: Ref(step: step), id: entry.id, owner: registration))
    }
}

/// `POST /waiting-list/{id}/withdraw`, `/decline` or `/accept`.
struct WaitingStepOperation: SimOperation {
    enum Move: String, Sendable { case withdraw, decline, accept }

    let entry: Ref
    let step: Move
    let asMember: Bool

    var description: String { "\(step.rawValue) waiting entry \(entry)\(asMember ? " as member" : "")" }

    func run(_ context: StepContext) async -> Outcome {
        guard let entity = context.world.entity(.waitingEntry, entry),
              let holder = context.world.entity(.registration, entity.owner) else { return .skipped("no waiting entry \(entry)") }
        let actor = asMember ? Actors.member(holder.id) : Actors.staff
        let list = context.service.waitingList, key = context.key(for: self)
        switch step {
        case .withdraw: return await Outcome.of(AnsweredValue.waitingEntry) { try await list.withdraw(entry: entity.id, by: actor, idempotency: key) }
        case .decline: return await Outcome.of(AnsweredValue.waitingEntry) { try await list.decline(entry: entity.id, by: actor, idempotency: key) }
        case .accept: return await Outcome.of(AnsweredValue.booking) { try await list.accept(entry: entity.id, by: actor, idempotency: key) }
        }
    }

    func learn(from outcome: Outcome, step: Int, world: World) {
        guard case .booking(let booking)? = outcome.answer?.value, let entity = world.entity(.waitingEntry, entry) else { return }
        world.add(Entity(kind: .booking, ref: Ref(step: step), id: booking.id, owner: entity.owner, category: booking.category,
                         detail: BookingFacts.detail(booking)))
    }
}
