import CenterDomain
import JSON
internal import Store
import CalendarValues

/// Why a registration's personal data was erased.
public enum ErasureReason: String, Sendable, Hashable, Encodable {
    /// The person asked (本人からの削除請求, 個人情報の保護に関する法律 第35条).
    case request
    /// Its retention ended (`PersonalDataRetention`).
    case retention
}

/// What an erasure did: which registration, why, when, and how many rows of
/// each table it changed. It names no erased value, so it is what the audit
/// log records of the erasure.
public struct ErasureResult: Sendable, Hashable, Encodable {
    public let registration: Int64
    public let reason: ErasureReason
    public let erasedAt: Instant
    /// The day the registration ended (the retention clock's start).
    public let endedOn: LocalDate
    /// Rows changed per table (audit lines redacted under `audit_log`).
    public let rows: [String: Int]

    enum CodingKeys: String, CodingKey {
        case registration, reason, rows
        case erasedAt = "erased_at", endedOn = "ended_on"
    }
}

/// Erases one registration's personal data inside the caller's write
/// transaction (`PersonalData` lists what goes where).
struct RegistrationErasure {
    let db: Database
    let registration: Int64
    let now: Instant

    /// The day the registration ended: the latest of its validity's end and
    /// the last day of any booking, desk pass, locker lease or storage year.
    func endedOn(validUntil: LocalDate) throws -> LocalDate {
        let id = SQLValue.integer(registration)
        var end = validUntil
        for sql in ["SELECT max(last_date) FROM bookings WHERE registration_id = ?",
                    "SELECT max(date) FROM desk_passes WHERE registration_id = ?",
                    "SELECT max(coalesce(ended_on, end_date)) FROM locker_leases WHERE registration_id = ?"] {
            if let text: String = try db.queryOne(sql, [id])?.get(0), let date = LocalDate(text), date > end { end = date }
        }
        if let year: Int = try db.queryOne("SELECT max(fiscal_year) FROM storage_applications WHERE registration_id = ?", [id])?.get(0) {
            end = max(end, FiscalYear(year).last)
        }
        return end
    }

    /// What still ties the registration to the center, by table: open or
    /// unpaid bookings, booked desk passes, active or unpaid leases, open
    /// waitlist entries, storage held this fiscal year or later. Empty when
    /// nothing is owed or booked.
    func blockers() throws -> [String: String] {
        let id = SQLValue.integer(registration)
        let fiscalYear = Int64(FiscalYear(containing: now.japanDate).startYear)
        let queries: [(String, String, [SQLValue])] = [
            ("bookings", "SELECT id FROM bookings WHERE registration_id = ? AND state IN ('provisional', 'paid', 'checked_in') ORDER BY id", [id]),
            ("desk_passes", "SELECT id FROM desk_passes WHERE registration_id = ? AND state = 'booked' ORDER BY id", [id]),
            ("locker_leases", "SELECT id FROM locker_leases WHERE registration_id = ? AND state = 'active' ORDER BY id", [id]),
            ("locker_waitlist", "SELECT id FROM locker_waitlist WHERE registration_id = ? AND state IN ('waiting', 'offered') ORDER BY id", [id]),
            ("lottery_entries", "SELECT id FROM lottery_entries WHERE registration_id = ? AND state = 'entered' ORDER BY id", [id]),
            ("waiting_entries", "SELECT id FROM waiting_entries WHERE registration_id = ? AND state IN ('waiting', 'offered') ORDER BY id", [id]),
            ("storage_allocations", """
                SELECT al.id FROM storage_allocations al JOIN storage_applications ap ON ap.id = al.application_id
                WHERE ap.registration_id = ? AND al.fiscal_year >= ? ORDER BY al.id
                """, [id, .integer(fiscalYear)]),
            ("refunds", """
                SELECT DISTINCT b.id FROM refunds r JOIN bookings b ON b.id = r.booking_id
                WHERE b.registration_id = ? AND r.amount > (SELECT coalesce(sum(o.amount), 0) FROM refund_payouts o WHERE o.refund_id = r.id)
                ORDER BY b.id
                """, [id]),
        ]
        var blockers: [String: String] = [:]
        for (table, sql, arguments) in queries {
            let ids: [Int64] = try db.query(sql, arguments).map { try $0.get(0) }
            if !ids.isEmpty { blockers[table] = ids.map(String.init).joined(separator: ",") }
        }
        return blockers
    }

