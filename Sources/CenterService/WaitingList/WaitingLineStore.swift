import CalendarValues
import CenterDomain
import JSON
internal import Store

/// A slot's `WaitingLine` read from and written back to `waiting_entries`
/// and `waiting_chains`, inside the caller's transaction. Entry ids are the
/// rows' ids as text, registrations their ids as text.
enum WaitingLineStore {
    /// The line of `slot`: every entry ever made for it, and its chain.
    static func load(_ db: Database, slot: DivisionSlot) throws -> WaitingLine {
        let rows = try db.query("""
            SELECT id, registration_id, applied_at, state, offered_at, deadline, decided_at FROM waiting_entries
            WHERE facility_id = ? AND date = ? AND division = ? ORDER BY applied_at, id
            """, [slot.facility.sqlValue, slot.date.sqlValue, slot.division.sqlValue])
        let places = try rows.map { row in
            let entry = WaitingEntry(id: String(try row.get("id") as Int64), registration: String(try row.get("registration_id") as Int64),
                                     slot: slot, appliedAt: try row.get("applied_at"))
            return WaitingLine.Place(entry: entry, status: try status(row))
        }
        let chain = try db.queryOne("SELECT chain, seed FROM waiting_chains WHERE facility_id = ? AND date = ? AND division = ?",
                                    [slot.facility.sqlValue, slot.date.sqlValue, slot.division.sqlValue])
        let ids: [String] = try chain.map { try JSONCodec.decodeStored([String].self, from: $0.get("chain")) } ?? []
        let seed: String? = try chain?.get("seed")
        return WaitingLine(slot: slot, places: places, chain: ids, chainSeed: seed.flatMap(LotterySeed.init(hex:)))
    }

    /// Writes the places whose status changed since `before`, and the chain.
    /// The offer that ends (declined, expired, withdrawn, passed on after a
    /// refused acceptance) is written before the one that is made: a slot
    /// holds one offer at a time (`waiting_entries_one_offer`), and a drawn
    /// chain offers in another order than the places' order of application,
    /// so the next offered may be written before the one it follows.
    static func save(_ db: Database, _ line: WaitingLine, before: WaitingLine) throws {
        let old = Dictionary(uniqueKeysWithValues: before.places.map { ($0.entry.id, $0.status) })
        let changed = line.places.filter { old[$0.entry.id] != $0.status }
        let offersLast = changed.filter { !$0.status.isOffered } + changed.filter(\.status.isOffered)
        for place in offersLast {
            guard let id = Int64(place.entry.id) else { continue }
            switch place.status {
            case .waiting:
                try db.run("UPDATE waiting_entries SET state = 'waiting' WHERE id = ?", [.integer(id)])
            case .offered(let at, let deadline):
                try db.run("UPDATE waiting_entries SET state = 'offered', offered_at = ?, deadline = ? WHERE id = ?",
                           [at.sqlValue, deadline.sqlValue, .integer(id)])
            case .accepted(let at), .declined(let at), .expired(let at), .withdrawn(let at), .closed(let at):
                try db.run("UPDATE waiting_entries SET state = ?, decided_at = ? WHERE id = ?",
                           [.text(place.status.name), at.sqlValue, .integer(id)])
            }
        }
        let key: [SQLValue] = [line.slot.facility.sqlValue, line.slot.date.sqlValue, line.slot.division.sqlValue]
        if line.chain.isEmpty {
            try db.run("DELETE FROM waiting_chains WHERE facility_id = ? AND date = ? AND division = ?", key)
        } else if line.chain != before.chain || line.chainSeed != before.chainSeed {
            try db.run("""
                INSERT INTO waiting_chains (facility_id, date, division, chain, seed) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (facility_id, date, division) DO UPDATE SET chain = excluded.chain, seed = excluded.seed
                """, key + [.text(try JSONCodec.text(of: line.chain)), line.chainSeed.map { .text($0.hex) } ?? .null])
        }
    }

    /// The status a row stores.
    static func status(_ row: Row) throws -> WaitingLine.Status {
        let state: String = try row.get("state")
        let decided: Instant? = try row.get("decided_at")
        let applied: Instant = try row.get("applied_at")
        let at = decided ?? applied
        switch state {
        case "waiting": return .waiting
        case "offered":
            let offeredAt: Instant? = try row.get("offered_at"), deadline: Instant? = try row.get("deadline")
            guard let offeredAt, let deadline else { throw corrupt(state) }
            return .offered(at: offeredAt, deadline: deadline)
        case "accepted": return .accepted(at: at)
        case "declined": return .declined(at: at)
        case "expired": return .expired(at: at)
        case "withdrawn": return .withdrawn(at: at)
        case "closed": return .closed(at: at)
        default: throw corrupt(state)
        }
    }

    static func corrupt(_ state: String) -> StoreError {
        StoreError(code: .typeMismatch, resultCode: 20, message: "a waiting entry's state \(state) is not one of the line's")
    }

    /// The slots of `facility` from `first` to `last` whose lines have a live entry.
    static func liveUnits(_ db: Database, facility: FacilityID, from first: LocalDate, to last: LocalDate) throws -> Set<DivisionSlot> {
        Set(try db.query(liveUnitsQuery, [facility.sqlValue, first.sqlValue, last.sqlValue]).map {
            DivisionSlot(facility: facility, date: try $0.get(0), division: try $0.get(1))
        })
    }

    static let liveUnitsQuery = SQL("""
        SELECT DISTINCT date, division FROM waiting_entries
        WHERE facility_id = ? AND date BETWEEN ? AND ? AND state IN ('waiting', 'offered')
        """)

    /// The slots whose lines have a live entry, in date order.
    static func liveSlots(_ db: Database) throws -> [DivisionSlot] {
        try db.query("""
            SELECT DISTINCT facility_id, date, division FROM waiting_entries WHERE state IN ('waiting', 'offered')
            ORDER BY date, facility_id, division
            """).map { DivisionSlot(facility: try $0.get("facility_id"), date: try $0.get("date"), division: try $0.get("division")) }
    }
}
