import CalendarValues
import CenterDomain
import CenterService

extension EntityKind {
    public static let lotteryEntry = EntityKind("lottery_entry")
}

/// 抽選: entries for the hall and gyms by the categories that draw for them
/// (a month whose entries are open, now and then one that is not; often a
/// slot another has entered for, so entries contend), and withdrawals. The
/// timers publish the commitment and draw (`TimerOperations`); the clock
/// goes to the days a round turns on (`ClockOperations`).
public struct LotteryOperations: OperationFamily {
    public let name = "lottery"

    public func weight(_ view: WorldView) -> Int {
        guard let lottery = view.settings.center.lottery else { return 0 }
        let participants = Set(lottery.rounds.flatMap(\.participants))
        return view.world.all(.registration).contains { $0.category.map(participants.contains) == true } ? 8 : 0
    }

    public func make(_ random: inout SimulationRandom, _ view: WorldView) throws -> (any SimOperation)? {
        let center = view.settings.center
        if random.chance(0.15) {
            return try view.pick(&random, .lotteryEntry, where: "SELECT id FROM lottery_entries WHERE state = 'entered'")
                .map { LotteryWithdrawOperation(entry: $0.ref, asMember: random.chance(0.4)) }
        }
        let participants = Set(center.lottery?.rounds.flatMap(\.participants) ?? [])
        guard let registration = try view.someRegistration(&random, where: { $0.category.map(participants.contains) == true }),
              let category = registration.category else { return nil }
        let facilities = center.lottery?.rounds.filter { $0.participants.contains(category) }.flatMap(\.facilities) ?? []
        guard var facility = random.pick(facilities), let round = center.lotteryRound(for: facility, category: category) else { return nil }
        // The month whose entries are open now, else the next one's.
        let today = view.today
        let entryMonth = today.day <= round.entry.toDay ? today.yearMonth : today.yearMonth.adding(months: 1)
        let month = entryMonth.adding(months: round.monthsBefore)
        var date = month.firstDay.adding(days: random.int(0...(month.dates.count - 1)))
        var divisions = BookingOperations.someDivisions(&random)
        // Often a slot another registration has entered for.
        let entered = try view.db.rows("""
            SELECT facility_id, date, divisions FROM lottery_entries WHERE state = 'entered' AND round_id = ? AND use_month = ?
            """, [.text(round.id), .text(month.description)])
        if random.chance(0.4), let other = random.pick(entered), let text = other[0].text, let day = other[1].text.flatMap(LocalDate.init) {
            facility = FacilityID(text)
            date = day
            if random.chance(0.7) { divisions = (other[2].text ?? "am").split(separator: ",").map { DivisionID(String($0)) } }
        }
        return LotteryEnterOperation(registration: registration.ref, facility: facility, date: date, divisions: divisions,
                                     attendees: random.int(5...60), asMember: random.chance(0.3))
    }
}

/// `POST /lottery-entries`.
struct LotteryEnterOperation: SimOperation {
    let registration: Ref
    let facility: FacilityID
    let date: LocalDate
    let divisions: [DivisionID]
    let attendees: Int
    let asMember: Bool

    var description: String {
        "enter the lottery for \(facility) \(date) \(divisions.map(\.rawValue).joined(separator: ",")) for \(registration)"
            + (asMember ? " as member" : "")
    }

    func run(_ context: StepContext) async -> Outcome {
        guard let holder = context.world.entity(.registration, registration) else { return .skipped("no registration \(registration)") }
        let request = LotteryEntryRequest(registration: holder.id, facility: facility, date: date, divisions: divisions,
                                          purpose: "大会", attendees: attendees)
        let actor = asMember ? Actors.member(holder.id) : Actors.staff
        return await Outcome.of(AnsweredValue.lotteryEntry) {
            try await context.service.lottery.enter(request, by: actor, idempotency: context.key(for: self))
        }
    }

    func learn(from outcome: Outcome, step: Int, world: World) {
        guard case .lotteryEntry(let entry)? = outcome.answer?.value else { return }
        world.add(Entity(kind: .lotteryEntry, ref: Ref(step: step), id: entry.id, owner: registration))
    }
}

/// `POST /lottery-entries/{id}/withdraw` (取下げ).
struct LotteryWithdrawOperation: SimOperation {
    let entry: Ref
    let asMember: Bool

    var description: String { "withdraw lottery entry \(entry)\(asMember ? " as member" : "")" }

    func run(_ context: StepContext) async -> Outcome {
        guard let entity = context.world.entity(.lotteryEntry, entry),
              let holder = context.world.entity(.registration, entity.owner) else { return .skipped("no lottery entry \(entry)") }
        let actor = asMember ? Actors.member(holder.id) : Actors.staff
        return await Outcome.of(AnsweredValue.lotteryEntry) {
            try await context.service.lottery.withdraw(entry: entity.id, by: actor, idempotency: context.key(for: self))
        }
    }
}
