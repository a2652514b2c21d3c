import CenterDomain
internal import Store

/// Who holds a booking or a desk pass, as the counter calls them: the
/// registration's id, name, contact and category. Personal data: shown to
/// staff only.
public struct Holder: Sendable, Hashable, Encodable {
    public let registration: Int64
    public let name: String
    public let contact: String
    public let category: UserCategory

    /// The holders of `ids`, by id, read in one query.
    static func load(_ db: Database, ids: some Collection<Int64>) throws -> [Int64: Holder] {
        let unique = Array(Set(ids)).sorted()
        guard !unique.isEmpty else { return [:] }
        var holders: [Int64: Holder] = [:]
        for chunk in stride(from: 0, to: unique.count, by: 500).map({ unique[$0..<min($0 + 500, unique.count)] }) {
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
            for row in try db.query("SELECT id, name, contact, category FROM registrations WHERE id IN (\(marks))",
                                    chunk.map { .integer($0) }) {
                let holder = Holder(registration: try row.get("id"), name: try row.get("name"), contact: try row.get("contact"),
                                    category: try row.get("category"))
                holders[holder.registration] = holder
            }
        }
        return holders
    }
}
