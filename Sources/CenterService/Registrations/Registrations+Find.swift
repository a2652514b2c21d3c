import CalendarValues
import CenterDomain
internal import Store

extension Registrations {
    /// The most registrations `find` answers.
    public static let findLimit = 50

    /// Registrations whose name matches `query` however it was typed
    /// (`NameQuery`: kana of either kind, full- or half-width), newest first,
    /// at most `findLimit`; erased ones are not found. For the front desk's
    /// search page; the matching is the domain's, the scan is of names only.
    public func find(name query: String) async throws(ServiceError<NameQuery.Code>) -> [RegistrationRecord] {
        try await context.run(NameQuery.Code.self) {
            let query = try NameQuery(query)
            let today = context.today
            return try await pool.read { db in
                var found: [RegistrationRecord] = []
                for row in try db.query("SELECT id, name FROM registrations WHERE erased_at IS NULL ORDER BY id DESC")
                where query.matches(name: try row.get("name")) {
                    found.append(try RegistrationRecord.load(db, id: try row.get("id"), today: today))
                    if found.count == Self.findLimit { break }
                }
                return found
            }
        }
    }
}
