/// No bay holds more units in a fiscal year than its capacity; an
/// application is allocated once, whole, in its own fiscal year, to a bay
/// of the configuration.
final class StorageInvariant: Invariant {
    let name = "storage.within_capacity"

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
        return problems
    }
}
