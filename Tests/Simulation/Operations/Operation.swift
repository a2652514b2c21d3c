import CalendarValues
import CenterDomain
import CenterService

/// One step's operation, as data: what a client (the front desk, a member,
/// a planner) or the world (the clock, the timers, a crash) does. It holds
/// every choice the generator made, and refers to entities by `Ref`, so the
/// same list of operations replays the same run and a shorter list (a step
/// dropped by the shrinker) still makes sense.
public protocol SimOperation: Sendable, CustomStringConvertible {
    /// Whether it is sent with an Idempotency-Key, so it may be retried.
    var isKeyed: Bool { get }
    /// Runs it; a missing reference skips it.
    func run(_ context: StepContext) async -> Outcome
    /// What the clients learn from its outcome (the ids of what it made).
    func learn(from outcome: Outcome, step: Int, world: World)
    /// The request a retry sends again: the operation itself, or the one
    /// a fault was wrapped around.
    var request: any SimOperation { get }
}

extension SimOperation {
    public var isKeyed: Bool { true }
    public func learn(from outcome: Outcome, step: Int, world: World) {}
    public var request: any SimOperation { self }
}

/// A family of operations (one file each): how often it is drawn in the
/// present state of the world, and how it draws one operation. A family
/// that lands later (lotteries, waiting lists) is one more file and one more
/// entry in `OperationCatalogue.families`.
public protocol OperationFamily: Sendable {
    var name: String { get }
    func weight(_ view: WorldView) -> Int
    func make(_ random: inout SimulationRandom, _ view: WorldView) throws -> (any SimOperation)?
}

/// What a generator may look at: the clients' knowledge, the clock, the
/// configuration, and (to aim at entities in a useful state, say a booking
/// still to be paid) the database through the checker's connection.
public struct WorldView {
    public let world: World
    public let center: SimulatedCenter
    public var now: Instant { center.now }
    public var today: LocalDate { center.today }
    public var settings: CenterSettings { center.settings }
    public var db: DatabaseReader { center.reader }
}

/// The families drawn from, with the faults that wrap them.
public enum OperationCatalogue {
    /// The operations of the center and of the world.
    public static let families: [any OperationFamily] = [
        RegistrationOperations(),
        BookingOperations(),
        ClosureOperations(),
        MoneyOperations(),
        FrontDeskOperations(),
        LotteryOperations(),
        WaitingListOperations(),
        SeriesOperations(),
        RoadmapOperations(),
        DeskOperations(),
        LockerOperations(),
        StorageOperations(),
        RaceOperations(),
        ClockOperations(),
        TimerOperations(),
    ]

    /// Faults drawn around the operations above (a failing commit, a death
    /// before the answer, a retry, a reused key).
    public static let faults = FaultOperations()
}

/// What an operation runs with: the center, the clients' knowledge, its
/// step's Idempotency-Key, and the evidence it gathers for the invariants
/// (answers to compare, images around a death or a repeated timer).
public final class StepContext {
    public let center: SimulatedCenter
    public let world: World
    public let step: Int
    public let plan: TableImages.Plan
    let imageCache: TableImages.Cache
    public internal(set) var evidence = StepEvidence()
    /// The step whose key a request is sent with (a retry sends its first
    /// step's), and what is added to its body's hash (a reused key sends
    /// another body).
    var keyStep: Int?
    var keySalt = ""

    init(center: SimulatedCenter, world: World, step: Int, plan: TableImages.Plan, imageCache: TableImages.Cache = TableImages.Cache()) {
        self.center = center
        self.world = world
        self.step = step
        self.plan = plan
        self.imageCache = imageCache
    }

    public var service: CenterService { center.service }
    public var now: Instant { center.now }
    public var today: LocalDate { center.today }

    /// The step's Idempotency-Key for `operation`: the step names the key,
    /// the operation's description stands for the request's body.
    public func key(for operation: any SimOperation) -> IdempotencyKey? {
        try? IdempotencyKey(key: Self.key(step: keyStep ?? step), requestHash: Array((operation.description + keySalt).utf8))
    }

    /// The Idempotency-Key of step `step`.
    public static func key(step: Int) -> String { "sim-\(step)" }

    /// Whether the service holds an answer recorded under step `step`'s key.
    func keyRecorded(step: Int) -> Bool {
        ((try? center.reader.int("SELECT count(*) FROM idempotency_keys WHERE key = ?", [.text(Self.key(step: step))])) ?? 0) > 0
    }

