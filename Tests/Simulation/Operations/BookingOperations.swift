import CalendarValues
import CenterDomain
import CenterService

extension EntityKind {
    public static let booking = EntityKind("booking")
}

/// 予約: room bookings, single and multi-day, by staff or the member itself;
/// payments; check-ins; cancellations by the holder and by the center. The
/// generator aims at the rules: runs of adjacent days, a quota facility's
/// month filling up, a slot someone holds, the cooking room and the nursery
/// without their companion room.
public struct BookingOperations: OperationFamily {
    public let name = "bookings"

    static let quotaFacilities: [FacilityID] = ["multipurpose-hall", "gym", "small-gym", "large-meeting-room"]
    static let rooms: [FacilityID] = ["meeting-room-1", "meeting-room-2", "special-meeting-room", "japanese-room",
                                      "creative-room", "event-corner"]
    static let divisions: [DivisionID] = [.am, .pm, .night]

    public func weight(_ view: WorldView) -> Int {
        view.world.all(.registration).contains { $0.category != .freelancer } ? 40 : 0
    }

    public func make(_ random: inout SimulationRandom, _ view: WorldView) throws -> (any SimOperation)? {
        let bookings = view.world.all(.booking)
        switch bookings.isEmpty ? 0 : random.weighted([10, 4, 2, 3, 1, 1]) {
        case 0: return try makeBooking(&random, view)
        case 1:
            return try view.pick(&random, .booking, where: "SELECT id FROM bookings WHERE state = 'provisional'")
                .map { PayOperation(booking: $0.ref, method: MoneyOperations.method(&random)) }
        case 5:
            // A no-show at the counter: a booking of today, often after its first division began.
            return try view.pick(&random, .booking, where: """
                SELECT id FROM bookings WHERE state IN ('provisional', 'paid') AND first_date <= ?1 AND last_date >= ?1
                """).map { NoShowOperation(booking: $0.ref) }
        case 2:
            return try view.pick(&random, .booking, where: """
                SELECT id FROM bookings WHERE state = 'paid' AND first_date <= ?1 AND last_date >= ?1
                """).map { CheckInOperation(booking: $0.ref) }
        case 3:
            return try view.pick(&random, .booking, where: Self.live).map {
                CancelOperation(booking: $0.ref, byCenter: false, asMember: random.chance(0.5))
            }
        default:
            return try view.pick(&random, .booking, where: Self.live).map {
                CancelOperation(booking: $0.ref, byCenter: true, asMember: false)
            }
        }
    }

    static let live = "SELECT id FROM bookings WHERE state IN ('provisional', 'paid')"

