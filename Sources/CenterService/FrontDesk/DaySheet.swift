import CalendarValues
import CenterDomain

/// The front desk's sheet of one day (本日の予約一覧): every room by division
/// with the booking holding it, every booking and desk pass of the day with
/// who holds it, how to reach them, its state, what is still due and the
/// check-in. Personal data: staff only.
public struct DaySheet: Sendable, Encodable {
    /// A booking in use on the day.
    public struct BookingLine: Sendable, Encodable {
        public let booking: Int64
        public let holder: Holder
        public let state: BookingState
        public let stateJa: String
        public let purpose: String
        public let attendees: Int
        public let divisions: [DivisionID]
        /// Which day of the booking this is (1-based) and how many it has.
        public let day: Int
        public let days: Int
        public let feeTotal: Int
        /// Yen paid as the booking records it (its fee once paid).
        public let paid: Int
        /// Yen still to collect: the fee less what is paid, for a live
        /// booking; a no-show's or a finished booking's nothing.
        public let amountDue: Int
        public let paymentDeadline: Instant
        public let checkedInAt: Instant?
        /// From when staff may mark it a no-show today: the start of its
        /// first division (`RoomNoShow`).
        public let noShowFrom: Instant?
        public let guardian: String?

        enum CodingKeys: String, CodingKey {
            case booking, holder, state, purpose, attendees, divisions, day, days, paid, guardian
            case stateJa = "state_ja", feeTotal = "fee_total", amountDue = "amount_due"
            case paymentDeadline = "payment_deadline", checkedInAt = "checked_in_at", noShowFrom = "no_show_from"
        }
    }

    /// One division of a room: the live booking holding it, if any.
    public struct Slot: Sendable, Encodable {
        public let division: DivisionID
        public let nameJa: String
        public let start: String
        public let end: String
        public let booking: Int64?

        enum CodingKeys: String, CodingKey { case division, start, end, booking, nameJa = "name_ja" }
    }

    /// One room on the day.
    public struct Room: Sendable, Encodable {
        public let facility: FacilityID
        public let nameJa: String
        public let open: Bool
        public let closures: [ClosureReason]
        public let divisions: [Slot]
        public let bookings: [BookingLine]

        enum CodingKeys: String, CodingKey { case facility, open, closures, divisions, bookings, nameJa = "name_ja" }
    }

    /// A desk pass of the day.
    public struct DeskPassLine: Sendable, Encodable {
        public let deskPass: Int64
        public let desk: FacilityID
        public let period: String
        public let holder: Holder
        public let state: DeskPassState
        public let stateJa: String
        public let fee: Int
        /// Desk passes record no payment: their fee is due at the counter
        /// until the pass is used, cancelled or released.
        public let amountDue: Int
        public let checkInDeadline: Instant
        public let checkedInAt: Instant?

        enum CodingKeys: String, CodingKey {
            case desk, period, holder, state, fee
            case deskPass = "desk_pass", stateJa = "state_ja", amountDue = "amount_due"
            case checkInDeadline = "check_in_deadline", checkedInAt = "checked_in_at"
        }
    }

    public let date: LocalDate
    public let labelJa: String
    /// Whether the whole center is open (a room may still be closed on its own).
    public let open: Bool
    public let rooms: [Room]
    public let deskPasses: [DeskPassLine]
    /// Yen still to collect today over every booking and pass listed.
    public let amountDue: Int

    enum CodingKeys: String, CodingKey {
        case date, open, rooms, labelJa = "label_ja", deskPasses = "desk_passes", amountDue = "amount_due"
    }
}

extension DeskPassState {
    /// The state as the counter says it.
    public var japaneseName: String {
        switch self {
        case .booked: "予約済"
        case .checkedIn: "利用中"
        case .cancelled: "取消し"
        case .noShow: "無断不使用"
        }
    }
}
