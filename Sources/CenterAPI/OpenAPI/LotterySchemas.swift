import CenterDomain
import CenterService
import JSON

/// The component schemas of lottery rounds, the waiting list and series
/// bookings, with examples from the service's answers.
enum LotterySchemas {
    static let slot: JSONValue = Schemas.object(["facility": .string, "date": .date, "division": .string],
                                                required: ["facility", "date", "division"])
    static let slotExample: JSONValue = ["facility": "gym", "date": "2027-01-12", "division": "am"]
    static let phases = ["not_open", "entry", "closed", "drawn", "first_come"]
    static let losses = ["slot_unavailable", "slot_taken", "win_limit_reached", "community_quota_reserved"]
    static let waitingStates = ["waiting", "offered", "accepted", "declined", "expired", "withdrawn", "closed"]

    static let summaryLine = Schemas.object(["facility": .string, "date": .date, "division": .string, "available": .boolean,
                                             "entries": .integer, "won": .boolean],
                                            required: ["facility", "date", "division", "available", "entries", "won"])

    static let components: [(String, JSONValue)] = [
        ("DivisionSlot", slot),
        ("LotterySlotSummary", summaryLine),
        ("LotteryRoundMonth", Schemas.object([
            "round": .string, "name_ja": .string, "name_en": .string, "month": .month, "facilities": .array(.string),
            "participants": .array(.enumeration(BookingSchemas.categories)), "phase": .enumeration(phases),
            "entry_opens": .instant, "entry_closes": .instant, "draw_at": .instant, "first_come_opens": .instant,
            "commitment": .string, "committed_at": .instant, "seed": .string, "drawn_at": .instant, "entries": .integer,
            "applicants": .integer, "max_entries_per_registration": .integer, "max_wins_per_registration": .integer,
            "summary": .array(.ref("LotterySlotSummary"))],
            required: ["round", "month", "phase", "entry_opens", "entry_closes", "draw_at", "first_come_opens", "entries",
                       "applicants", "summary"],
            example: ["round": "halls-general", "name_ja": "多目的ホール・体育室・小体育室（一般）",
                      "name_en": "Hall and gymnasiums (general users)", "month": "2027-01",
                      "facilities": ["multipurpose-hall", "gym", "small-gym"], "participants": ["general"], "phase": "drawn",
                      "entry_opens": "2026-12-01T00:00:00+09:00", "entry_closes": "2026-12-09T23:59:59+09:00",
                      "draw_at": "2026-12-10T10:00:00+09:00", "first_come_opens": "2026-12-15T09:00:00+09:00",
                      "commitment": "1b4f0e9851971998e732078544c96b36c3d01cedf7caa332359d6f1d83567014",
                      "committed_at": "2026-12-01T00:00:00+09:00",
                      "seed": "0f2d3c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff00",
                      "drawn_at": "2026-12-10T10:00:00+09:00", "entries": 3, "applicants": 3,
                      "max_entries_per_registration": 4, "max_wins_per_registration": 8,
                      "summary": [["facility": "gym", "date": "2027-01-12", "division": "am", "available": true, "entries": 3,
                                   "won": true]]])),
        ("LotteryEntry", Schemas.object([
            "id": .integer, "entry": .string, "round": .string, "month": .month, "registration": .integer, "facility": .string,
            "date": .date, "divisions": .array(.string), "purpose": .string, "attendees": .integer,
            "state": .enumeration(["entered", "withdrawn", "won", "lost"]), "applicant": .string, "rank": .integer,
            "reason": .enumeration(losses), "booking": .integer, "booking_refusal": .string, "created_at": .instant,
            "withdrawn_at": .instant],
            required: ["id", "entry", "round", "month", "registration", "facility", "date", "divisions", "state", "created_at"],
            example: ["id": 12, "entry": "E12", "round": "halls-general", "month": "2027-01", "registration": 3, "facility": "gym",
                      "date": "2027-01-12", "divisions": ["am"], "purpose": "バドミントン大会", "attendees": 30, "state": "won",
                      "applicant": "A002", "rank": 1, "booking": 41, "created_at": "2026-12-02T10:00:00+09:00"])),
        ("LotteryBallot", Schemas.object([
            "format": .enumeration([LotteryBallot.format]), "round": .string, "month": .month, "commitment": .string,
            "seed": .nullable(.string), "tiers": .array(.string), "available": .array(.ref("DivisionSlot")), "quota": .array(.any),
            "applicants": .array(.any), "entries": .array(.any)],
            required: ["format", "round", "month", "commitment", "tiers", "available", "quota", "applicants", "entries"],
            example: ["format": .string(LotteryBallot.format), "round": "halls-general", "month": "2027-01",
                      "commitment": "1b4f0e9851971998e732078544c96b36c3d01cedf7caa332359d6f1d83567014",
                      "seed": "0f2d3c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff00",
                      "tiers": ["in_ward", "out_of_ward"], "available": [slotExample],
                      "quota": [["facility": "gym", "bookable_units": 81, "share": .double(0.3), "ceiling": 56,
                                 "non_community_booked": 0]],
                      "applicants": [["id": "A001", "tier": "in_ward", "wins_allowed": 8]],
                      "entries": [["id": "E12", "applicant": "A001", "facility": "gym", "date": "2027-01-12", "divisions": ["am"]]]])),
        ("LotteryResult", Schemas.object([
            "format": .enumeration([LotteryResult.format]), "round": .string, "month": .month, "commitment": .string,
            "seed": .string, "order": .array(.any), "winners": .array(.any), "unwon": .array(.ref("DivisionSlot")),
            "summary": .array(.ref("LotterySlotSummary"))],
            required: ["format", "round", "month", "commitment", "seed", "order", "winners", "unwon", "summary"],
            example: ["format": .string(LotteryResult.format), "round": "halls-general", "month": "2027-01",
                      "commitment": "1b4f0e9851971998e732078544c96b36c3d01cedf7caa332359d6f1d83567014",
                      "seed": "0f2d3c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff00",
                      "order": [["rank": 1, "entry": "E12", "applicant": "A001", "tier": "in_ward",
                                 "key": "5d0e2a1c9b8f7e6d5c4b3a29180716f5e4d3c2b1a09f8e7d6c5b4a3928170615", "outcome": "won"]],
                      "winners": [["facility": "gym", "date": "2027-01-12", "division": "am", "entry": "E12", "applicant": "A001"]],
                      "unwon": [["facility": "gym", "date": "2027-01-12", "division": "pm"]],
                      "summary": [["facility": "gym", "date": "2027-01-12", "division": "am", "available": true, "entries": 1,
                                   "won": true]]])),
        ("WaitingEntry", Schemas.object([
            "id": .integer, "registration": .integer, "facility": .string, "date": .date, "division": .string, "purpose": .string,
            "attendees": .integer, "applied_at": .instant, "state": .enumeration(waitingStates), "offered_at": .instant,
            "deadline": .instant, "decided_at": .instant, "booking": .integer, "position": .integer, "last_waiting_day": .date],
            required: ["id", "registration", "facility", "date", "division", "applied_at", "state", "last_waiting_day"],
            example: ["id": 7, "registration": 4, "facility": "meeting-room-1", "date": "2026-12-10", "division": "am",
                      "purpose": "勉強会", "attendees": 8, "applied_at": "2026-11-25T10:00:00+09:00", "state": "offered",
                      "offered_at": "2026-11-26T09:12:00+09:00", "deadline": "2026-11-28T09:12:00+09:00", "position": 1,
                      "last_waiting_day": "2026-12-04"])),
        ("BookingSeries", Schemas.object([
            "id": .integer, "request": .any, "window_through": .date, "created_at": .instant, "created_by": .string,
            "cancelled_at": .instant, "cancelled_by": .string, "bookings": .array(.ref("Booking"))],
            required: ["id", "request", "window_through", "created_at", "bookings"],
            example: ["id": 2, "request": ["facility": "meeting-room-1", "divisions": ["am"], "registration": 3,
                                           "pattern": ["pattern": "weekly", "weekdays": ["tuesday"]], "from": "2026-12-01",
                                           "through": "2027-03-31", "purpose": "定例会", "attendees": 10, "admission_charged": 0,
                                           "commercial": false, "exemptions": []],
                      "window_through": "2026-12-31", "created_at": "2026-11-25T10:00:00+09:00",
                      "created_by": "staff:Front desk#3", "bookings": []])),
        ("SeriesOutcome", Schemas.object([
            "series": .ref("BookingSeries"), "dates": .array(.any), "after_window": .array(.date)],
            required: ["series", "dates", "after_window"],
            example: ["series": ["id": 2, "request": [:], "window_through": "2026-12-31",
                                 "created_at": "2026-11-25T10:00:00+09:00", "bookings": []],
                      "dates": [["date": "2026-12-01", "outcome": "booked"],
                                ["date": "2026-12-08", "outcome": "refused",
                                 "error": ["code": "slot_taken", "message": "meeting-room-1 is already booked on 2026-12-08 (am).",
                                           "details": ["facility": "meeting-room-1", "date": "2026-12-08", "division": "am"]]]],
                      "after_window": ["2027-01-05"]])),
    ]
}
