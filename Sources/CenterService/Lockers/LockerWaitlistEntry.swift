import CalendarValues
import CenterDomain

/// An application to the locker waitlist (空き待ち), served in order of
/// application (`LockerWaitlist`).
public struct LockerWaitlistEntry: Sendable, Hashable, Encodable {
    public let id: Int64
    public let registration: Int64
    public let note: String
    public let appliedAt: Instant
    public let state: WaitlistState
    /// 1 for the first in line among those waiting; nil once no longer waiting.
    public let position: Int?
    /// The open offer, while one is held for this entry.
    public let offer: LockerOffer?

    enum CodingKeys: String, CodingKey {
        case id, registration, note, state, position, offer
        case appliedAt = "applied_at"
    }
}

/// A waitlist application: `waiting` in line, `offered` a locker, then
/// `accepted`, `declined` or `expired` with its offer, or `withdrawn` (its
/// registration was let a locker outside the list).
public enum WaitlistState: String, Sendable, Hashable, Codable {
    case waiting, offered, accepted, declined, expired, withdrawn

    /// Still on the list: waiting, or holding an offer.
    public var isOpen: Bool { self == .waiting || self == .offered }
}
