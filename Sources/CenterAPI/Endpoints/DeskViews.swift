import CalendarValues
import CenterDomain
import CenterService
import JSON

/// The JSON shapes of the flexible-desk endpoints (フリーデスク) for the
/// OpenAPI document, and the views the service types do not already give.
enum DeskViews {
    /// A desk of the pool as `GET /desks` lists it.
    struct DeskView: Encodable {
        let id: FacilityID
        let features: [String]
    }

    /// The daily desk occupancy of `GET /reports/desk-occupancy` (the monthly sums are in `GET /reports/utilization`).
    struct UtilizationView: Encodable {
        let from: LocalDate
        let to: LocalDate
        let desks: [DeskOccupancy]
    }

    static let passStates = ["booked", "checked_in", "cancelled", "no_show"]
    static let periods = ["am", "pm", "night", "day"]

    static let passRequest = Schemas.object(["date": .date, "period": .enumeration(periods), "desk": .code,
                                             "registration": .id], required: ["date", "period"],
                                            example: ["date": "2026-12-01", "period": "am", "desk": "desk-07"])

    static let components: [(String, JSONValue)] = [
        ("Desk", Schemas.object(["id": .string, "features": .array(.string)], required: ["id", "features"])),
        ("DeskPass", Schemas.object(["id": .integer, "registration": .integer, "desk": .string, "date": .date,
                                     "period": .enumeration(periods), "units": .array(.string),
                                     "state": .enumeration(passStates), "fee": .integer, "starts_at": .instant,
                                     "check_in_deadline": .instant, "created_at": .instant, "created_by": .string,
                                     "checked_in_at": .nullable(.instant), "checked_in_by": .nullable(.string),
                                     "cancelled_at": .nullable(.instant), "cancelled_by": .nullable(.string),
                                     "released_at": .nullable(.instant), "penalty_points": .nullable(.integer)],
                                    required: ["id", "registration", "desk", "date", "period", "units", "state",
                                               "starts_at", "check_in_deadline"])),
        ("DeskPeriodAvailability", Schemas.object(["period": .string, "name_ja": .string, "start": .string,
                                                   "end": .string, "desks": .integer, "free": .integer,
                                                   "taken": .integer, "closed": .integer,
                                                   "free_desks": .array(.string)],
                                                  required: ["period", "desks", "free", "taken", "closed", "free_desks"])),
        ("DeskAvailability", Schemas.object(["date": .date, "open": .boolean, "reasons": .array(.ref("ClosureReason")),
                                             "periods": .array(.ref("DeskPeriodAvailability"))],
                                            required: ["date", "open", "reasons", "periods"])),
        ("DeskOccupancy", Schemas.object(["date": .date, "period": .string, "open": .boolean, "desks": .integer,
                                          "passes": .integer, "checked_in": .integer, "no_shows": .integer,
                                          "occupancy": .number],
                                         required: ["date", "period", "desks", "passes", "checked_in", "no_shows",
                                                    "occupancy"])),
    ]
}
