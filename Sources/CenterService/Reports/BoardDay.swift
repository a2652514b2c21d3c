import CalendarValues
import CenterDomain

/// Today at the center as the lobby board (本日の利用状況) shows it: each
/// room booked by division with the state of each division, and every
/// closure with its reason in Japanese. It holds no personal data: a booked
/// division says only that it is booked, never by whom or for what.
public struct BoardDay: Sendable {
    /// The state of one division of one room today.
    public enum SlotState: String, Sendable {
        /// 空き: nobody holds it.
        case free
        /// 予約あり: a live booking holds it.
        case booked
        /// 利用中: the booking holding it has checked in.
        case inUse = "in_use"
        /// 休館: the room is closed today.
        case closed
    }

    /// One room's row of the board.
    public struct Room: Sendable {
        public let id: FacilityID
        public let nameJa: String
        public let nameEn: String
        public let floor: Int?
        /// One state per division of `BoardDay.divisions`; nil where the room
        /// is not booked in that division.
        public let slots: [SlotState?]
        /// Why this room alone is closed today, in Japanese (closures of the
        /// whole center are in `BoardDay.closures` only); empty otherwise.
        public let closureReasons: [String]
    }

    /// One closure in force today, in Japanese.
    public struct Closure: Sendable, Hashable {
        /// 全館 or the names of the rooms it closes.
        public let scope: String
        public let reason: String
    }

    /// The flexible desks (フリーデスク) today: free desks per period, aligned
    /// with `BoardDay.divisions` (nil where desks have no such period).
    public struct Desks: Sendable {
        public let nameJa: String
        public let open: Bool
        public let periods: [DeskPeriodAvailability?]
    }

    public let date: LocalDate
    /// `令和8年11月25日(水)`.
    public let labelJa: String
    /// The divisions of the day, in order, with their times.
    public let divisions: [Division]
    public let rooms: [Room]
    public let desks: Desks
    public let closures: [Closure]
}
