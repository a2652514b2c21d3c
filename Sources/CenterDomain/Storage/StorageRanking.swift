import CalendarValues

/// Ranking of equipment-storage applications (備品倉庫の割当て) for one fiscal
/// year: applications are served by category priority (1 first), then in
/// order of application; each gets the first bay, in configuration order,
/// with room for all its units (an allocation is never split across bays).
/// An application that fits nowhere stays unallocated; a smaller one behind
/// it may still fit. A bay never holds more units than its capacity.
///
/// Source: docs/DOMAIN.md "Equipment storage" ("Allocation applications are ranked
/// by category priority"); priorities from `StorageConfiguration`.
public enum StorageRanking {
    /// One application waiting for an allocation.
    public struct Application: Hashable, Sendable {
        public let id: Int64
        public let priority: Int
        public let appliedAt: Instant
        public let units: Int

        public init(id: Int64, priority: Int, appliedAt: Instant, units: Int) {
            self.id = id
            self.priority = priority
            self.appliedAt = appliedAt
            self.units = units
        }
    }

    /// A bay with its capacity and the units already allocated this year.
    public struct Bay: Hashable, Sendable {
        public let id: FacilityID
        public let capacity: Int
        public let allocated: Int

        public init(id: FacilityID, capacity: Int, allocated: Int) {
            self.id = id
            self.capacity = capacity
            self.allocated = allocated
        }

        public var free: Int { max(0, capacity - allocated) }
    }

    /// One application placed in a bay.
    public struct Allocation: Hashable, Sendable {
        public let application: Int64
        public let bay: FacilityID

        public init(application: Int64, bay: FacilityID) {
            self.application = application
            self.bay = bay
        }
    }

    /// The outcome: which application goes to which bay, and which could not be placed.
    public struct Outcome: Hashable, Sendable {
        public var allocations: [Allocation] = []
        public var unallocated: [Int64] = []
    }

    /// Applications in the order they are served.
    public static func order(_ applications: [Application]) -> [Application] {
        applications.sorted { ($0.priority, $0.appliedAt, $0.id) < ($1.priority, $1.appliedAt, $1.id) }
    }

    /// Ranks `applications` into `bays`.
    public static func allocate(_ applications: [Application], bays: [Bay]) -> Outcome {
        var free = bays.map(\.free)
        var outcome = Outcome()
        for application in order(applications) {
            if let index = free.indices.first(where: { free[$0] >= application.units }) {
                free[index] -= application.units
                outcome.allocations.append(Allocation(application: application.id, bay: bays[index].id))
            } else {
                outcome.unallocated.append(application.id)
            }
        }
        return outcome
    }
}
