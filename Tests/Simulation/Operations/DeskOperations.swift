import CalendarValues
import CenterDomain
import CenterService

extension EntityKind {
    public static let deskPass = EntityKind("desk_pass")
}

/// フリーデスク: freelancers (or staff for them) book passes for a period or
/// the day, check in, cancel; the no-shows are the desk timer's.
public struct DeskOperations: OperationFamily {
    public let name = "desks"

    static let periods = ["am", "pm", "night", "day"]

    public func weight(_ view: WorldView) -> Int { view.world.all(.registration).contains { $0.category == .freelancer } ? 14 : 0 }

    public func make(_ random: inout SimulationRandom, _ view: WorldView) throws -> (any SimOperation)? {
        let passes = view.world.all(.deskPass)
        switch passes.isEmpty ? 0 : random.weighted([6, 5, 1]) {
        case 0:
            let freelancer = random.chance(0.95)
            guard let holder = try view.someRegistration(&random, where: { !freelancer || $0.category == .freelancer }) else { return nil }
            let desks = view.settings.center.desks.desks.map(\.id)
            var date = view.today.adding(days: random.weighted([3, 6, 1]).map { [0, random.int(1...14), random.int(15...20)][$0] } ?? 0)
            var owner = holder
            var period = random.pick(Self.periods) ?? "am"
            let ahead = passes.filter { ($0.detail.flatMap(LocalDate.init) ?? view.today) > view.today }
            switch random.weighted([4, 4, 2]) ?? 0 {
            case 1:
                // A week of passes: the day after the latest one a freelancer
                // took (or another), so runs reach the weekly limit.
                if let previous = random.chance(0.8) ? ahead.last : random.pick(ahead),
                   let day = previous.detail.flatMap(LocalDate.init), let freelancer = view.world.entity(.registration, previous.owner) {
                    owner = freelancer
                    date = day.adding(days: 1)
                }
            case 2:
                // The period someone else already holds, so the desks run out.
                if let taken = random.pick(ahead), let day = taken.detail.flatMap(LocalDate.init) {
                    date = day
                    period = "day"
                }
            default:
                break
            }
            return PassOperation(registration: owner.ref, date: date, period: period,
                                 desk: random.chance(0.3) ? random.pick(desks) : nil, asMember: random.chance(0.5))
        case 1:
            return try view.pick(&random, .deskPass, where: """
                SELECT id FROM desk_passes WHERE state = 'booked' AND date = ?1 AND check_in_deadline >= ?2
                """).map { PassCheckInOperation(pass: $0.ref) }
        default:
            return try view.pick(&random, .deskPass, where: "SELECT id FROM desk_passes WHERE state = 'booked' AND starts_at > ?2")
                .map { PassCancelOperation(pass: $0.ref) }
        }
    }
}

/// `POST /desk-passes`.
struct PassOperation: SimOperation {
    let registration: Ref
    let date: LocalDate
    let period: String
    let desk: FacilityID?
    let asMember: Bool

    var description: String {
        "desk pass \(date) \(period)\(desk.map { " \($0)" } ?? "") for \(registration)\(asMember ? " as member" : "")"
    }

    func run(_ context: StepContext) async -> Outcome {
        guard let holder = context.world.entity(.registration, registration) else { return .skipped("no registration \(registration)") }
        let request = DeskPassRequest(date: date, period: period, desk: desk, registration: asMember ? nil : holder.id)
        let actor = asMember ? Actors.member(holder.id) : Actors.staff
        return await Outcome.of(AnsweredValue.deskPass) {
            try await context.service.desks.book(request, by: actor, idempotency: context.key(for: self))
        }
    }

    func learn(from outcome: Outcome, step: Int, world: World) {
        guard case .deskPass(let pass)? = outcome.answer?.value else { return }
        world.add(Entity(kind: .deskPass, ref: Ref(step: step), id: pass.id, owner: registration, detail: pass.date.description))
    }
}

/// `POST /desk-passes/{id}/check-in` by the freelancer.
struct PassCheckInOperation: SimOperation {
    let pass: Ref

    var description: String { "check in desk pass \(pass)" }

    func run(_ context: StepContext) async -> Outcome {
        guard let entity = context.world.entity(.deskPass, pass),
              let holder = context.world.entity(.registration, entity.owner) else { return .skipped("no desk pass \(pass)") }
        return await Outcome.of(AnsweredValue.deskPass) {
            try await context.service.desks.checkIn(pass: entity.id, by: Actors.member(holder.id), idempotency: context.key(for: self))
        }
    }
}

/// `POST /desk-passes/{id}/cancel` by staff.
struct PassCancelOperation: SimOperation {
    let pass: Ref

    var description: String { "cancel desk pass \(pass)" }

    func run(_ context: StepContext) async -> Outcome {
        guard let entity = context.world.entity(.deskPass, pass) else { return .skipped("no desk pass \(pass)") }
        return await Outcome.of(AnsweredValue.deskPass) {
            try await context.service.desks.cancel(pass: entity.id, by: Actors.staff, idempotency: context.key(for: self))
        }
    }
}
