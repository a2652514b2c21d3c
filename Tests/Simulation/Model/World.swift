import CalendarValues
import CenterDomain
import CenterService

/// An entity the simulation made, named by the step that made it, so a step
/// that refers to it means the same entity once earlier steps are dropped
/// (shrinking); a reference to a dropped step resolves to nothing and the
/// step that holds it is skipped.
public struct Ref: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let step: Int
    /// Which of the entities the step made (0 for most steps).
    public let index: Int

    public init(step: Int, index: Int = 0) {
        self.step = step
        self.index = index
    }

    public static func < (a: Ref, b: Ref) -> Bool { (a.step, a.index) < (b.step, b.index) }
    public var description: String { index == 0 ? "#\(step)" : "#\(step).\(index)" }
}

/// What kind of entity a `Ref` names. Each operation family declares its own
/// (`extension EntityKind { static let booking = ... }`), so a family added
/// later needs no change here.
public struct EntityKind: Hashable, Sendable, CustomStringConvertible {
    public let name: String
    public init(_ name: String) { self.name = name }
    public var description: String { name }
}

/// One entity as the simulation knows it from the answers: its id in the
/// service, the registration it belongs to, and the facts generators use.
public struct Entity: Sendable {
    public let kind: EntityKind
    public let ref: Ref
    public let id: Int64
    /// The registration that holds it (nil for a registration itself).
    public let owner: Ref?
    public let category: UserCategory?
    /// A free fact a family keeps (a facility, a corporate number).
    public let detail: String?

    public init(kind: EntityKind, ref: Ref, id: Int64, owner: Ref? = nil, category: UserCategory? = nil,
                detail: String? = nil) {
        self.kind = kind
        self.ref = ref
        self.id = id
        self.owner = owner
        self.category = category
        self.detail = detail
    }
}

/// What the simulated clients know: the entities their answers told them
/// of, by `Ref`, and the outcome of every step, for retries. Only answers
/// fill it, never the database.
public final class World {
    private var entities: [EntityKind: [Ref: Entity]] = [:]
    private var order: [EntityKind: [Ref]] = [:]
    /// Each step's outcome as its client saw it.
    public private(set) var outcomes: [Int: Outcome] = [:]
    /// The operation of each step that ran, for retries.
    public private(set) var operations: [Int: any SimOperation] = [:]

    /// Steps whose key a retry has just bound: their first answer was not
    /// recorded under it (a booking refused on its arrival snapshot,
    /// docs/API.md "Idempotency") and the retry's was, so the key's answer,
    /// and what the step made, is the retry's from then on.
    var keysBoundByRetry: Set<Int> = []

    /// Bookings judged on their arrival snapshot whose writer has not run
    /// yet, by the step they arrived at (`ArriveOperation`).
    var waitingWriters: [Int: WaitingWriter] = [:]

    public init() {}

    public func add(_ entity: Entity) {
        if entities[entity.kind, default: [:]][entity.ref] == nil { order[entity.kind, default: []].append(entity.ref) }
        entities[entity.kind, default: [:]][entity.ref] = entity
    }

    public func entity(_ kind: EntityKind, _ ref: Ref?) -> Entity? {
        guard let ref else { return nil }
        return entities[kind]?[ref]
    }

    /// Every entity of `kind`, in the order they were made.
    public func all(_ kind: EntityKind) -> [Entity] {
        (order[kind] ?? []).compactMap { entities[kind]?[$0] }
    }

    public func count(_ kind: EntityKind) -> Int { order[kind]?.count ?? 0 }

    func record(step: Int, operation: any SimOperation, outcome: Outcome) {
        outcomes[step] = outcome
        operations[step] = operation
    }
}
