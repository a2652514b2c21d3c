import CalendarValues

/// The locker waitlist (ロッカー空き待ち): applicants are offered a freed locker
/// in order of application, the earliest first; ties on the same instant go
/// to the earlier entry id. Whoever declines or lets an offer expire leaves
/// the list, and the locker goes to the next in line.
///
/// Source: docs/DOMAIN.md "Mobile lockers" ("Waitlist in order of application; an
/// offer is held 7 days").
public enum LockerWaitlist {
    /// One waiting application.
    public struct Entry: Hashable, Sendable {
        public let id: Int64
        public let appliedAt: Instant

        public init(id: Int64, appliedAt: Instant) {
            self.id = id
            self.appliedAt = appliedAt
        }
    }

    /// The waiting entries in the order they are served.
    public static func order(_ entries: [Entry]) -> [Entry] {
        entries.sorted { ($0.appliedAt, $0.id) < ($1.appliedAt, $1.id) }
    }

    /// Pairs free lockers (in configuration order) with waiting entries (in
    /// application order): one offer per locker, as many as both allow.
    public static func offers(freeLockers: [FacilityID], waiting: [Entry]) -> [(locker: FacilityID, entry: Entry)] {
        Array(zip(freeLockers, order(waiting))).map { (locker: $0.0, entry: $0.1) }
    }

    /// Whether an offer held until `until` (its last day) has expired on `today`.
    public static func offerExpired(until: LocalDate, today: LocalDate) -> Bool { today > until }
}
