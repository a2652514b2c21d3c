import CalendarValues

/// A slot as every category that books rooms sees it, for an asker who
/// names no category (anonymous, or staff looking in general): `free` only
/// where every such category may book it now, and otherwise who may book it
/// now and when it opens for the others (docs/DOMAIN.md "Availability for
/// every category").
///
/// The combined status is, in this order: the one status every category
/// sees, when they agree; else `not_open` (opening on the earliest day a
/// category not yet open gets its window) when some category's window has
/// not opened; else `held` (community quota) when some category is held;
/// else `window_closed` (a category's last booking day passed, as community
/// groups' does 3 days before use). Our decision: a slot shown free must be
/// bookable by whoever reads it, and the list says who else may book.
public struct CategorySlot: Hashable, Sendable {
    /// When one category's window opens for the slot.
    public struct Opening: Hashable, Sendable {
        public let category: UserCategory
        public let opens: LocalDate
    }

    public let status: SlotStatus
    /// The categories that may book it now, in priority order; empty when
    /// none may.
    public let bookableBy: [UserCategory]
    /// The categories whose window has not opened yet, with the day it
    /// opens, in priority order.
    public let openings: [Opening]

    /// Combines each category's status of one slot (`SlotAvailability.status`
    /// asked as that category). With no category at all (none books rooms)
    /// the slot is `window_closed`.
    public init(statuses: [(category: UserCategory, status: SlotStatus)]) {
        let ordered = statuses.sorted { $0.category < $1.category }
        bookableBy = ordered.filter { $0.status == .free }.map(\.category)
        openings = ordered.compactMap { entry in
            if case .notOpen(let opens) = entry.status { return Opening(category: entry.category, opens: opens) }
            return nil
        }
        let all = ordered.map(\.status)
        let held = all.compactMap { status -> LocalDate? in
            if case .held(let release) = status { return release }
            return nil
        }
        if let first = all.first, all.allSatisfy({ $0 == first }) {
            status = first
        } else if let earliest = openings.map(\.opens).min() {
            status = .notOpen(opens: earliest)
        } else if let release = held.min() {
            status = .held(releaseDate: release)
        } else if all.isEmpty || all.contains(.windowClosed) {
            status = .windowClosed
        } else {
            status = .free
        }
    }
}

extension SlotAvailability {
    /// The categories that book `kind` with a window of their own, highest
    /// priority first: those a slot is asked for when no category is named.
    public static func roomCategories(_ windows: [CategoryWindow], kind: FacilityKind) -> [CategoryWindow] {
        windows.filter { $0.opens != nil && $0.kinds.contains(kind) }.sorted { $0.category < $1.category }
    }
}
