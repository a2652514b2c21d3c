import CalendarValues
import CenterDomain
import JSON
internal import Store

/// A registration found by a search (氏名・フリガナ検索) at the counter: any
/// of the filters, all of those given applying, a page at a time.
public struct RegistrationSearch: Sendable, Hashable {
    /// The name or フリガナ, folded (`NameQuery`): a part of either matches.
    public var name: NameQuery?
    /// Digits of a phone number: a contact holding them matches (the last
    /// four digits find a number typed in full).
    public var phoneDigits: String?
    public var corporateNumber: CorporateNumber?
    public var category: UserCategory?
    /// `active`, `suspended` or `expired` today.
    public var status: RegistrationStatus?
    /// Only registrations with a greater id (the last id of the previous page).
    public var afterID: Int64
    /// At most this many, 1…`maximumLimit`.
    public var limit: Int

    /// The largest page.
    public static let maximumLimit = 500
    /// The page when none is asked for.
    public static let defaultLimit = 100
    /// The fewest digits a phone search takes: fewer would match half the file.
    public static let minimumPhoneDigits = 4

    public init(name: NameQuery? = nil, phoneDigits: String? = nil, corporateNumber: CorporateNumber? = nil,
                category: UserCategory? = nil, status: RegistrationStatus? = nil, afterID: Int64 = 0,
                limit: Int = RegistrationSearch.defaultLimit) {
        self.name = name
        self.phoneDigits = phoneDigits
        self.corporateNumber = corporateNumber
        self.category = category
        self.status = status
        self.afterID = afterID
        self.limit = min(max(limit, 1), Self.maximumLimit)
    }
}

/// A stored registration a new one may duplicate, as `possible_duplicate`
/// lists it: the record, and why it matched (`name_and_phone`, `corporate_number`).
public struct RegistrationMatch: Sendable, Hashable, Encodable {
    public let registration: RegistrationRecord
    public let reasons: [String]
}

extension Registrations {
    /// The registrations `search` finds, by id (the order a page continues
    /// in), staff only. The name is matched on the stored folded keys, so
    /// the fold runs once per query, not once per row; a blank or overlong
    /// query never gets here (`NameQuery`). An erased registration has no
    /// keys and is found by its id alone (`GET /registrations/{id}`).
    public func search(_ search: RegistrationSearch) async throws -> [RegistrationRecord] {
        let today = context.today
        var conditions = ["id > ?"]
        var values: [SQLValue] = [.integer(search.afterID)]
        if let name = search.name {
            conditions.append("(instr(name_key, ?) > 0 OR instr(kana_key, ?) > 0)")
            values += [.text(name.key), .text(name.key)]
        }
        if let digits = search.phoneDigits {
            conditions.append("instr(contact, ?) > 0")
            values.append(.text(digits))
        }
        if let number = search.corporateNumber {
            conditions.append("corporate_number = ?")
            values.append(.text(number.digits))
        }
        if let category = search.category {
            conditions.append("category = ?")
            values.append(category.sqlValue)
        }
        if let status = search.status {
            let expired = "(valid_until < ? OR valid_from > ?)"
            let suspended = "(status = 'suspended' AND suspended_until >= ?)"
            switch status {
            case .expired:
                conditions.append(expired)
                values += [today.sqlValue, today.sqlValue]
            case .suspended:
                conditions.append("NOT \(expired) AND \(suspended)")
                values += [today.sqlValue, today.sqlValue, today.sqlValue]
            case .active:
                conditions.append("NOT \(expired) AND NOT \(suspended)")
                values += [today.sqlValue, today.sqlValue, today.sqlValue]
            }
        }
        let sql = "SELECT \(RegistrationRecord.columns) FROM registrations WHERE "
            + conditions.joined(separator: " AND ") + " ORDER BY id LIMIT ?"
        values.append(.integer(Int64(search.limit)))
        let query = values
        return try await pool.read { db in
            try db.query(sql, query).map { try RegistrationRecord(row: $0, today: today) }
        }
    }

    /// Fills the search keys of registrations stored without them (before
    /// migration 9, or after a change of the folding cleared them), a batch
    /// per write so requests are not held up; returns how many were filled.
    /// `CenterService.start` runs it before serving.
    @discardableResult
    public func fillSearchKeys() async throws -> Int {
        let pending: Int = try await pool.read { db in
            try db.queryOne("SELECT count(*) FROM registrations WHERE name_key IS NULL")?.get(0) ?? 0
        }
        guard pending > 0 else { return 0 }
        var filled = 0
        while true {
            let batch: Int = try await pool.write { db in
                let rows = try db.query("""
                    SELECT id, name, name_kana, evidence, erased_at FROM registrations WHERE name_key IS NULL ORDER BY id LIMIT 500
                    """)
                for row in rows {
                    let evidence = try JSONCodec.decodeStored(RegistrationEvidence.self, from: row.get("evidence"))
                    let keys = RegistrationKeys(name: try row.get("name"), nameKana: try row.get("name_kana"), evidence: evidence,
                                                erased: (try row.get("erased_at") as Int64?) != nil)
                    try keys.store(db, registration: try row.get("id"))
                }
                return rows.count
            }
            filled += batch
            if batch == 0 { return filled }
        }
    }
}
