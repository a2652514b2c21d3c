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
    }

    public var today: LocalDate { now.japanDate }

    /// The status of `division` on `date`, given whether the room is closed
    /// that day, whether a live booking holds the division, and whether the
    /// non-community share of a month is used up (asked only for a date the
    /// quota still protects).
    public func status(of division: DivisionID, on date: LocalDate, closed: Bool, booked: Bool,
                       shareUsedUp: (YearMonth) -> Bool) -> SlotStatus {
        if closed { return .closed }
        if booked { return .booked }
        let today = self.today
        let over = date == today && divisions.first { $0.id == division }
            .flatMap { DivisionCutoff.end(of: $0, on: date) }.map { now >= $0 } == true
        if date < today || over || window.map({ today > $0.lastBookingDay(for: date) }) == true { return .windowClosed }
        if let opening = window?.opens?.opening {
            let opens = opening.opening(for: date, in: calendar)
            if today < opens { return .notOpen(opens: opens) }
        }
        if let quota, category?.isCommunity != true, quota.isProtected(useDate: date, today: today),
           shareUsedUp(date.yearMonth) {
            return .held(releaseDate: quota.releaseDate(for: date))
        }
        return .free
    }
}
