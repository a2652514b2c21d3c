import CalendarValues
import CenterDomain

/// One locker as `GET /lockers` shows it: its status today
/// (`LockerStatus`), the last day of the current hold, and what holds it.
public struct LockerState: Sendable, Hashable, Encodable {
    public let id: FacilityID
    public let state: LockerStatus.Kind
    public let until: LocalDate?
    public let lease: Int64?
    public let offer: Int64?

    enum CodingKeys: String, CodingKey { case id, state, until, lease, offer }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(state, forKey: .state)
        try c.encode(until, forKey: .until)
        try c.encode(lease, forKey: .lease)
        try c.encode(offer, forKey: .offer)
    }
}
