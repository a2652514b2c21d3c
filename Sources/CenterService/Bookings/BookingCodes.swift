import CenterDomain

/// No booking has the id (a member asking for another's is told the same).
public enum BookingLookupCode: String, ErrorCode {
    case bookingNotFound = "booking_not_found"
}

/// What taking a booking refuses with beside the domain's rules: a request
/// malformed before any rule, a room that is not booked by division, a slot
/// already taken.
public enum BookingRequestCode: String, ErrorCode {
    case forbidden
    case divisionsRequired = "divisions_required"
    case divisionNotOffered = "division_not_offered"
    case divisionsRepeated = "divisions_repeated"
    case daysInvalid = "days_invalid"
    case exemptionUnknown = "exemption_unknown"
    case guardianInvalid = "guardian_invalid"
    case purposeInvalid = "purpose_invalid"
    case admissionInvalid = "admission_invalid"
    case categoryNotPermitted = "category_not_permitted"
    case slotTaken = "slot_taken"
}

/// The facility is not a room booked by division.
public enum BookableRoomCode: String, ErrorCode {
    case facilityNotBookable = "facility_not_bookable"
}

/// A hold whose payment deadline passed can no longer be paid.
public enum PaymentCode: String, ErrorCode {
    case paymentDeadlinePassed = "payment_deadline_passed"
}

/// Check-in is on a day of use.
public enum CheckInCode: String, ErrorCode {
    case checkInNotToday = "check_in_not_today"
}

/// What a cancellation refuses beside the lifecycle: a member cancelling
/// for the center, a reason that is not one line of text.
public enum CancelCode: String, ErrorCode {
    case forbidden
    case reasonInvalid = "reason_invalid"
}

/// What an ad-hoc closure is refused with.
public enum ClosureCode: String, ErrorCode {
    case dateRangeInvalid = "date_range_invalid"
    case reasonRequired = "reason_required"
    case reasonInvalid = "reason_invalid"
    case wholeBookingNotHit = "whole_booking_not_hit"
}