    /// Erases everything `PersonalData` lists for the registration and
    /// returns the rows changed per table.
    func erase(reason: ErasureReason, actor: String) throws -> [String: Int] {
        let id = SQLValue.integer(registration)
        let erased = SQLValue.text(PersonalData.erased)
        let at = now.sqlValue
        var rows: [String: Int] = [:]

        let person = try db.queryOne("SELECT name, name_kana, contact, address FROM registrations WHERE id = ?", [id])
        let tokens = try db.query("SELECT id, name FROM access_tokens WHERE registration_id = ? AND role = 'member'", [id])
            .map { (id: try $0.get("id") as Int64, name: try $0.get("name") as String) }
        var replacements: [String: String] = [:]
        for token in tokens {
            replacements["member:\(token.name)#\(token.id)"] = PersonalData.erasedLabel(tokenID: token.id)
            replacements[token.name] = PersonalData.erased
        }
        for column in ["name", "name_kana", "contact", "address"] {
            if let value: String = try person?.get(column), !value.isEmpty { replacements[value] = PersonalData.erased }
        }
        for (sql, label) in [
            ("SELECT guardian FROM bookings WHERE registration_id = ? AND guardian IS NOT NULL", "guardian"),
            ("SELECT holder_name FROM storage_applications WHERE registration_id = ?", "holder_name"),
            ("SELECT r.payer FROM receipts r JOIN bookings b ON b.id = r.booking_id WHERE b.registration_id = ?", "payer"),
            ("SELECT note FROM locker_waitlist WHERE registration_id = ? AND note <> ''", "note"),
            ("SELECT json_extract(identity_check, '$.document') AS document FROM locker_leases WHERE registration_id = ?", "document"),
            ("SELECT json_extract(registry_extract_check, '$.document') AS document FROM locker_leases WHERE registration_id = ? AND registry_extract_check IS NOT NULL", "document"),
            ("""
             SELECT m.by_name FROM storage_movements m JOIN storage_items i ON i.id = m.item_id
             JOIN storage_allocations al ON al.id = i.allocation_id JOIN storage_applications ap ON ap.id = al.application_id
             WHERE ap.registration_id = ?
             """, "by_name"),
        ] {
            for row in try db.query(sql, [id]) {
                if let value: String = try row.get(label), !value.isEmpty, value != PersonalData.erased { replacements[value] = PersonalData.erased }
            }
        }

        let bookings: [Int64] = try ids("SELECT id FROM bookings WHERE registration_id = ?")
        let passes: [Int64] = try ids("SELECT id FROM desk_passes WHERE registration_id = ?")
        let leases: [Int64] = try ids("SELECT id FROM locker_leases WHERE registration_id = ?")
        let entries: [Int64] = try ids("SELECT id FROM locker_waitlist WHERE registration_id = ?")
        let offers: [Int64] = try ids("SELECT o.id FROM locker_offers o JOIN locker_waitlist w ON w.id = o.waitlist_id WHERE w.registration_id = ?")
        let applications: [Int64] = try ids("SELECT id FROM storage_applications WHERE registration_id = ?")
        let lotteryEntries: [Int64] = try ids("SELECT id FROM lottery_entries WHERE registration_id = ?")
        let waitingEntries: [Int64] = try ids("SELECT id FROM waiting_entries WHERE registration_id = ?")
        let series: [Int64] = try ids("SELECT id FROM booking_series WHERE registration_id = ?")
        let allocations: [Int64] = try ids("""
            SELECT al.id FROM storage_allocations al JOIN storage_applications ap ON ap.id = al.application_id WHERE ap.registration_id = ?
            """)
        let items: [Int64] = try ids("""
            SELECT i.id FROM storage_items i JOIN storage_allocations al ON al.id = i.allocation_id
            JOIN storage_applications ap ON ap.id = al.application_id WHERE ap.registration_id = ?
            """)
        let receipts: [String] = try db.query("""
            SELECT r.fiscal_year, r.sequence FROM receipts r JOIN bookings b ON b.id = r.booking_id WHERE b.registration_id = ?
            """, [id]).compactMap { row in
            ReceiptNumber(fiscalYear: FiscalYear(try row.get("fiscal_year")), sequence: try row.get("sequence"))?.description
        }

        let today = now.japanDate
        let yesterday = today.adding(days: -1).sqlValue
        rows["registrations"] = try db.run("""
            UPDATE registrations SET name = ?, contact = '', evidence = '{}', erased_at = ?, name_kana = NULL, postal_code = NULL,
                address = NULL, name_key = '', kana_key = '', identity_key = '', corporate_number = NULL,
                valid_until = CASE WHEN valid_until >= ? THEN ? ELSE valid_until END,
                valid_from = CASE WHEN valid_from > ? THEN ? ELSE valid_from END,
                updated_at = ?, updated_by = ?
            WHERE id = ?
            """, [erased, at, today.sqlValue, yesterday, yesterday, yesterday, at, .text(actor), id])
        rows["bookings"] = try db.run("""
            UPDATE bookings SET purpose = ?, guardian = CASE WHEN guardian IS NULL THEN NULL ELSE ? END,
                cancel_reason = CASE WHEN cancel_reason IS NULL THEN NULL ELSE ? END
            WHERE registration_id = ?
            """, [erased, erased, erased, id])
        rows["receipts"] = try db.run("""
            UPDATE receipts SET payer = ? WHERE payer <> ? AND booking_id IN (SELECT id FROM bookings WHERE registration_id = ?)
            """, [erased, erased, id])
        rows["locker_leases"] = try db.run("""
            UPDATE locker_leases SET identity_check = json_set(identity_check, '$.document', ?),
                registry_extract_check = CASE WHEN registry_extract_check IS NULL THEN NULL
                                              ELSE json_set(registry_extract_check, '$.document', ?) END
            WHERE registration_id = ?
            """, [erased, erased, id])
        rows["locker_waitlist"] = try db.run("UPDATE locker_waitlist SET note = '' WHERE registration_id = ?", [id])
        rows["lottery_entries"] = try db.run("UPDATE lottery_entries SET purpose = ? WHERE registration_id = ?", [erased, id])
        rows["waiting_entries"] = try db.run("UPDATE waiting_entries SET purpose = ? WHERE registration_id = ?", [erased, id])
        rows["booking_series"] = try db.run("""
            UPDATE booking_series SET purpose = ?,
                request = json_set(request, '$.purpose', ?, '$.guardian', CASE WHEN json_extract(request, '$.guardian') IS NULL
                                                                               THEN NULL ELSE ? END)
            WHERE registration_id = ?
            """, [erased, erased, erased, id])
        rows["storage_applications"] = try db.run("UPDATE storage_applications SET holder_name = ? WHERE registration_id = ?", [erased, id])
        rows["storage_movements"] = try db.run("""
            UPDATE storage_movements SET by_name = ? WHERE item_id IN (
                SELECT i.id FROM storage_items i JOIN storage_allocations al ON al.id = i.allocation_id
                JOIN storage_applications ap ON ap.id = al.application_id WHERE ap.registration_id = ?)
            """, [erased, id])
        rows["access_tokens"] = try db.run("""
            UPDATE access_tokens SET name = ?, revoked_at = coalesce(revoked_at, ?) WHERE registration_id = ? AND role = 'member'
            """, [erased, at, id])
        rows["feed_tokens"] = try db.run("""
            UPDATE feed_tokens SET revoked_at = ?, revoked_by = ? WHERE registration_id = ? AND revoked_at IS NULL
            """, [at, .text(actor), id])

        // Member labels in the registration's own rows (a member acts only on its own registration's things).
        let labelColumns: [(table: String, columns: [String])] = [
            ("registrations", ["created_by", "updated_by"]), ("bookings", ["created_by", "cancelled_by"]),
            ("desk_passes", ["created_by", "checked_in_by", "cancelled_by"]), ("locker_leases", ["created_by", "updated_by"]),
            ("locker_waitlist", ["created_by"]), ("storage_applications", ["created_by"]),
            ("lottery_entries", ["created_by", "withdrawn_by"]), ("waiting_entries", ["created_by"]),
            ("booking_series", ["created_by", "cancelled_by"]),
        ]
        for token in tokens {
            let label = SQLValue.text("member:\(token.name)#\(token.id)")
            let replacement = SQLValue.text(PersonalData.erasedLabel(tokenID: token.id))
            for (table, columns) in labelColumns {
                let key = table == "registrations" ? "id" : "registration_id"
                for column in columns {
                    try db.run("UPDATE \(table) SET \(column) = ? WHERE \(key) = ? AND \(column) = ?", [replacement, id, label])
                }
            }
        }

        rows["idempotency_keys"] = try deleteStoredResponses(labels: tokens.map { "member:\($0.name)#\($0.id)" },
                                                             values: Array(replacements.keys))

        let redaction = AuditRedaction(registration: registration, replacements: replacements)
        rows["audit_log"] = try redaction.redact(db, ownEntities: [
            "registration": [registration], "booking": bookings, "desk_pass": passes, "locker_lease": leases,
            "locker_waitlist": entries, "locker_offer": offers, "storage_application": applications,
            "storage_allocation": allocations, "storage_item": items, "token": tokens.map(\.id),
            "lottery_entry": lotteryEntries, "waiting_entry": waitingEntries, "booking_series": series,
        ], ownNamedEntities: ["receipt": receipts], actors: tokens.map { "member:\($0.name)#\($0.id)" }, at: now.secondsSinceEpoch)
        return rows.filter { $0.value > 0 }
    }

    /// Deletes the stored `Idempotency-Key` responses that hold the
    /// registration's data: its members' requests, and responses that name
    /// the registration or one of the erased values.
    private func deleteStoredResponses(labels: [String], values: [String]) throws -> Int {
        var deleted = 0
        for label in labels {
            deleted += try db.run("DELETE FROM idempotency_keys WHERE actor = ?", [.text(label)])
        }
        var needles = ["\"registration\":\(registration),", "\"registration\":\(registration)}",
                       "\"registration_id\":\(registration),", "\"registration_id\":\(registration)}"]
        for value in values where value.utf8.count >= 2 {
            // As the service's encoder wrote it inside a stored response.
            if let encoded = try? JSONCodec.text(of: value) { needles.append(String(encoded.dropFirst().dropLast())) }
        }
        for needle in needles {
            deleted += try db.run("DELETE FROM idempotency_keys WHERE instr(body, ?) > 0", [.blob(Array(needle.utf8))])
        }
        return deleted
    }

    private func ids(_ sql: String) throws -> [Int64] {
        try db.query(sql, [.integer(registration)]).map { try $0.get(0) }
    }
}
