import CenterDomain

/// A free slot held for its waiting list: offered to a waiting registration,
/// or about to be (docs/DOMAIN.md "Cancellation waiting list (キャンセル待ち)").
public enum WaitingHoldCode: String, ErrorCode {
    case slotHeldForWaiting = "slot_held_for_waiting"
}

/// No waiting entry has the id (a member asking for another's is told the same).
public enum WaitingEntryLookupCode: String, ErrorCode {
    case waitingEntryNotFound = "waiting_entry_not_found"
}

/// What joining a waiting list refuses with beside the rules: a member
/// acting for another registration, a slot that is not one of the room's.
public enum WaitingRequestCode: String, ErrorCode {
    case divisionNotOffered = "division_not_offered"
    case purposeInvalid = "purpose_invalid"
}

/// What answering an offer refuses with: no running offer for the entry, or
/// one whose deadline passed.
public enum WaitingOfferCode: String, ErrorCode {
    case offerNotFound = "offer_not_found"
    case offerExpired = "offer_expired"
}
