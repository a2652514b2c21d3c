import CalendarValues

/// The state of one locker on a day (ロッカーの状況): free, leased, held for a
/// waitlist offer, or cooling off after a lease until the registered-address
/// move is confirmed or the cooling-off period passes (本店移転登記待ち).
///
/// Source: docs/DOMAIN.md "Mobile lockers"; the re-let date is
/// `LockerLeaseTerms.relettableFrom`.
public enum LockerStatus: Hashable, Sendable {
    case free
    /// An active lease; `end` is its last day.
    case leased(leaseEnd: LocalDate)
    /// Held for an open offer; `until` is the last day it may be accepted.
    case offered(until: LocalDate)
    /// After a lease; `until` is the last day the locker is unavailable.
    case coolingOff(until: LocalDate)

    /// The status on `today` from what holds the locker: an active lease, an
    /// open offer, and the latest re-let date of its ended leases. A lease
    /// outranks an offer, and an offer outranks cooling off.
    public static func on(_ today: LocalDate, activeLeaseEnd: LocalDate?, openOfferUntil: LocalDate?,
                          relettableFrom: LocalDate?) -> LockerStatus {
        if let activeLeaseEnd { return .leased(leaseEnd: activeLeaseEnd) }
        if let openOfferUntil { return .offered(until: openOfferUntil) }
        if let relettableFrom, relettableFrom > today { return .coolingOff(until: relettableFrom.adding(days: -1)) }
        return .free
    }

    public var isFree: Bool { self == .free }

    /// The status without its date, as the API names it.
    public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
        case free, leased, offered
        case coolingOff = "cooling_off"
    }

    public var kind: Kind {
        switch self {
        case .free: .free
        case .leased: .leased
        case .offered: .offered
        case .coolingOff: .coolingOff
        }
    }

    /// The last day of the current hold, nil when free.
    public var until: LocalDate? {
        switch self {
        case .free: nil
        case .leased(let end): end
        case .offered(let until), .coolingOff(let until): until
        }
    }

    /// The first locker of `ids` (in configuration order) that is free, nil when none is.
    public static func firstFree(of ids: [FacilityID], statuses: [FacilityID: LockerStatus]) -> FacilityID? {
        ids.first { (statuses[$0] ?? .free).isFree }
    }
}