    func makeBooking(_ random: inout SimulationRandom, _ view: WorldView) throws -> (any SimOperation)? {
        let roomUser = random.chance(0.95)
        guard let registration = try view.someRegistration(&random, where: { !roomUser || $0.category != .freelancer }) else { return nil }
        let today = view.today
        // Bookings still ahead, to join, to contend with.
        let ahead = view.world.all(.booking).filter { (BookingFacts($0.detail)?.last ?? today) >= today }
        var facility = random.pick(Self.rooms) ?? "meeting-room-1"
        var date = today.adding(days: Self.dayOffset(&random))
        var days = random.weighted([14, 4, 2, 1]).map { $0 + 1 } ?? 1
        var divisions = Self.someDivisions(&random)
        var guardian: String?
        var owner = registration
        var hours: [Int]?
        switch random.weighted([8, 5, 7, 3, 2, 3, 3]) ?? 0 {
        case 6:
            // A consultation room by the hour, now and then past its opening.
            facility = random.chance(0.5) ? "consultation-room-1" : "consultation-room-2"
            let start = random.int(8...20)
            hours = [start, min(start + (random.weighted([6, 3, 1]) ?? 0) + 1, 22)]
            days = 1
        case 1:
            // A run: the day before or after a booking of the same holder.
            if let near = random.pick(ahead), let facts = BookingFacts(near.detail),
               let holder = view.world.entity(.registration, near.owner) {
                owner = holder
                facility = facts.facility
                date = random.chance(0.5) ? facts.last.adding(days: 1) : facts.first.adding(days: -random.int(1...2))
                days = random.weighted([6, 2, 1]).map { $0 + 1 } ?? 1
            }
        case 2:
            // A quota facility's month more than 30 days ahead, often one
            // already booked, so its non-community share fills up.
            facility = random.pick(Self.quotaFacilities) ?? "gym"
            date = today.adding(days: random.int(31...80))
            let protected = ahead.compactMap { BookingFacts($0.detail) }.filter {
                Self.quotaFacilities.contains($0.facility) && $0.first > today.adding(days: 31)
            }
            if random.chance(0.7), let month = random.pick(protected) {
                facility = month.facility
                date = month.first.firstOfMonth.adding(days: random.int(0...27))
                if date <= today.adding(days: 30) { date = month.first }
            }
            days = random.weighted([3, 1, 1]).map { $0 + 1 } ?? 1
            divisions = Self.divisions
        case 3:
            // A slot someone already holds.
            if let taken = random.pick(ahead), let facts = BookingFacts(taken.detail) {
                facility = facts.facility
                date = facts.first
                days = 1
            }
        case 5:
            // The ward's own long event in a quota facility (exempt from the
            // limits, not from the quota), more than 30 days ahead.
            if let ward = try view.someRegistration(&random, where: { $0.category == .ward }) {
                owner = ward
                facility = random.pick(Self.quotaFacilities) ?? "gym"
                date = today.adding(days: random.int(31...70))
                // As many open days in a row as the calendar gives, up to 25.
                let wanted = random.int(8...28)
                while !view.settings.calendar.isOpen(date, facility: facility.rawValue) { date = date.adding(days: 1) }
                days = 1
                while days < wanted, view.settings.calendar.isOpen(date.adding(days: days), facility: facility.rawValue) { days += 1 }
                divisions = Self.divisions
            }
        case 4:
            // A room that needs a companion room or a guardian.
            if random.chance(0.5) {
                facility = "cooking-room"
            } else {
                facility = "nursery-room"
                guardian = random.chance(0.8) ? "保護者 一名" : nil
            }
        default:
            break
        }
        return BookOperation(registration: owner.ref, facility: facility, date: date, days: days, divisions: hours == nil ? divisions : [],
                             attendees: random.chance(0.05) ? 500 : random.int(1...10), guardian: guardian,
                             commercial: random.chance(0.1), asMember: random.chance(0.3), hours: hours)
    }

    /// How far ahead a booking is asked for: today, this week, within the
    /// windows, or beyond them.
    static func dayOffset(_ random: inout SimulationRandom) -> Int {
        switch random.weighted([2, 4, 8, 4, 1]) ?? 0 {
        case 0: 0
        case 1: random.int(1...7)
        case 2: random.int(8...40)
        case 3: random.int(41...200)
        default: random.int(201...400)
        }
    }

    static func someDivisions(_ random: inout SimulationRandom) -> [DivisionID] {
        let chosen = divisions.filter { _ in random.chance(0.45) }
        return chosen.isEmpty ? [random.pick(divisions) ?? .am] : chosen
    }
}

/// What the generator keeps of a booking, in `Entity.detail`.
struct BookingFacts {
    let facility: FacilityID
    let first: LocalDate
    let last: LocalDate

    init?(_ detail: String?) {
        guard let parts = detail?.split(separator: " "), parts.count == 3,
              let first = LocalDate(String(parts[1])), let last = LocalDate(String(parts[2])) else { return nil }
        facility = FacilityID(String(parts[0]))
        self.first = first
        self.last = last
    }

    static func detail(_ booking: Booking) -> String { "\(booking.facility) \(booking.firstDate) \(booking.lastDate)" }
}

/// `POST /bookings`.
struct BookOperation: SimOperation {
    let registration: Ref
    let facility: FacilityID
    let date: LocalDate
    let days: Int
    let divisions: [DivisionID]
    let attendees: Int
    let guardian: String?
    let commercial: Bool
    let asMember: Bool
    /// The first and the last hour of a room let by the hour (from 10 to 12: 10:00–12:00), instead of divisions.
    var hours: [Int]?

