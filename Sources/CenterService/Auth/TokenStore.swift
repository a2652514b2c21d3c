import CalendarValues
import CenterDomain
internal import Store

/// Tokens in the database: minted with a random secret, stored as SHA-256,
/// compared in constant time, revocable, and expiring when given an expiry.
enum TokenStore {
    /// Mints a token inside the caller's write transaction and audits it.
    static func mint(_ db: Database, role: Role, name: String, registrationID: Int64?, expiresAt: Instant?,
                     now: Instant, by actor: String) throws -> (AccessToken, TokenRecord) {
        let token = AccessToken.generate()
        try db.run("""
            INSERT INTO access_tokens (hash, role, name, registration_id, created_at, created_by, expires_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, [.blob(token.hash), role.sqlValue, .text(name), registrationID.map { .integer($0) } ?? .null,
                  now.sqlValue, .text(actor), expiresAt.sqlValue])
        let record = TokenRecord(id: db.lastInsertRowID, role: role, name: name, registrationID: registrationID,
                                 createdAt: now, expiresAt: expiresAt, revokedAt: nil)
        try AuditLog.append(db, at: now, actor: actor, action: "token.create", entity: "token",
                            entityID: String(record.id), after: record)
        return (token, record)
    }

    static let byHash = SQL("SELECT id, hash, role, name, registration_id, expires_at, revoked_at FROM access_tokens WHERE hash = ?")

    /// The caller behind `secret`, or `AuthError.invalidToken` when it is unknown, revoked or expired.
    static func authenticate(_ db: Database, secret: String, now: Instant) throws -> Actor {
        try authenticate(db, hash: AccessToken(secret: secret).hash, now: now).actor
    }

    /// The caller behind the token whose SHA-256 is `hash`, with its expiry
    /// (Unix seconds, nil for none); `AuthError.invalidToken` when it is
    /// unknown, revoked or expired.
    static func authenticate(_ db: Database, hash: [UInt8], now: Instant) throws -> (actor: Actor, expiresAt: Int64?) {
        guard let row = try db.queryOne(byHash, [.blob(hash)]) else { throw AuthError.invalidToken }
        let stored: [UInt8] = try row.get("hash")
        guard ConstantTime.equal(stored, hash) else { throw AuthError.invalidToken }
        let revokedAt: Int64? = try row.get("revoked_at")
        let expiresAt: Int64? = try row.get("expires_at")
        guard revokedAt == nil else { throw AuthError.invalidToken }
        if let expiresAt, expiresAt <= now.secondsSinceEpoch { throw AuthError.invalidToken }
        let roleText: String = try row.get("role")
        guard let role = Role(rawValue: roleText) else { throw AuthError.invalidToken }
        return (Actor(tokenID: try row.get("id"), role: role, name: try row.get("name"),
                      registrationID: try row.get("registration_id")), expiresAt)
    }

    /// Revokes token `id`; true when it existed and was live.
    static func revoke(_ db: Database, id: Int64, now: Instant, by actor: String) throws -> Bool {
        let changed = try db.run("UPDATE access_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                                 [now.sqlValue, .integer(id)])
        if changed > 0 {
            try AuditLog.append(db, at: now, actor: actor, action: "token.revoke", entity: "token", entityID: String(id))
        }
        return changed > 0
    }

    /// Whether any live admin token exists (first start mints one when not).
    static func hasLiveAdmin(_ db: Database, now: Instant) throws -> Bool {
        try db.queryOne("""
            SELECT 1 FROM access_tokens WHERE role = 'admin' AND revoked_at IS NULL
            AND (expires_at IS NULL OR expires_at > ?) LIMIT 1
            """, [now.sqlValue]) != nil
    }
}
