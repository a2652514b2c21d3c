import CenterDomain

/// No locker lease has the id.
public enum LockerLeaseLookupCode: String, ErrorCode {
    case lockerLeaseNotFound = "locker_lease_not_found"
}

/// The lease has ended or was cancelled: it changes no more.
public enum LockerLeaseStateCode: String, ErrorCode {
    case leaseNotActive = "lease_not_active"
}

/// Only an ended lease awaits the confirmation that its lessee moved out.
public enum AddressMoveCode: String, ErrorCode {
    case leaseNotEnded = "lease_not_ended"
}

/// A founder's lease takes its corporate number once.
public enum CorporateNumberSetCode: String, ErrorCode {
    case corporateNumberAlreadySet = "corporate_number_already_set"
}

/// One active lease per company (by corporate number or registration).
public enum CompanyLeaseCode: String, ErrorCode {
    case companyHasLease = "company_has_lease"
}

/// What letting a locker refuses with beside the lease terms and the lessee.
public enum LockerLettingCode: String, ErrorCode {
    case registrationRequired = "registration_required"
    case startMonthPast = "start_month_past"
    case startMonthTooFar = "start_month_too_far"
    case lockerNotFound = "locker_not_found"
    case lockerNotFree = "locker_not_free"
    case noLockerFree = "no_locker_free"
}

/// A waitlist offer that cannot be decided.
public enum LockerOfferCode: String, ErrorCode {
    case lockerOfferNotFound = "locker_offer_not_found"
    case offerNotOpen = "offer_not_open"
    case offerExpired = "offer_expired"
}

/// What joining the locker waitlist refuses with.
public enum LockerWaitlistCode: String, ErrorCode {
    case alreadyWaiting = "already_waiting"
    case invalidNote = "invalid_note"
}
