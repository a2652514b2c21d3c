import CenterDomain

/// No desk pass has the id (a member asking for another's is told the same).
public enum DeskPassLookupCode: String, ErrorCode {
    case deskPassNotFound = "desk_pass_not_found"
}

/// What issuing a desk pass refuses with beside the desk rules.
public enum DeskPassRequestCode: String, ErrorCode {
    case registrationRequired = "registration_required"
    case deskNotFound = "desk_not_found"
    case passOverlaps = "pass_overlaps"
    case deskTaken = "desk_taken"
    case noDeskFree = "no_desk_free"
}

/// A pass that is no longer `booked` changes no more.
public enum DeskPassStateCode: String, ErrorCode {
    case alreadyCheckedIn = "already_checked_in"
    case deskPassCancelled = "desk_pass_cancelled"
    case deskPassReleased = "desk_pass_released"
}
