import CalendarValues
import CenterDomain
import CenterService

extension EntityKind {
    public static let lease = EntityKind("locker_lease")
    public static let waitlistEntry = EntityKind("locker_waitlist")
}

/// 法人登記用ロッカー: leases (a corporation's number, a founder, a number that
/// is wrong), renewals, terminations, confirmed address moves, founders'
/// numbers, the waitlist and its offers accepted or declined.
public struct LockerOperations: OperationFamily {
    public let name = "lockers"

    static let active = "SELECT id FROM locker_leases WHERE state = 'active'"
    static let offered = "SELECT waitlist_id FROM locker_offers WHERE state = 'open'"

    public func weight(_ view: WorldView) -> Int { view.world.count(.registration) > 0 ? 12 : 0 }

    public func make(_ random: inout SimulationRandom, _ view: WorldView) throws -> (any SimOperation)? {
        let leases = view.world.all(.lease)
        let entries = view.world.all(.waitlistEntry)
        switch random.weighted([6, 2, leases.isEmpty ? 0 : 2, leases.isEmpty ? 0 : 2, leases.isEmpty ? 0 : 1,
                                leases.isEmpty ? 0 : 1, entries.isEmpty ? 0 : 3, entries.isEmpty ? 0 : 1]) ?? 0 {
        case 0:
            guard let holder = try view.someRegistration(&random) else { return nil }
            let lessee: LeaseOperation.Lessee = switch random.weighted([6, 3, 1, 1]) ?? 0 {
            case 0 where holder.detail != nil: .recorded
            case 0, 1: holder.detail == nil ? .founder : .recorded
            case 2: .number(CorporateNumbers.make(&random))
            default: .number("1234567890123")
            }
            let months = random.weighted([6, 3, 1, 1]).map { [6, 12, 3, 61][$0] } ?? 6
            let lockers = view.settings.center.lockers.ids
            return LeaseOperation(registration: holder.ref, startMonth: view.today.yearMonth.adding(months: random.weighted([5, 3, 1]).map {
                [0, random.int(1...12), 13][$0]
            } ?? 0), months: months, lessee: lessee, locker: random.chance(0.3) ? random.pick(lockers) : nil)
        case 1:
            return try view.someRegistration(&random).map { JoinWaitlistOperation(registration: $0.ref) }
        case 2:
            return try view.pick(&random, .lease, where: Self.active).map { LeaseChangeOperation(lease: $0.ref, change: .renew) }
        case 3:
            return try view.pick(&random, .lease, where: Self.active).map { LeaseChangeOperation(lease: $0.ref, change: .terminate) }
        case 4:
            return try view.pick(&random, .lease, where: "SELECT id FROM locker_leases WHERE state = 'ended'")
                .map { LeaseChangeOperation(lease: $0.ref, change: .addressMoved) }
        case 5:
            return try view.pick(&random, .lease, where: Self.active + " AND corporate_number IS NULL").map {
                LeaseChangeOperation(lease: $0.ref, change: .corporateNumber(CorporateNumbers.make(&random)))
            }
        case 6:
            return try view.pick(&random, .waitlistEntry, where: Self.offered)
                .map { OfferOperation(entry: $0.ref, accept: true, months: random.chance(0.9) ? 6 : 2) }
        default:
            return try view.pick(&random, .waitlistEntry, where: Self.offered).map { OfferOperation(entry: $0.ref, accept: false, months: 6) }
        }
    }
}

/// `POST /locker-leases` by staff.
struct LeaseOperation: SimOperation {
    /// Who the lessee is said to be.
    enum Lessee: Sendable {
        /// The corporate number the registration records (a founder when it records none).
        case recorded
        case founder
        case number(String)
    }

    let registration: Ref
    let startMonth: YearMonth
    let months: Int
    let lessee: Lessee
    let locker: FacilityID?

    var description: String {
        let who = switch lessee {
        case .recorded: "its recorded number"
        case .founder: "a founder"
        case .number(let n): "number \(n)"
        }
        return "lease \(locker.map(\.rawValue) ?? "any locker") from \(startMonth) for \(months) months to \(registration) as \(who)"
    }

    func request(for holder: Entity, today: LocalDate) -> LockerLeaseRequest {
        let check = LesseeCheck(document: "運転免許証", checkedBy: "窓口", checkedOn: today)
        switch lessee {
        case .recorded:
            return LockerLeaseRequest(registration: holder.id, locker: locker, startMonth: startMonth, months: months,
                                      corporateNumber: holder.detail, founder: holder.detail == nil, identityCheck: check)
        case .founder:
            return LockerLeaseRequest(registration: holder.id, locker: locker, startMonth: startMonth, months: months, founder: true,
                                      identityCheck: check)
        case .number(let number):
            return LockerLeaseRequest(registration: holder.id, locker: locker, startMonth: startMonth, months: months,
                                      corporateNumber: number, identityCheck: check)
        }
    }

