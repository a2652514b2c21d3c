import CenterDomain
import Store

/// Reading and writing the live division-units (コマ) of `booking_units`
/// inside a write or read transaction: what the counting rules (community
/// quota, monthly limit, couplings) are given, and the insert that the
/// partial UNIQUE index guards.
enum BookingLedger {
    /// Live units dated `from`…`to` that are on `facility`, held by
    /// `registration`, or dated `near`…`nearLast` (for couplings).
    static func liveUnits(_ db: Database, from: LocalDate, to: LocalDate, facility: FacilityID, registration: Int64,
                          near: LocalDate, nearLast: LocalDate) throws -> [BookedUnit] {
        try db.query("""
            SELECT u.facility_id, u.date, u.division, u.registration_id, b.category
            FROM booking_units u JOIN bookings b ON b.id = u.booking_id
            WHERE u.live = 1 AND u.date BETWEEN ? AND ?
              AND (u.facility_id = ? OR u.registration_id = ? OR u.date BETWEEN ? AND ?)
            """, [.text(from.description), .text(to.description), .text(facility.rawValue), .integer(registration),
                  .text(near.description), .text(nearLast.description)]).map(unit)
    }

    /// Live units of `facility` dated `from`…`to`, with their booking ids.
    static func facilityUnits(_ db: Database, facility: FacilityID, from: LocalDate,
                              to: LocalDate) throws -> [(booking: Int64, unit: BookedUnit)] {
        try db.query("""
            SELECT u.booking_id, u.facility_id, u.date, u.division, u.registration_id, b.category
            FROM booking_units u JOIN bookings b ON b.id = u.booking_id
            WHERE u.live = 1 AND u.facility_id = ? AND u.date BETWEEN ? AND ?
            """, [.text(facility.rawValue), .text(from.description), .text(to.description)]).map { row in
            (try row.get("booking_id"), try unit(row))
        }
    }

    /// Ids of the live bookings using any of `facilities` (none: every
    /// facility) on a day from `from` to `to`, in id order.
    static func liveBookingIDs(_ db: Database, from: LocalDate, to: LocalDate, facilities: [FacilityID]) throws -> [Int64] {
        let rows = try db.query("""
            SELECT DISTINCT booking_id, facility_id FROM booking_units WHERE live = 1 AND date BETWEEN ? AND ?
            ORDER BY booking_id
            """, [.text(from.description), .text(to.description)])
        var ids: [Int64] = []
        for row in rows {
            let id: Int64 = try row.get("booking_id")
            let facility = FacilityID(try row.get("facility_id") as String)
            if (facilities.isEmpty || facilities.contains(facility)) && ids.last != id { ids.append(id) }
        }
        return ids
    }

    static func unit(_ row: Row) throws -> BookedUnit {
        BookedUnit(facility: FacilityID(try row.get("facility_id") as String),
                   date: try RegistrationRecord.date(row.get("date")),
                   division: DivisionID(try row.get("division") as String),
                   registration: String(try row.get("registration_id") as Int64),
                   category: try RegistrationRecord.decodeEnum(row.get("category")))
    }

    /// Inserts the live units of a new booking; a unit already live maps the
    /// unique index's refusal to `slot_taken`.
    static func insertUnits(_ db: Database, booking: Int64, facility: FacilityID, dates: [LocalDate],
                            divisions: [DivisionID], registration: Int64, community: Bool) throws {
        for date in dates {
            for division in divisions {
                do {
                    try db.run("""
                        INSERT INTO booking_units (booking_id, facility_id, date, division, registration_id, live, community)
                        VALUES (?, ?, ?, ?, ?, 1, ?)
                        """, [.integer(booking), .text(facility.rawValue), .text(date.description),
                              .text(division.rawValue), .integer(registration), community.sqlValue])
                } catch let error as StoreError where error.isConstraintViolation && error.message.contains("booking_units") {
                    throw slotTaken(facility: facility, date: date, division: division)
                }
            }
        }
    }

    /// Frees the units of `booking` (it stops being live).
    static func release(_ db: Database, booking: Int64) throws {
        try db.run("UPDATE booking_units SET live = 0 WHERE booking_id = ? AND live = 1", [.integer(booking)])
    }

    static func slotTaken(facility: FacilityID, date: LocalDate, division: DivisionID) -> DomainError {
        DomainError(.conflict, "slot_taken", "\(facility) is already booked on \(date) (\(division)).",
                    details: ["facility": facility.rawValue, "date": date.description, "division": division.rawValue])
    }
}
