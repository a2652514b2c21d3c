/// The lifecycle of a room booking (予約の状態).
///
/// provisional (仮予約) → paid → checked_in → done; provisional → lapsed when
/// unpaid by its deadline; provisional or paid → cancelled_by_user or
/// cancelled_by_center; provisional or paid → no_show (`RoomNoShow`: a hold
/// made for the same day and not used is a no-show too). Every other move is
/// refused with `invalid_transition`.
public enum BookingState: String, Sendable, Codable, CaseIterable {
    case provisional
    case paid
    case checkedIn = "checked_in"
    case done
    case lapsed
    case cancelledByUser = "cancelled_by_user"
    case cancelledByCenter = "cancelled_by_center"
    case noShow = "no_show"

    /// Whether the booking still holds its slot.
    public var isLive: Bool { self == .provisional || self == .paid || self == .checkedIn }

    /// States reachable in one step.
    public var successors: Set<BookingState> {
        switch self {
        case .provisional: return [.paid, .lapsed, .cancelledByUser, .cancelledByCenter, .noShow]
        case .paid: return [.checkedIn, .noShow, .cancelledByUser, .cancelledByCenter]
        case .checkedIn: return [.done]
        case .done, .lapsed, .cancelledByUser, .cancelledByCenter, .noShow: return []
        }
    }

    /// The next state, or `invalid_transition` naming both states.
    public func transition(to next: BookingState) throws(Refusal<BookingState.Code>) -> BookingState {
        guard successors.contains(next) else {
            throw Refusal(.invalidTransition, "A \(rawValue) booking cannot become \(next.rawValue).",
                          details: ["from": rawValue, "to": next.rawValue])
        }
        return next
    }
}

extension BookingState {
    /// What a move the lifecycle does not allow is refused with.
    public enum Code: String, ErrorCode {
        case invalidTransition = "invalid_transition"
    }
}
