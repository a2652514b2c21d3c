/// Where the service keeps personal data (個人情報) and what erasing a
/// registration's personal data does to each place. docs/OPERATIONS.md
/// ("Personal data") gives the same table for operators.
///
/// | table | personal columns | on erasure |
/// |---|---|---|
/// | registrations | name, name_kana, contact, postal_code, address, evidence, the search keys | name → `erased`, contact → '', evidence → {}, フリガナ and address → NULL, keys → ''; `erased_at` set |
/// | bookings | purpose, guardian, cancel_reason | → `erased` (guardian, cancel reason only where given) |
/// | receipts | payer (宛名) of the registration's bookings' receipts | → `erased`; number, amount, 但し書き and issuer stay |
/// | locker_leases | identity_check, registry_extract_check (the document) | document → `erased`; who checked and when stay |
/// | locker_waitlist | note | → '' |
/// | lottery_entries, waiting_entries | purpose | → `erased` |
/// | booking_series | purpose, the request's purpose and guardian | → `erased` |
/// | storage_applications | holder_name | → `erased` |
/// | storage_movements | by_name (who took or returned an item) | → `erased` |
/// | access_tokens | name of the registration's member tokens | → `erased`, and revoked |
/// | feed_tokens | the registration's calendar-feed URL (a hash, no name) | revoked |
/// | every `*_by` column, audit_log.actor | a member token's label `member:<name>#<id>` | → `member:（消去済み）#<id>` |
/// | audit_log | the above inside `before`/`after` | the line is redacted (see `AuditRedaction`) |
/// | idempotency_keys | stored responses | the registration's are deleted; all are deleted after `idempotencyRetentionDays` |
///
/// Kept, as anonymous figures for the reports: the registration's id,
/// category, in-ward flag, validity dates and penalty points; every
/// booking, desk pass, lease, application and allocation with its dates,
/// units, states and fees. Corporate numbers (法人番号) identify companies,
/// not people, and are public: they are kept.
public enum PersonalData {
    /// What erased text reads as.
    public static let erased = "（消去済み）"

    /// How long stored responses of `Idempotency-Key` requests are kept (a
    /// retry within this window gets the first answer).
    public static let idempotencyRetentionDays: Int64 = 30

    /// Keys whose values are personal data wherever they appear in an audit
    /// line about an erased registration.
    static let auditKeys: Set<String> = [
        "name", "contact", "evidence", "guardian", "purpose", "cancel_reason", "note", "holder_name", "document", "by",
        "name_kana", "postal_code", "address", "payer", "addressee", "lines",
    ]

    /// The label of an erased member token: its id stays, for accountability.
    static func erasedLabel(tokenID: Int64) -> String { "member:\(erased)#\(tokenID)" }
}
