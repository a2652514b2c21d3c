/// No bay holds more units in a fiscal year than its capacity; an
/// application is allocated once, whole, in its own fiscal year, to a bay
/// of the configuration; an item is out exactly when its last movement is a
/// check-out, which its record names, and is never checked out twice
/// without a return between.
final class StorageInvariant: Invariant {
    let name = "storage.within_capacity"
    let reads: Set<String>? = ["storage_applications", "storage_allocations", "storage_items", "storage_movements"]

    func check(_ c: StepCheck) throws -> [String] {
        var problems: [String] = []
        let capacity = Dictionary(c.settings.center.storage.bays.compactMap { id in
            c.settings.center.facility(id).map { (id.rawValue, Int64($0.capacity)) }
        }, uniquingKeysWith: { a, _ in a })
        for row in try c.db.rows("SELECT bay_id, fiscal_year, sum(units) FROM storage_allocations GROUP BY bay_id, fiscal_year") {
            guard let bay = row[0].text, let units = row[2].int else { continue }
            guard let limit = capacity[bay] else {
                problems.append("an allocation to \(bay), which is no bay of the configuration")
                continue
            }
            if units > limit { problems.append("\(bay) holds \(units) units in FY\(row[1]), more than its \(limit)") }
        }
        problems += try c.db.lines("""
            SELECT s.id, s.application_id, s.units, a.units, s.fiscal_year, a.fiscal_year FROM storage_allocations s
            JOIN storage_applications a ON a.id = s.application_id WHERE s.units <> a.units OR s.fiscal_year <> a.fiscal_year
            """, [], "an allocation is not its application's (allocation, application, units, asked, FY, asked FY)")
        problems += try c.db.lines("""
            SELECT i.id, i.out_movement, (SELECT m.id FROM storage_movements m WHERE m.item_id = i.id ORDER BY m.id DESC LIMIT 1),
                (SELECT m.kind FROM storage_movements m WHERE m.item_id = i.id ORDER BY m.id DESC LIMIT 1)
            FROM storage_items i
            WHERE (i.out_movement IS NOT NULL) <> (coalesce((SELECT m.kind FROM storage_movements m WHERE m.item_id = i.id
                                                              ORDER BY m.id DESC LIMIT 1), 'return') = 'checkout')
               OR (i.out_movement IS NOT NULL AND i.out_movement <> (SELECT max(m.id) FROM storage_movements m WHERE m.item_id = i.id))
            """, [], "an item's state disagrees with its movements (item, out movement, last movement, kind)")
        problems += try c.db.lines("""
            SELECT a.item_id, a.id, b.id FROM storage_movements a JOIN storage_movements b ON b.item_id = a.item_id AND b.kind = a.kind
            WHERE b.id = (SELECT min(m.id) FROM storage_movements m WHERE m.item_id = a.item_id AND m.id > a.id)
            """, [], "an item moved the same way twice in a row (item, movement, next)")
        return problems
    }
}
