/// The capacity rule (定員): the attendees of a booking may not exceed the
/// facility's capacity. Capacities are configuration data (placeholders until
/// the center confirms them).
public enum Capacity {
    /// Refuses with `capacity_exceeded` when `attendees` is above the capacity,
    /// and with `attendees_invalid` when it is below 1.
    public static func check(attendees: Int, facility: Facility) throws(Refusal<Capacity.Code>) {
        guard attendees >= 1 else {
            throw Refusal(.attendeesInvalid, "Attendees must be at least 1.",
                          details: ["attendees": String(attendees)])
        }
        guard attendees <= facility.capacity else {
            throw Refusal(.capacityExceeded, "\(facility.nameEn) holds at most \(facility.capacity) people.",
                          details: ["facility": facility.id.rawValue,
                                        "capacity": String(facility.capacity),
                                        "attendees": String(attendees)])
        }
    }
}

extension Capacity {
    /// What a room too small is refused with.
    public enum Code: String, ErrorCode {
        case attendeesInvalid = "attendees_invalid"
        case capacityExceeded = "capacity_exceeded"
    }
}
