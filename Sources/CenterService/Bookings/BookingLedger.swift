import CalendarValues
import CenterDomain
internal import Store

/// Reading and writing the live division-units (コマ) of `booking_units`
/// inside a write or read transaction: what the counting rules (community
/// quota, monthly limit, couplings) are given, and the insert that the
/// partial UNIQUE index guards.
enum BookingLedger {
    /// Live units dated `from`…`to` that are on `facility`, held by
    /// `registration`, or (when `near` is given, for couplings) dated
    /// `near`…`nearLast` on any facility.
    ///
    /// Each alternative is its own indexed search (SQLite's MULTI-INDEX OR):
    /// a single `date BETWEEN` range with the alternatives as a filter would
    /// walk every live unit of the month on every facility, one table lookup
    /// each, which was the largest cost of `POST /bookings` under load.
    static func liveUnits(_ db: Database, from: LocalDate, to: LocalDate, facility: FacilityID, registration: Int64,
                          near: (first: LocalDate, last: LocalDate)?) throws -> [BookedUnit] {
        let columns = "SELECT u.facility_id, u.date, u.division, u.registration_id, b.category"
            + " FROM booking_units u JOIN bookings b ON b.id = u.booking_id"
        var arguments: [SQLValue] = [facility.sqlValue, from.sqlValue, to.sqlValue,
                                     .integer(registration), from.sqlValue, to.sqlValue]
        guard let near else {
            return try db.query(columns + """
                 WHERE (u.live = 1 AND u.facility_id = ? AND u.date BETWEEN ? AND ?)
                    OR (u.live = 1 AND u.registration_id = ? AND u.date BETWEEN ? AND ?)
                """, arguments).map { try unit($0) }
        }
        // The dates near the request on every facility: a small range, so a
        // scan of it is cheap; deduplicated against the other two by rowid.
        let nearFirst = max(from, near.first), nearLast = min(to, near.last)
        arguments += [nearFirst.sqlValue, nearLast.sqlValue]
        return try db.query(columns + """
             WHERE u.rowid IN (
                SELECT rowid FROM booking_units WHERE live = 1 AND facility_id = ? AND date BETWEEN ? AND ?
                UNION SELECT rowid FROM booking_units WHERE live = 1 AND registration_id = ? AND date BETWEEN ? AND ?
                UNION SELECT rowid FROM booking_units WHERE live = 1 AND date BETWEEN ? AND ?)
            """, arguments).map { try unit($0) }
    }

    /// Whether a live unit holds `facility` on `date` in `division`: one
    /// lookup in the partial unique index, no table row read.
    static func isLive(_ db: Database, facility: FacilityID, date: LocalDate, division: DivisionID) throws -> Bool {
        try db.queryOne("""
            SELECT 1 FROM booking_units WHERE live = 1 AND facility_id = ? AND date = ? AND division = ?
            """, [facility.sqlValue, date.sqlValue, division.sqlValue]) != nil
    }

    /// The days `from`…`to` on which `registration` holds a live unit of
    /// `facility` (any division): what the consecutive-day limit joins a new
    /// request to. Served by the partial index on (registration, date).
    static func heldDays(_ db: Database, registration: Int64, facility: FacilityID, from: LocalDate,
                         to: LocalDate) throws -> Set<LocalDate> {
        Set(try db.query("""
            SELECT DISTINCT date FROM booking_units
            WHERE live = 1 AND registration_id = ? AND date BETWEEN ? AND ? AND facility_id = ?
            """, [.integer(registration), from.sqlValue, to.sqlValue, facility.sqlValue])
            .map { try $0.get(0) as LocalDate })
    }

    /// Live units of `facility` dated `from`…`to`, with their booking ids.
    static func facilityUnits(_ db: Database, facility: FacilityID, from: LocalDate,
                              to: LocalDate) throws -> [(booking: Int64, unit: BookedUnit)] {
        try db.query("""
            SELECT u.booking_id, u.facility_id, u.date, u.division, u.registration_id, b.category
            FROM booking_units u JOIN bookings b ON b.id = u.booking_id
            WHERE u.live = 1 AND u.facility_id = ? AND u.date BETWEEN ? AND ?
            """, [facility.sqlValue, from.sqlValue, to.sqlValue]).map { row in
            (try row.get(0), try unit(row, first: 1))
        }
    }

    /// Ids of the live bookings using any of `facilities` (none: every
    /// facility) on a day from `from` to `to`, in id order.
    static func liveBookingIDs(_ db: Database, from: LocalDate, to: LocalDate, facilities: [FacilityID]) throws -> [Int64] {
        let rows = try db.query("""
            SELECT DISTINCT booking_id, facility_id FROM booking_units WHERE live = 1 AND date BETWEEN ? AND ?
            ORDER BY booking_id
            """, [from.sqlValue, to.sqlValue])
        var ids: [Int64] = []
        for row in rows {
            let id: Int64 = try row.get("booking_id")
            let facility: FacilityID = try row.get("facility_id")
            if (facilities.isEmpty || facilities.contains(facility)) && ids.last != id { ids.append(id) }
        }
        return ids
    }

    /// A unit from the columns `facility_id, date, division,
    /// registration_id, category`, starting at column `first`. By position,
    /// not by name: the booking path decodes up to a few hundred of these
    /// per request, and the name lookups were most of their cost.
    static func unit(_ row: Row, first: Int = 0) throws -> BookedUnit {
        BookedUnit(facility: try row.get(first),
                   date: try row.get(first + 1),
                   division: try row.get(first + 2),
                   registration: String(try row.get(first + 3) as Int64),
                   category: try row.get(first + 4))
    }

    /// Inserts the live units of a new booking; a unit already live maps the
    /// unique index's refusal to `slot_taken`.
    static func insertUnits(_ db: Database, booking: Int64, facility: FacilityID, dates: [LocalDate],
                            divisions: [DivisionID], registration: Int64, community: Bool) throws {
        for date in dates {
            for division in divisions {
                do {
                    try db.run(insertUnit, [.integer(booking), facility.sqlValue, date.sqlValue,
                              division.sqlValue, .integer(registration), community.sqlValue])
                } catch let error as StoreError where error.constraint?.name == Schema.oneLiveBookingUnit {
                    throw slotTaken(facility: facility, date: date, division: division)
                }
            }
        }
    }

    static let insertUnit = SQL("""
        INSERT INTO booking_units (booking_id, facility_id, date, division, registration_id, live, community)
        VALUES (?, ?, ?, ?, ?, 1, ?)
        """)

    /// Frees the units of `booking` (it stops being live).
    static func release(_ db: Database, booking: Int64) throws {
        try db.run(releaseUnits, [.integer(booking)])
    }

    static let releaseUnits = SQL("UPDATE booking_units SET live = 0 WHERE booking_id = ? AND live = 1")

    static func slotTaken(facility: FacilityID, date: LocalDate, division: DivisionID) -> Refusal<BookingRequestCode> {
        Refusal(BookingRequestCode.slotTaken, "\(facility) is already booked on \(date) (\(division)).",
                details: ["facility": facility.rawValue, "date": date.description, "division": division.rawValue])
    }
}