    var description: String {
        "book \(facility) \(date)\(days > 1 ? " +\(days - 1)d" : "") "
            + (hours.map { "\($0[0]):00–\($0[1]):00" } ?? divisions.map(\.rawValue).joined(separator: ","))
            + " for \(registration)\(asMember ? " as member" : "") \(attendees) people"
            + (guardian.map { " guardian \($0)" } ?? "") + (commercial ? " commercial" : "")
    }

    func run(_ context: StepContext) async -> Outcome {
        guard let (request, actor) = sent(context) else { return .skipped("no registration \(registration)") }
        return await Outcome.of(AnsweredValue.booking) {
            try await context.service.bookings.book(request, by: actor, idempotency: context.key(for: self))
        }
    }

    /// The request and who sends it; nil when its registration is unknown.
    func sent(_ context: StepContext) -> (BookingRequest, Actor)? {
        guard let holder = context.world.entity(.registration, registration) else { return nil }
        let range = hours.flatMap { hours in
            LocalTime(hour: hours[0], minute: 0).flatMap { start in LocalTime(hour: hours[1], minute: 0).map { BookingHours(from: start, to: $0) } }
        }
        let request = BookingRequest(facility: facility, date: date, divisions: divisions, days: days, registration: holder.id,
                                     purpose: "会議", attendees: attendees, commercial: commercial, guardian: guardian, hours: range)
        return (request, asMember ? Actors.member(holder.id) : Actors.staff)
    }

    func learn(from outcome: Outcome, step: Int, world: World) {
        guard case .booking(let booking)? = outcome.answer?.value else { return }
        world.add(Entity(kind: .booking, ref: Ref(step: step), id: booking.id, owner: registration, category: booking.category,
                         detail: BookingFacts.detail(booking)))
    }
}

/// `POST /bookings/{id}/payment` by staff: what is outstanding, by `method`.
struct PayOperation: SimOperation {
    let booking: Ref
    var method: PaymentMethod = .cash

    var description: String { "pay booking \(booking)\(method == .cash ? "" : " by \(method.rawValue)")" }

    func run(_ context: StepContext) async -> Outcome {
        guard let entity = context.world.entity(.booking, booking) else { return .skipped("no booking \(booking)") }
        return await Outcome.of(AnsweredValue.booking) {
            try await context.service.bookings.pay(booking: entity.id, method: method, by: Actors.staff,
                                                   idempotency: context.key(for: self))
        }
    }
}

/// `POST /bookings/{id}/no-show` by staff (無断不使用).
struct NoShowOperation: SimOperation {
    let booking: Ref

    var description: String { "mark booking \(booking) a no-show" }

    func run(_ context: StepContext) async -> Outcome {
        guard let entity = context.world.entity(.booking, booking) else { return .skipped("no booking \(booking)") }
        return await Outcome.of(AnsweredValue.booking) {
            try await context.service.bookings.markNoShow(booking: entity.id, by: Actors.staff, idempotency: context.key(for: self))
        }
    }
}

/// `POST /bookings/{id}/check-in` by staff.
struct CheckInOperation: SimOperation {
    let booking: Ref

    var description: String { "check in booking \(booking)" }

    func run(_ context: StepContext) async -> Outcome {
        guard let entity = context.world.entity(.booking, booking) else { return .skipped("no booking \(booking)") }
        return await Outcome.of(AnsweredValue.booking) {
            try await context.service.bookings.checkIn(booking: entity.id, by: Actors.staff, idempotency: context.key(for: self))
        }
    }
}

/// `POST /bookings/{id}/cancel`: by the holder (its member, or staff on its
/// behalf) or by the center.
struct CancelOperation: SimOperation {
    let booking: Ref
    let byCenter: Bool
    let asMember: Bool

    var description: String { "cancel booking \(booking)" + (byCenter ? " by the center" : asMember ? " as member" : " by the holder") }

    func run(_ context: StepContext) async -> Outcome {
        guard let entity = context.world.entity(.booking, booking),
              let holder = context.world.entity(.registration, entity.owner) else { return .skipped("no booking \(booking)") }
        let actor = asMember ? Actors.member(holder.id) : Actors.staff
        return await Outcome.of(AnsweredValue.booking) {
            try await context.service.bookings.cancel(booking: entity.id, reason: byCenter ? "設備故障" : nil, byCenter: byCenter,
                                                      by: actor, idempotency: context.key(for: self))
        }
    }
}
