import CalendarValues
import CenterDomain
internal import Store

/// A waitlist offer (空き案内): a freed locker held for the first applicant in
/// line until `expires_on` (the last day it may be accepted,
/// `LockerLeaseTerms.offerExpires`).
public struct LockerOffer: Sendable, Hashable, Encodable {
    public let id: Int64
    public let waitlistEntry: Int64
    public let registration: Int64
    public let locker: FacilityID
    public let offeredOn: LocalDate
    public let expiresOn: LocalDate
    public let state: LockerOfferState

    enum CodingKeys: String, CodingKey {
        case id, registration, locker, state
        case waitlistEntry = "waitlist_entry", offeredOn = "offered_on", expiresOn = "expires_on"
    }

    static func load(_ db: Database, id: Int64) throws -> LockerOffer {
        guard let row = try db.queryOne("""
            SELECT o.id, o.waitlist_id, w.registration_id, o.locker_id, o.offered_on, o.expires_on, o.state
            FROM locker_offers o JOIN locker_waitlist w ON w.id = o.waitlist_id WHERE o.id = ?
            """, [.integer(id)]) else {
            throw Refusal(LockerOfferCode.lockerOfferNotFound, "No locker offer has id \(id).", details: ["offer": String(id)])
        }
        return LockerOffer(id: try row.get("id"), waitlistEntry: try row.get("waitlist_id"),
                           registration: try row.get("registration_id"), locker: try row.get("locker_id"),
                           offeredOn: try row.get("offered_on"),
                           expiresOn: try row.get("expires_on"), state: try row.get("state"))
    }
}

/// An offer is `open` until it is `accepted`, `declined`, or `expired`
/// (its last day passed).
public enum LockerOfferState: String, Sendable, Hashable, Codable {
    case open, accepted, declined, expired
}
