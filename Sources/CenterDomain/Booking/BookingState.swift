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
    /// (Arrays made once: every cancel, payment and check-in asks, and a
    /// `Set` built per question hashed its states' names each time.)
    public var successors: [BookingState] {
        switch self {
        case .provisional: Self.fromProvisional
        case .paid: Self.fromPaid
        case .checkedIn: Self.fromCheckedIn
        case .done, .lapsed, .cancelledByUser, .cancelledByCenter, .noShow: []
        }
    }

    private static let fromProvisional: [BookingState] = [.paid, .lapsed, .cancelledByUser, .cancelledByCenter, .noShow]
    private static let fromPaid: [BookingState] = [.checkedIn, .noShow, .cancelledByUser, .cancelledByCenter]
    private static let fromCheckedIn: [BookingState] = [.done]

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
