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
        // One pass over the statuses in priority order (the availability
        // combines one per slot of a month: no array is made but the two kept).
        let ordered = statuses.indices.dropFirst().allSatisfy { statuses[$0 - 1].category < statuses[$0].category }
            ? statuses : statuses.sorted { $0.category < $1.category }
        var bookableBy: [UserCategory] = [], openings: [Opening] = []
        var earliestOpening: LocalDate?, earliestRelease: LocalDate?, windowClosed = false, agree = true
        for entry in ordered {
            switch entry.status {
            case .free: bookableBy.append(entry.category)
            case .notOpen(let opens):
                openings.append(Opening(category: entry.category, opens: opens))
                earliestOpening = min(earliestOpening ?? opens, opens)
            case .held(let release): earliestRelease = min(earliestRelease ?? release, release)
            case .windowClosed: windowClosed = true
            case .closed, .booked: break
            }
            if agree, entry.status != ordered[0].status { agree = false }
        }
        self.bookableBy = bookableBy
        self.openings = openings
        if let first = ordered.first, agree {
            status = first.status
        } else if let earliestOpening {
            status = .notOpen(opens: earliestOpening)
        } else if let earliestRelease {
            status = .held(releaseDate: earliestRelease)
        } else if ordered.isEmpty || windowClosed {
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
