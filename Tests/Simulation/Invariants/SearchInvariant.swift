import CalendarValues
import CenterDomain
import CenterService

/// A registration search finds exactly the registrations that match, as
/// the checker reads them: a name query (`NameQuery`, the domain's folding)
/// matching the stored name or フリガナ as they read now (so the search
/// keys followed every change of the name), a phone's digits found in the
/// contact, the corporate number, the category, and the status of the day.
/// Erased registrations are found by id alone, never by name.
final class SearchInvariant: Invariant {
    let name = "registrations.search_finds_them"

    func check(_ c: StepCheck) throws -> [String] {
        guard !c.evidence.searches.isEmpty else { return [] }
        let today = c.today
        let rows = try c.db.rows("""
            SELECT id, name, name_kana, contact, corporate_number, category, valid_from, valid_until, status, suspended_until, erased_at
            FROM registrations ORDER BY id
            """)
        var problems: [String] = []
        for read in c.evidence.searches {
            let search = read.search
            let expected = rows.filter { row in
                guard let id = row[0].int, id > search.afterID, let name = row[1].text else { return false }
                if let query = search.name {
                    if row[10] != .null || !query.matches(name: name, kana: row[2].text) { return false }
                }
                if let digits = search.phoneDigits, !(row[3].text ?? "").filter(\.isASCIIDigit).contains(digits) { return false }
                if let number = search.corporateNumber, row[4].text != number.digits { return false }
                if let category = search.category, row[5].text != category.rawValue { return false }
                if let status = search.status, Self.status(row, today: today) != status { return false }
                return true
            }.compactMap { $0[0].int }.prefix(search.limit)
            if Array(expected) != read.found {
                problems.append("\(read.query) found \(read.found); the registrations matching are \(Array(expected))")
            }
        }
        return problems
    }

    /// A registration's status on `today`, from its row.
    static func status(_ row: [DatabaseReader.Cell], today: LocalDate) -> RegistrationStatus {
        let from = row[6].text.flatMap(LocalDate.init), until = row[7].text.flatMap(LocalDate.init)
        if let from, let until, today < from || today > until { return .expired }
        if row[8].text == "suspended", let end = row[9].text.flatMap(LocalDate.init), end >= today { return .suspended }
        return .active
    }
}
