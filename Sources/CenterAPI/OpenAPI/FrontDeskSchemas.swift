import CenterDomain
import JSON

/// The component schemas of the front desk: the day sheet, closures with
/// what they cancelled and whom to call, fee quotes, and calendar-feed URLs.
enum FrontDeskSchemas {
    static let holder: Schemas.Field = .ref("Holder")

    static let components: [(String, JSONValue)] = [
        ("Holder", Schemas.object(["registration": .integer, "name": .string, "contact": .string,
                                   "category": .enumeration(BookingSchemas.categories)],
                                  required: ["registration", "name", "contact", "category"])),
        ("CategoryOpening", Schemas.object(["category": .enumeration(BookingSchemas.categories), "at": .date],
                                           required: ["category", "at"])),
        ("DaySheet", Schemas.object([
            "date": .date, "label_ja": .string, "open": .boolean, "amount_due": .integer,
            "rooms": .array(.ref("DaySheetRoom")), "desk_passes": .array(.ref("DaySheetDeskPass"))],
            required: ["date", "label_ja", "open", "amount_due", "rooms", "desk_passes"])),
        ("DaySheetRoom", Schemas.object([
            "facility": .string, "name_ja": .string, "open": .boolean, "closures": .array(.ref("ClosureReason")),
            "divisions": .array(.ref("DaySheetSlot")), "bookings": .array(.ref("DaySheetBooking"))],
            required: ["facility", "name_ja", "open", "closures", "divisions", "bookings"])),
        ("DaySheetSlot", Schemas.object(["division": .string, "name_ja": .string, "start": .string, "end": .string,
                                         "booking": .integer], required: ["division", "name_ja", "start", "end"])),
        ("DaySheetBooking", Schemas.object([
            "booking": .integer, "holder": holder, "state": .enumeration(BookingSchemas.states), "state_ja": .string,
            "purpose": .string, "attendees": .integer, "divisions": .array(.string), "day": .integer, "days": .integer,
            "fee_total": .integer, "paid": .integer, "amount_due": .integer, "payment_deadline": .instant,
            "checked_in_at": .instant, "no_show_from": .instant, "guardian": .string],
            required: ["booking", "holder", "state", "state_ja", "divisions", "day", "days", "fee_total", "paid", "amount_due"])),
        ("DaySheetDeskPass", Schemas.object([
            "desk_pass": .integer, "desk": .string, "period": .string, "holder": holder,
            "state": .enumeration(["booked", "checked_in", "cancelled", "no_show"]), "state_ja": .string, "fee": .integer,
            "amount_due": .integer, "check_in_deadline": .instant, "checked_in_at": .instant],
            required: ["desk_pass", "desk", "period", "holder", "state", "state_ja", "fee", "amount_due", "check_in_deadline"])),
        ("Closure", Schemas.object([
            "id": .integer, "date": .date, "to": .date, "facilities": .array(.string), "reason_ja": .string,
            "reason_en": .string, "created_at": .instant, "created_by": .string, "lifted_at": .instant, "lifted_by": .string,
            "cancelled": .array(.ref("Booking")), "days_cancelled": .array(.ref("ClosureDaysCancelled")),
            "cancelled_desk_passes": .array(.ref("DeskPass")), "holders": .array(.ref("ClosureHolder"))],
            required: ["id", "date", "to", "facilities", "created_at", "created_by", "cancelled", "days_cancelled",
                       "cancelled_desk_passes", "holders"])),
        ("ClosureDaysCancelled", Schemas.object(["booking": .ref("Booking"), "days": .array(.date), "refund": .integer],
                                                required: ["booking", "days", "refund"])),
        ("ClosureHolder", Schemas.object([
            "registration": .integer, "name": .string, "contact": .string, "category": .enumeration(BookingSchemas.categories),
            "bookings": .array(.integer), "desk_passes": .array(.integer)],
            required: ["registration", "name", "contact", "category", "bookings", "desk_passes"])),
        ("FeeQuote", Schemas.object([
            "facility": .string, "first_date": .date, "last_date": .date, "divisions": .array(.string),
            "category": .enumeration(BookingSchemas.categories), "out_of_ward": .boolean, "registration": .integer,
            "fee_total": .integer, "fee": .ref("BookingFee")],
            required: ["facility", "first_date", "last_date", "divisions", "category", "out_of_ward", "fee_total", "fee"])),
        ("FeedToken", Schemas.object([
            "id": .integer, "registration": .integer, "token": .string, "path": .string, "created_at": .instant,
            "replaced": .integer], required: ["id", "registration", "token", "path", "created_at"])),
        ("RevokedFeedToken", Schemas.object(["id": .integer, "registration": .integer, "revoked_at": .instant],
                                            required: ["id", "registration", "revoked_at"])),
    ]
}
