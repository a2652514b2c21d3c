import CalendarValues
import CenterDomain
import CenterService

extension EntityKind {
    public static let series = EntityKind("series")
}

/// 定期利用: series of a meeting room or a consultation room by the hour on
/// a weekly, nth-weekday or day-of-month pattern, for a few weeks to a
/// year (now and then longer, refused), continued as the window opens, and
/// cancelled whole; one date of a series is cancelled as any booking
/// (`BookingOperations`, its bookings being bookings the clients know).
public struct SeriesOperations: OperationFamily {
    public let name = "series"

    static let rooms: [FacilityID] = ["meeting-room-1", "meeting-room-2", "japanese-room", "creative-room", "consultation-room-1"]

    public func weight(_ view: WorldView) -> Int {
        view.world.all(.registration).contains { $0.category != .freelancer } ? 3 : 0
    }

    public func make(_ random: inout SimulationRandom, _ view: WorldView) throws -> (any SimOperation)? {
        let series = view.world.all(.series)
        switch series.isEmpty ? 0 : random.weighted([5, 3, 1]) ?? 0 {
        case 0:
            guard let registration = try view.someRegistration(&random, where: { $0.category != .freelancer }) else { return nil }
            let facility = random.pick(Self.rooms) ?? "meeting-room-1"
            let hourly = view.settings.center.facility(facility)?.unit == .hour
            let pattern: SeriesPattern = switch random.weighted([5, 2, 2]) ?? 0 {
            case 0:
                .weekly(weekdays: Array(Set((0..<random.int(1...2)).compactMap { _ in Weekday(rawValue: random.int(0...6)) })).sorted {
                    $0.rawValue < $1.rawValue
                })
            case 1: .monthlyNthWeekday(week: random.pick([1, 2, 3, 4, -1]) ?? 1, weekday: Weekday(rawValue: random.int(1...5)) ?? .monday)
            default: .monthlyDay(day: random.int(1...31))
            }
            let from = view.today.adding(days: random.int(1...30))
            let start = random.int(9...18)
            return SeriesBookOperation(registration: registration.ref, facility: facility,
                                       divisions: hourly ? [] : BookingOperations.someDivisions(&random),
                                       hours: hourly ? [start, start + random.int(1...2)] : nil, pattern: pattern,
                                       from: from, through: from.adding(days: random.chance(0.05) ? 400 : random.int(20...250)),
                                       attendees: random.int(1...10), asMember: random.chance(0.3))
        case 1:
            return random.pick(series).map { SeriesChangeOperation(series: $0.ref, cancel: false) }
        default:
            return random.pick(series).map { SeriesChangeOperation(series: $0.ref, cancel: true) }
        }
    }
}

extension SeriesBookingOutcome {
    /// The bookings it made, as the clients learn them: the step's own
    /// references `#step.1`, `#step.2`, … in date order.
    func learn(step: Int, owner: Ref?, world: World) {
        for (index, booking) in dates.compactMap(\.booking).enumerated() {
            world.add(Entity(kind: .booking, ref: Ref(step: step, index: index + 1), id: booking.id, owner: owner,
                             category: booking.category, detail: BookingFacts.detail(booking)))
        }
    }
}

/// `POST /series`.
struct SeriesBookOperation: SimOperation {
    let registration: Ref
    let facility: FacilityID
    let divisions: [DivisionID]
    /// The first and the last hour of a room let by the hour (from 10 to 12: 10:00–12:00).
    let hours: [Int]?
    let pattern: SeriesPattern
    /// The first and the last day, as the request names them (a retry sends the same).
    let from: LocalDate
    let through: LocalDate
    let attendees: Int
    let asMember: Bool

    var description: String {
        "book a series of \(facility) \(hours.map { "\($0[0]):00–\($0[1]):00" } ?? divisions.map(\.rawValue).joined(separator: ","))"
            + " \(pattern) \(from)…\(through) for \(registration)" + (asMember ? " as member" : "")
    }

    func run(_ context: StepContext) async -> Outcome {
        guard let holder = context.world.entity(.registration, registration) else { return .skipped("no registration \(registration)") }
        let range = hours.flatMap { hours in
            LocalTime(hour: hours[0], minute: 0).flatMap { start in LocalTime(hour: hours[1], minute: 0).map { BookingHours(from: start, to: $0) } }
        }
        let request = SeriesRequest(facility: facility, divisions: divisions, hours: range, registration: holder.id, pattern: pattern,
                                    from: from, through: through, purpose: "定例会", attendees: attendees)
        let actor = asMember ? Actors.member(holder.id) : Actors.staff
        return await Outcome.of(AnsweredValue.series) {
            try await context.service.bookings.bookSeries(request, by: actor, idempotency: context.key(for: self))
        }
    }

    func learn(from outcome: Outcome, step: Int, world: World) {
        guard case .series(let outcome)? = outcome.answer?.value else { return }
        world.add(Entity(kind: .series, ref: Ref(step: step), id: outcome.series.id, owner: registration))
        outcome.learn(step: step, owner: registration, world: world)
    }
}

/// `POST /series/{id}/continue` or `/cancel` by staff.
struct SeriesChangeOperation: SimOperation {
    let series: Ref
    let cancel: Bool

    var description: String { "\(cancel ? "cancel" : "continue") series \(series)" }

    func run(_ context: StepContext) async -> Outcome {
        guard let entity = context.world.entity(.series, series) else { return .skipped("no series \(series)") }
        let bookings = context.service.bookings, key = context.key(for: self)
        if cancel {
            return await Outcome.of(AnsweredValue.seriesRecord) {
                try await bookings.cancelSeries(id: entity.id, reason: nil, by: Actors.staff, idempotency: key)
            }
        }
        return await Outcome.of(AnsweredValue.series) { try await bookings.continueSeries(id: entity.id, by: Actors.staff, idempotency: key) }
    }

    func learn(from outcome: Outcome, step: Int, world: World) {
        guard !cancel, case .series(let outcome)? = outcome.answer?.value else { return }
        outcome.learn(step: step, owner: world.entity(.series, series)?.owner, world: world)
    }
}
