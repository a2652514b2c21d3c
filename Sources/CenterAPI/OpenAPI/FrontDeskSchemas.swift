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
            required: ["date", "label_ja", "open", "amount_due", "rooms", "desk_passes"], example: daySheetExample)),
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
            required: ["facility", "first_date", "last_date", "divisions", "category", "out_of_ward", "fee_total", "fee"],
            example: ["facility": "meeting-room-1", "first_date": "2026-12-02", "last_date": "2026-12-02", "divisions": ["am", "pm"],
                      "category": "general", "out_of_ward": false, "registration": 1, "fee_total": 3500,
                      "fee": ["days": 1, "total": 3500, "per_day": [
                        "lines": [["kind": "division", "division": "am", "label": "午前", "base": 1500, "multipliers": [], "amount": 1500],
                                  ["kind": "gap_hours", "label": "gap hours free 12:00–13:00", "base": 0, "multipliers": [], "amount": 0],
                                  ["kind": "division", "division": "pm", "label": "午後", "base": 2000, "multipliers": [], "amount": 2000]],
                        "surcharges": [], "exemptions": [], "gap_hours_free": [["from": "12:00", "to": "13:00", "minutes": 60]],
                        "subtotal": 3500, "rounding": 0, "total": 3500]]])),
        ("FeedToken", Schemas.object([
            "id": .integer, "registration": .integer, "token": .string, "path": .string, "created_at": .instant,
            "replaced": .integer], required: ["id", "registration", "token", "path", "created_at"],
            example: ["id": 2, "registration": 1, "token": "nkf_3a7c…", "path": "/feeds/nkf_3a7c…/calendar.ics",
                      "created_at": "2026-12-01T22:34:21+09:00", "replaced": 1])),
        ("RevokedFeedToken", Schemas.object(["id": .integer, "registration": .integer, "revoked_at": .instant],
                                            required: ["id", "registration", "revoked_at"],
                                            example: ["id": 2, "registration": 1, "revoked_at": "2026-12-01T22:40:00+09:00"])),
    ]

    /// A day sheet as the service answered it, trimmed to one room.
    static let daySheetExample: JSONValue = [
        "date": "2026-12-02", "label_ja": "令和8年12月2日(水)", "open": true, "amount_due": 3500,
        "rooms": [["facility": "meeting-room-1", "name_ja": "会議室1", "open": true, "closures": [],
                   "divisions": [["division": "am", "name_ja": "午前", "start": "09:00", "end": "12:00", "booking": 1],
                                 ["division": "pm", "name_ja": "午後", "start": "13:00", "end": "17:00", "booking": 1],
                                 ["division": "night", "name_ja": "夜間", "start": "18:00", "end": "22:00"]],
                   "bookings": [["booking": 1, "holder": ["registration": 1, "name": "中野商店会", "contact": "0312345678",
                                                        "category": "general"],
                                 "state": "provisional", "state_ja": "仮予約", "purpose": "セミナー", "attendees": 20,
                                 "divisions": ["am", "pm"], "day": 1, "days": 1, "fee_total": 3500, "paid": 0, "amount_due": 3500,
                                 "payment_deadline": "2026-12-01T23:59:59+09:00", "no_show_from": "2026-12-02T09:00:00+09:00"]]]],
        "desk_passes": [["desk_pass": 1, "desk": "desk-01", "period": "am",
                         "holder": ["registration": 2, "name": "山田 花子", "contact": "09011112222", "category": "freelancer"],
                         "state": "booked", "state_ja": "予約済", "fee": 0, "amount_due": 0,
                         "check_in_deadline": "2026-12-02T09:30:00+09:00"]],
    ]
}
