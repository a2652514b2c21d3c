import CalendarValues
import CenterDomain

/// How a booking came to be (`bookings.source`), and what that changes of
/// its checks: a lottery win is not held back by its own round
/// (`lottery_pending`); a waiting list's offer books the slot held for it.
enum BookingOrigin: Sendable, Hashable {
    /// `POST /bookings`.
    case request
    /// The provisional booking of a lottery entry that won.
    case lotteryWin(entry: Int64)
    /// A waiting-list entry accepting its offer.
    case waitingList(entry: Int64)
    /// A date of series `id`.
    case series(Int64)

    /// The stored `source`.
    var source: BookingSource {
        switch self {
        case .request: .request
        case .lotteryWin: .lottery
        case .waitingList: .waitingList
        case .series: .series
        }
    }

    var isLotteryWin: Bool { if case .lotteryWin = self { true } else { false } }

    /// The series a date belongs to.
    var series: Int64? { if case .series(let id) = self { id } else { nil } }

    /// The waiting-list entry whose offer this booking accepts.
    var waitingEntry: Int64? { if case .waitingList(let id) = self { id } else { nil } }
}

/// How a booking came to be, as its JSON and the store name it.
public enum BookingSource: String, Sendable, Hashable, Codable, CaseIterable {
    case request
    case lottery
    case waitingList = "waiting_list"
    case series
}

extension BookingSource: ColumnValue {}