    func run(_ context: StepContext) async -> Outcome {
        guard let holder = context.world.entity(.registration, registration) else { return .skipped("no registration \(registration)") }
        let request = request(for: holder, today: context.today)
        return await Outcome.of(AnsweredValue.lease) {
            try await context.service.lockers.lease(request, by: Actors.staff, idempotency: context.key(for: self))
        }
    }

    func learn(from outcome: Outcome, step: Int, world: World) {
        guard case .lease(let lease)? = outcome.answer?.value else { return }
        world.add(Entity(kind: .lease, ref: Ref(step: step), id: lease.id, owner: registration))
    }
}

/// A change to a lease by staff: renew, terminate, confirm the address
/// move, or a founder's corporate number.
struct LeaseChangeOperation: SimOperation {
    /// What is done to the lease.
    enum Change: Sendable {
        case renew, terminate, addressMoved
        case corporateNumber(String)
    }

    let lease: Ref
    let change: Change

    var description: String {
        switch change {
        case .renew: "renew lease \(lease)"
        case .terminate: "terminate lease \(lease)"
        case .addressMoved: "confirm the address move of lease \(lease)"
        case .corporateNumber(let number): "supply corporate number \(number) for lease \(lease)"
        }
    }

    func run(_ context: StepContext) async -> Outcome {
        guard let entity = context.world.entity(.lease, lease) else { return .skipped("no lease \(lease)") }
        let lockers = context.service.lockers, key = context.key(for: self)
        return await Outcome.of(AnsweredValue.lease) {
            switch change {
            case .renew: try await lockers.renew(lease: entity.id, by: Actors.staff, idempotency: key)
            case .terminate: try await lockers.terminate(lease: entity.id, by: Actors.staff, idempotency: key)
            case .addressMoved: try await lockers.confirmAddressMoved(lease: entity.id, by: Actors.staff, idempotency: key)
            case .corporateNumber(let number):
                try await lockers.supplyCorporateNumber(lease: entity.id, number: number, by: Actors.staff, idempotency: key)
            }
        }
    }
}

/// `POST /locker-waitlist` by staff.
struct JoinWaitlistOperation: SimOperation {
    let registration: Ref

    var description: String { "put \(registration) on the locker waitlist" }

    func run(_ context: StepContext) async -> Outcome {
        guard let holder = context.world.entity(.registration, registration) else { return .skipped("no registration \(registration)") }
        return await Outcome.of(AnsweredValue.waitlistEntry) {
            try await context.service.lockers.joinWaitlist(registration: holder.id, note: "", by: Actors.staff,
                                                           idempotency: context.key(for: self))
        }
    }

    func learn(from outcome: Outcome, step: Int, world: World) {
        guard case .waitlistEntry(let entry)? = outcome.answer?.value else { return }
        world.add(Entity(kind: .waitlistEntry, ref: Ref(step: step), id: entry.id, owner: registration))
    }
}

/// `POST /locker-offers/{id}/accept` or `…/decline` for the open offer of a
/// waitlist entry.
struct OfferOperation: SimOperation {
    let entry: Ref
    let accept: Bool
    let months: Int

    var description: String { accept ? "accept the offer of \(entry) for \(months) months" : "decline the offer of \(entry)" }

    func run(_ context: StepContext) async -> Outcome {
        guard let entity = context.world.entity(.waitlistEntry, entry),
              let holder = context.world.entity(.registration, entity.owner) else { return .skipped("no entry \(entry)") }
        let lockers = context.service.lockers
        guard let offer = (try? await lockers.waitlist())?.first(where: { $0.id == entity.id })?.offer else {
            return .skipped("entry \(entry) holds no offer")
        }
        if !accept {
            return await Outcome.of(AnsweredValue.offer) {
                try await lockers.declineOffer(id: offer.id, by: Actors.staff, idempotency: context.key(for: self))
            }
        }
        let terms = LeaseOperation(registration: entity.owner ?? entry, startMonth: context.today.yearMonth, months: months,
                                   lessee: .recorded, locker: nil)
        return await Outcome.of(AnsweredValue.lease) {
            try await lockers.acceptOffer(id: offer.id, terms.request(for: holder, today: context.today), by: Actors.staff,
                                          idempotency: context.key(for: self))
        }
    }

    func learn(from outcome: Outcome, step: Int, world: World) {
        guard case .lease(let lease)? = outcome.answer?.value,
              let owner = world.entity(.waitlistEntry, entry)?.owner else { return }
        world.add(Entity(kind: .lease, ref: Ref(step: step), id: lease.id, owner: owner))
    }
}
