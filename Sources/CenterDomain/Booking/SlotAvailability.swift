import CalendarValues

/// What one division of one day of a room is in the availability (空き状況).
public enum SlotStatus: Hashable, Sendable {
    /// The room is closed that day (休館日, 臨時休館, works).
    case closed
    /// A live booking holds it.
    case booked
    /// It can no longer be booked: the day is past, today's division is
    /// over (`DivisionCutoff`), or the category's last booking day passed.
    case windowClosed
    /// The asking category's window opens on `opens`.
    case notOpen(opens: LocalDate)
    /// Held for community groups (地域の方の利用枠) until `releaseDate`.
    case held(releaseDate: LocalDate)
    case free

    /// The status as the API names it.
    public enum Name: String, Sendable, Hashable, CaseIterable, Codable {
        case free, booked, closed, held
        case notOpen = "not_open"
        case windowClosed = "window_closed"
        /// Freed, and held for its cancellation waiting list (キャンセル待ち):
        /// offered, or about to be, to a waiting registration.
        case waitingList = "waiting_list"
    }

    public var name: Name {
        switch self {
        case .closed: .closed
        case .booked: .booked
        case .windowClosed: .windowClosed
        case .notOpen: .notOpen
        case .held: .held
        case .free: .free
        }
    }
}

/// The availability of a room's divisions as one category sees them at one
/// moment: the same rules `POST /bookings` applies, asked in advance, so a
/// slot shown free is one the category may book now (docs/API.md
/// "The checks of a booking"). The first that holds decides: closed, booked,
/// window closed, not yet open, held for the community quota, else free.
public struct SlotAvailability: Sendable {
    public let now: Instant
    /// The center's divisions, for today's cut-off (`DivisionCutoff`).
    public let divisions: [Division]
    /// The asking category's window; nil when no category is asked (or it
    /// books no rooms), and then no window closes or opens a slot.
    public let window: CategoryWindow?
    /// Whether the asking category is a community group, whose share the
    /// quota holds; nil when no category is asked (then the quota applies).
    public let category: UserCategory?
    /// The facility's community quota, nil when it has none.
    public let quota: CommunityQuota?
    /// The calendar a window's opening rolls forward on (closed days).
    public let calendar: CenterCalendar

    public init(now: Instant, divisions: [Division], window: CategoryWindow?, category: UserCategory?,
                quota: CommunityQuota?, calendar: CenterCalendar) {
        self.now = now
        self.divisions = divisions
        self.window = window
        self.category = category
        self.quota = quota
        self.calendar = calendar
        today = now.japanDate
    }

    /// Today in Japan at `now`, worked out once.
    public let today: LocalDate

    /// The status of `division` on `date`, given whether the room is closed
    /// that day, whether a live booking holds the division, and whether the
    /// non-community share of a month is used up (asked only for a date the
    /// quota still protects).
    public func status(of division: DivisionID, on date: LocalDate, closed: Bool, booked: Bool,
                       shareUsedUp: (YearMonth) -> Bool) -> SlotStatus {
        day(date).status(of: division, closed: closed, booked: booked, shareUsedUp: shareUsedUp)
    }

    /// What decides every division of `date` alike, worked out once for the
    /// day: the window's closing and opening, the quota's protection.
    public func day(_ date: LocalDate) -> Day {
        day(date, opening: { window?.opens?.opening.opening(for: $0, in: calendar) })
    }

    /// `day(_:)` of each of `dates`, the window's opening (a roll past closed
    /// days) worked out once for each day it counts from: once a month for a
    /// `first_of_month` window, as a month's availability asks it.
    public func days(_ dates: [LocalDate]) -> [Day] {
        guard let opening = window?.opens?.opening else { return dates.map { day($0, opening: { _ in nil }) } }
        var known: [LocalDate: LocalDate] = [:]
        return dates.map { date in
            day(date, opening: { useDate in
                let from = opening.unrolledDay(for: useDate)
                if let opens = known[from] { return opens }
                let opens = opening.rolledForward(from, in: calendar)
                known[from] = opens
                return opens
            })
        }
    }

    private func day(_ date: LocalDate, opening: (LocalDate) -> LocalDate?) -> Day {
        let today = self.today
        if date < today || window.map({ today > $0.lastBookingDay(for: date) }) == true {
            return Day(date: date, now: now, rule: .windowClosed, cutoffs: [])
        }
        let cutoffs = date == today ? divisions : []
        if let opens = opening(date), today < opens { return Day(date: date, now: now, rule: .notOpen(opens: opens), cutoffs: cutoffs) }
        if let quota, category?.isCommunity != true, quota.isProtected(useDate: date, today: today) {
            return Day(date: date, now: now, rule: .protected(releaseDate: quota.releaseDate(for: date)), cutoffs: cutoffs)
        }
        return Day(date: date, now: now, rule: .free, cutoffs: cutoffs)
    }

    /// One day as `SlotAvailability` sees it, before a division is named.
    public struct Day: Sendable {
        /// What the day's rules say of every division not closed, booked or over.
        enum Rule: Sendable {
            case windowClosed
            case notOpen(opens: LocalDate)
            /// Held when the month's non-community share is used up.
            case protected(releaseDate: LocalDate)
            case free
        }

        public let date: LocalDate
        let now: Instant
        let rule: Rule
        /// Today's divisions, whose cut-off closes them (`DivisionCutoff`); empty on another day.
        let cutoffs: [Division]

        /// The status of `division` that day (`SlotAvailability.status`).
        public func status(of division: DivisionID, closed: Bool, booked: Bool, shareUsedUp: (YearMonth) -> Bool) -> SlotStatus {
            if closed { return .closed }
            if booked { return .booked }
            if !cutoffs.isEmpty, cutoffs.first(where: { $0.id == division })
                .flatMap({ DivisionCutoff.end(of: $0, on: date) }).map({ now >= $0 }) == true {
                return .windowClosed
            }
            switch rule {
            case .windowClosed: return .windowClosed
            case .notOpen(let opens): return .notOpen(opens: opens)
            case .protected(let release): return shareUsedUp(date.yearMonth) ? .held(releaseDate: release) : .free
            case .free: return .free
            }
        }
    }
}