    /// Whether step `step`'s key holds the answer of another request than
    /// `operation` as that step sent it, or with another body when `salt`
    /// is given (a reused key whose first request was refused unrecorded on
    /// its arrival): sending it is then refused `idempotency_key_reused`.
    func keyHeldByAnother(step: Int, operation: any SimOperation, salt: String = "") -> Bool {
        let hash = (operation.description + salt).utf8.map { byte in
            String(UInt16(byte) + 0x100, radix: 16, uppercase: true).dropFirst()
        }.joined()
        let held = try? center.reader.int("SELECT count(*) FROM idempotency_keys WHERE key = ? AND hex(request_hash) <> ?",
                                          [.text(Self.key(step: step)), .text(hash)])
        return (held ?? 0) > 0
    }

    /// Runs `operation` as step `step` sent it, or with another body when `salt` is given.
    func resend(_ operation: any SimOperation, asStep step: Int, salt: String = "") async -> Outcome {
        let saved = (keyStep, keySalt)
        keyStep = step
        keySalt = salt
        defer { (keyStep, keySalt) = saved }
        return await operation.run(self)
    }

    /// The images of every table now (the large ones too when `full`).
    public func images(full: Bool = false) throws -> TableImages {
        try imageCache.images(center, plan: plan, full: full).images
    }
}

/// What a step observed beside its outcome, for the invariants that judge it.
public struct StepEvidence: Sendable {
    /// A request sent again with its first Idempotency-Key: the first
    /// answer and the second.
    public struct Replay: Sendable {
        public let step: Int
        public let first: Outcome
        public let again: Outcome
        /// Whether the first answer was recorded under its key when the
        /// request was sent again (a booking refused on its arrival snapshot
        /// is not: docs/API.md "Idempotency").
        public let recorded: Bool
        /// Whether an answer was recorded under the key once it was sent again.
        public var recordedAfter = true
        /// Whether the request is judged on an arrival snapshot whose
        /// refusal is not recorded (a room booking, `POST /bookings`); any
        /// other request leaves only a refusal of the request itself, made
        /// before the write, unrecorded, and that is the same on a retry.
        public var decidedOnArrival = false
        /// Whether the key held another request's answer when it was sent
        /// again: the retry must be refused `idempotency_key_reused`.
        public var heldByAnother = false
    }

    /// The database before a death and after the restart, in full.
    public struct Death: Sendable {
        public let before: TableImages
        public let after: TableImages
    }

    /// The database after a timer's round and after the same round run again.
    public struct Repeat: Sendable {
        public let what: String
        public let first: TableImages
        public let second: TableImages
    }

    public var replays: [Replay] = []
    public var deaths: [Death] = []
    public var repeats: [Repeat] = []
    /// A step's key sent with another body: the outcome, and whether the
    /// key held the recorded answer of another request than this body when
    /// it was sent (a key that holds this body's own answer replays it).
    public var reusedKeys: [(step: Int, outcome: Outcome, recorded: Bool)] = []
    /// The operation only reads (a dry run, a report): it must change nothing.
    public var readOnly = false
    /// A registration search and what the service found.
    public struct Search: Sendable {
        public let search: RegistrationSearch
        public let query: String
        public let found: [Int64]
    }
    public var searches: [Search] = []
    /// A round of the timers: the instant it ran at and the timers whose
    /// round succeeded (a failing commit may fail one).
    public struct TimerRound: Sendable {
        public let at: Instant
        public let succeeded: Set<String>
    }
    public var timers: TimerRound?
}

/// The actors of the simulation: the front desk, a planner, and each
/// registration's own member account.
public enum Actors {
    public static let staff = Actor(tokenID: 1, role: .staff, name: "Front desk", registrationID: nil)
    public static let planner = Actor(tokenID: 2, role: .planner, name: "Planner", registrationID: nil)

    public static func member(_ registration: Int64) -> Actor {
        Actor(tokenID: 1000 + registration, role: .member, name: "Member \(registration)", registrationID: registration)
    }
}

extension WorldView {
    /// An entity of `kind` whose id `sql` selects (`?1` is today's date,
    /// `?2` now in epoch seconds; nil when it selects none), `chance` of
    /// the time; any entity of `kind` otherwise.
    public func pick(_ random: inout SimulationRandom, _ kind: EntityKind, chance: Double = 0.85,
                     where sql: String) throws -> Entity? {
        let all = world.all(kind)
        guard random.chance(chance) else { return random.pick(all) }
        let ids = Set(try db.rows(sql, [.text(today.description), .int(now.secondsSinceEpoch)]).compactMap { $0.first?.int })
        let wanted = all.filter { ids.contains($0.id) }
        return random.pick(wanted)
    }
}
