import CalendarValues
import CenterDomain
internal import Store

/// Reading and writing the live division-units of `desk_pass_periods` inside
/// a transaction: which desks are taken, what a person already holds, and the
/// insert that the two partial UNIQUE indexes guard.
enum DeskLedger {
    /// Desks holding a live unit among `units` on `date`.
    static func takenDesks(_ db: Database, date: LocalDate, units: [DivisionID]) throws -> Set<FacilityID> {
        let marks = units.map { _ in "?" }.joined(separator: ", ")
        let rows = try db.query("""
            SELECT DISTINCT desk_id FROM desk_pass_periods WHERE live = 1 AND date = ? AND period_unit IN (\(marks))
            """, [date.sqlValue] + units.map(\.sqlValue))
        return Set(try rows.map { try $0.get("desk_id") as FacilityID })
    }

    /// Live units on `date` by desk (`GET /desks/availability`).
    static func liveUnits(_ db: Database, date: LocalDate) throws -> [(desk: FacilityID, unit: DivisionID)] {
        try db.query("SELECT desk_id, period_unit FROM desk_pass_periods WHERE live = 1 AND date = ?",
                     [date.sqlValue]).map { row in
            (try row.get("desk_id"), try row.get("period_unit"))
        }
    }

    /// The units `registration` holds live on `date`.
    static func personUnits(_ db: Database, registration: Int64, date: LocalDate) throws -> Set<DivisionID> {
        let rows = try db.query("""
            SELECT period_unit FROM desk_pass_periods WHERE live = 1 AND registration_id = ? AND date = ?
            """, [.integer(registration), date.sqlValue])
        return Set(try rows.map { try $0.get("period_unit") as DivisionID })
    }

    /// The dates of `registration`'s live passes from `from` to `to`.
    static func passDates(_ db: Database, registration: Int64, from: LocalDate, to: LocalDate) throws -> [LocalDate] {
        try db.query("""
            SELECT DISTINCT date FROM desk_passes
            WHERE registration_id = ? AND state IN ('booked', 'checked_in') AND date BETWEEN ? AND ?
            """, [.integer(registration), from.sqlValue, to.sqlValue]).map {
            try $0.get("date") as LocalDate
        }
    }

    /// Inserts the live units of pass `id`; the unique indexes' refusals map
    /// to `desk_taken` and `pass_overlaps`.
    static func insertUnits(_ db: Database, pass id: Int64, desk: FacilityID, registration: Int64, date: LocalDate,
                            units: [DivisionID]) throws {
        for unit in units {
            do {
                try db.run("""
                    INSERT INTO desk_pass_periods (pass_id, desk_id, registration_id, date, period_unit, live)
                    VALUES (?, ?, ?, ?, ?, 1)
                    """, [.integer(id), desk.sqlValue, .integer(registration), date.sqlValue,
                          unit.sqlValue])
            } catch let error as StoreError where error.constraint?.name == Schema.oneLivePassPerPerson {
                throw overlaps(date: date, unit: unit)
            } catch let error as StoreError where error.constraint?.name == Schema.oneLivePassPerDesk {
                throw deskTaken(desk, date: date, unit: unit)
            }
        }
    }

    /// Frees the units of pass `id` (it stops being live).
    static func release(_ db: Database, pass id: Int64) throws {
        try db.run("UPDATE desk_pass_periods SET live = 0 WHERE pass_id = ? AND live = 1", [.integer(id)])
    }

    static func deskTaken(_ desk: FacilityID, date: LocalDate, unit: DivisionID) -> Refusal<DeskPassRequestCode> {
        Refusal(DeskPassRequestCode.deskTaken, "\(desk) is taken on \(date) (\(unit)).",
                details: ["desk": desk.rawValue, "date": date.description, "period": unit.rawValue])
    }

    static func overlaps(date: LocalDate, unit: DivisionID) -> Refusal<DeskPassRequestCode> {
        Refusal(DeskPassRequestCode.passOverlaps, "This registration already holds a desk pass on \(date) (\(unit)).",
                details: ["date": date.description, "period": unit.rawValue])
    }
}
