/// Per registration, calendar month and facility class (ordinance category
/// 1 or 2), the live units never exceed the monthly cap, for every category
/// the cap applies to (the category the booking was taken in).
final class MonthlyCapInvariant: Invariant {
    let name = "limits.monthly_cap"
    let reads: Set<String>? = ["booking_units", "bookings"]

    func check(_ c: StepCheck) throws -> [String] {
        let limits = c.settings.center.limits.monthly
        let exempt = Set(limits.exemptCategories.map(\.rawValue))
        var classOf: [String: String] = [:]
        for facility in c.settings.center.facilities {
            classOf[facility.id.rawValue] = facility.category.map { "category-\($0)" } ?? facility.kind.rawValue
        }
        var units: [String: Int64] = [:]
        for row in try c.db.rows("""
            SELECT u.registration_id, substr(u.date, 1, 7), u.facility_id, b.category, count(*)
            FROM booking_units u JOIN bookings b ON b.id = u.booking_id WHERE u.live = 1
            GROUP BY u.registration_id, substr(u.date, 1, 7), u.facility_id, b.category
            """) {
            guard let category = row[3].text, !exempt.contains(category), let facility = row[2].text, let count = row[4].int else { continue }
            units["registration \(row[0]) in \(row[1]) on \(classOf[facility] ?? facility)", default: 0] += count
        }
        return units.sorted { $0.key < $1.key }.filter { $0.value > Int64(limits.maxUnits) }.map {
            "\($0.key) holds \($0.value) live units, more than the cap of \(limits.maxUnits)"
        }
    }
}
