import CalendarValues

/// The front desk's day sheet agrees with the database: each room's
/// division names the live booking that holds it; the bookings listed are
/// those in use that day (live, in use, done or a no-show; not on a day a
/// closure cancelled); each line's state is its booking's, its `paid` what
/// the center keeps of it (payments less refunds decided) and its amount
/// due what is still outstanding on a live booking (none on another), so
/// the counter collects neither more nor less than the ledger says; and the
/// sheet's amount due is its lines'.
final class DaySheetInvariant: Invariant {
    let name = "frontdesk.day_sheet_matches"

    func check(_ c: StepCheck) throws -> [String] {
        guard case .daySheet(let sheet)? = c.value else { return [] }
        let day = DatabaseReader.Cell.text(sheet.date.description)
        var problems: [String] = []
        var holders: [String: Int64] = [:]
        for row in try c.db.rows("SELECT facility_id, division, booking_id FROM booking_units WHERE live = 1 AND date = ?", [day]) {
            if let facility = row[0].text, let division = row[1].text, let booking = row[2].int { holders["\(facility) \(division)"] = booking }
        }
        for room in sheet.rooms {
            for slot in room.divisions where slot.booking != holders["\(room.facility) \(slot.division)"] {
                problems.append("the day sheet of \(sheet.date) shows \(room.facility) \(slot.division) held by "
                    + "\(slot.booking.map(String.init) ?? "nobody"); the units say \(holders["\(room.facility) \(slot.division)"].map(String.init) ?? "nobody")")
            }
        }
        var expected: [Int64: (state: String, kept: Int, due: Int)] = [:]
        for row in try c.db.rows(MoneyInvariant.ledger + """
            SELECT l.id, l.state, l.fee, l.paid - l.refunded FROM ledger l JOIN bookings b ON b.id = l.id
            WHERE b.first_date <= ?1 AND b.last_date >= ?1 AND l.state IN ('provisional', 'paid', 'checked_in', 'done', 'no_show')
                AND NOT EXISTS (SELECT 1 FROM booking_cancelled_days d WHERE d.booking_id = b.id AND d.date = ?1)
            """, [day]) {
            guard let id = row[0].int, let state = row[1].text, let fee = row[2].int, let kept = row[3].int else { continue }
            let live = state == "provisional" || state == "paid"
            expected[id] = (state, Int(kept), live ? max(0, Int(fee - kept)) : 0)
        }
        let lines = sheet.rooms.flatMap(\.bookings)
        let listed = Set(lines.map(\.booking))
        if listed != Set(expected.keys) || listed.count != lines.count {
            problems.append("the day sheet of \(sheet.date) lists bookings \(lines.map(\.booking).sorted()); "
                + "in use that day are \(expected.keys.sorted())")
        }
        for line in lines {
            guard let want = expected[line.booking] else { continue }
            if line.state.rawValue != want.state || line.paid != want.kept || line.amountDue != want.due {
                problems.append("the day sheet of \(sheet.date) shows booking \(line.booking) \(line.state.rawValue), paid ¥\(line.paid), "
                    + "due ¥\(line.amountDue); the ledger has \(want.state), kept ¥\(want.kept), outstanding ¥\(want.due)")
            }
        }
        let due = lines.reduce(0) { $0 + $1.amountDue } + sheet.deskPasses.reduce(0) { $0 + $1.amountDue }
        if sheet.amountDue != due {
            problems.append("the day sheet of \(sheet.date) is due ¥\(sheet.amountDue) in all; its lines ¥\(due)")
        }
        return problems
    }
}
