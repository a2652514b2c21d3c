import CalendarValues
import CenterDomain

/// No registration has the id (a member asking for another's is told the same).
public enum RegistrationLookupCode: String, ErrorCode {
    case registrationNotFound = "registration_not_found"
}

/// A registration's own fields refused.
public enum RegistrationFieldCode: String, ErrorCode {
    case invalidName = "invalid_name"
    case invalidContact = "invalid_contact"
}

/// The registration's personal data was erased: it changes no more.
public enum RegistrationErasedCode: String, ErrorCode {
    case registrationAlreadyErased = "registration_already_erased"
}

/// The registration is suspended or expired today (lockers, storage, the waitlist).
public enum RegistrationActiveCode: String, ErrorCode {
    case registrationNotActive = "registration_not_active"
}

/// Something is still booked or owed: erasure waits.
public enum ErasureCode: String, ErrorCode {
    case erasureBlocked = "erasure_blocked"
}

/// An `Idempotency-Key` that cannot be used: malformed, or first sent with another request.
public enum IdempotencyCode: String, ErrorCode {
    case idempotencyKeyInvalid = "idempotency_key_invalid"
    case idempotencyKeyReused = "idempotency_key_reused"
}

/// A range of dates refused: reversed, or longer than the operation answers.
public enum DateRangeCode: String, ErrorCode {
    case dateRangeInvalid = "date_range_invalid"
    case rangeTooLong = "range_too_long"

    /// Refuses `from` after `to` (`date_range_invalid`) and a range of more
    /// than `maximumDays` days, both ends counted (`range_too_long`).
    static func check(from: LocalDate, to: LocalDate, maximumDays: Int) throws(Refusal<DateRangeCode>) {
        guard from <= to else {
            throw Refusal(DateRangeCode.dateRangeInvalid, "`from` (\(from)) is after `to` (\(to)).",
                          details: ["from": from.description, "to": to.description])
        }
        guard from.days(until: to) < maximumDays else {
            throw Refusal(DateRangeCode.rangeTooLong, "From `from` to `to` is at most \(maximumDays) days.",
                          details: ["from": from.description, "to": to.description])
        }
    }
}

/// No facility has the id.
public enum FacilityLookupCode: String, ErrorCode {
    case facilityNotFound = "facility_not_found"
}

/// The facility is closed on a date asked for (休館日, 臨時休館, works).
public enum ClosedDayCode: String, ErrorCode {
    case facilityClosed = "facility_closed"
}
