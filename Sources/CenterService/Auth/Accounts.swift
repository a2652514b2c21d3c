import CalendarValues
import CenterDomain
internal import Store

/// Accounts: the bearer tokens of staff, planners and members, who a caller
/// is, and the audit log of every change.
public struct Accounts: AreaService {
    let context: ServiceContext

    /// The caller behind an `Authorization` header: nil without one,
    /// `AuthError` for a malformed, unknown, revoked or expired token. A
    /// token seen valid in the last second is neither hashed nor looked up
    /// again (`TokenCache`).
    public func authenticate(authorization: String?) async throws -> Actor? {
        guard let authorization else { return nil }
        let parts = authorization.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer", parts[1].utf8.count <= 256 else {
            throw AuthError.invalidToken
        }
        let token = TokenCache.Token(Array(parts[1].utf8))
        let now = clock.now()
        let cache = context.tokenCache
        let seen = ContinuousClock.now
        if let actor = cache.actor(token: token, now: now.secondsSinceEpoch, at: seen) { return actor }
        let generation = cache.generation
        let hash = SHA256.hash(token.bytes)
        let (actor, expiresAt) = try await pool.read { db in try TokenStore.authenticate(db, hash: hash, now: now) }
        cache.keep(token: token, actor: actor, expiresAt: expiresAt, generation: generation, at: seen)
        return actor
    }

    /// Mints a token; the secret is returned once and never stored.
    public func mintToken(role: Role, name: String, registrationID: Int64? = nil, expiresAt: Instant? = nil,
                          by actor: String) async throws(ServiceError<TokenMintCode>) -> (AccessToken, TokenRecord) {
        try await context.run(TokenMintCode.self) {
            let name = try TextRule.name.check(name, field: "name", code: TokenMintCode.invalidName)
            if role == .member, registrationID == nil {
                throw Refusal(TokenMintCode.registrationRequired, "a member token belongs to a registration")
            }
            let now = clock.now()
            if let expiresAt, expiresAt <= now {
                throw Refusal(TokenMintCode.invalidExpiry, "the expiry \(expiresAt.rfc3339) is not in the future (now: \(now.rfc3339))")
            }
            return try await pool.write { db in
                if let registrationID,
                   try db.queryOne("SELECT 1 FROM registrations WHERE id = ?", [.integer(registrationID)]) == nil {
                    throw Refusal(TokenMintCode.unknownRegistration, "no registration has id \(registrationID)",
                                  details: ["registration": String(registrationID)])
                }
                return try TokenStore.mint(db, role: role, name: name, registrationID: registrationID, expiresAt: expiresAt,
                                    now: now, by: actor)
            }
        }
    }

    /// Revokes a token by id.
    public func revokeToken(id: Int64, by actor: String) async throws(ServiceError<TokenRevokeCode>) {
        try await context.run(TokenRevokeCode.self) {
            let now = clock.now()
            let revoked = try await pool.write { db in try TokenStore.revoke(db, id: id, now: now, by: actor) }
            if revoked { context.tokenCache.revoked() }
            if !revoked { throw Refusal(TokenRevokeCode.tokenNotFound, "no live token has id \(id)") }
        }
    }

    /// On first start: when no live admin token exists, mints one for the
    /// caller to write to a file. Returns nil when an admin already exists.
    public func bootstrapAdminToken() async throws -> AccessToken? {
        let now = clock.now()
        return try await pool.write { db in
            guard try !TokenStore.hasLiveAdmin(db, now: now) else { return nil }
            return try TokenStore.mint(db, role: .admin, name: "Initial administrator", registrationID: nil,
                                       expiresAt: nil, now: now, by: "system:bootstrap").0
        }
    }

    /// Audit entries since `since` (admin).
    public func auditEntries(since: Instant, afterID: Int64, limit: Int) async throws -> [AuditEntry] {
        try await pool.read { db in try AuditLog.entries(db, since: since, afterID: afterID, limit: limit) }
    }
}
