import CalendarValues
import Store

extension CenterService {
    /// Issues a one-time sign-up code for a registration (staff, at the
    /// counter): valid 14 days, shown once on the slip. An older unused code
    /// of the registration is withdrawn. For a registration whose member
    /// already has an account, the code sets a new password (forgotten).
    public func issueSignUpCode(registrationID: Int64, by actor: String) async throws -> IssuedSignUpCode {
        let now = clock.now()
        let code = SignUpCode.generate()
        let expiresAt = now.adding(seconds: SignUpCode.validDays * 86_400)
        return try await pool.write { db in
            guard let registration = try db.queryOne("SELECT name, erased_at FROM registrations WHERE id = ?",
                                                     [.integer(registrationID)]) else {
                throw SignUpCodeError.registrationNotFound(registrationID)
            }
            guard (try registration.get("erased_at") as Int64?) == nil else { throw SignUpCodeError.registrationErased(registrationID) }
            try db.run("""
                UPDATE signup_codes SET withdrawn_at = ? WHERE registration_id = ? AND used_at IS NULL AND withdrawn_at IS NULL
                """, [.integer(now.secondsSinceEpoch), .integer(registrationID)])
            try db.run("""
                INSERT INTO signup_codes (registration_id, hash, created_at, created_by, expires_at) VALUES (?, ?, ?, ?, ?)
                """, [.integer(registrationID), .blob(code.hash), .integer(now.secondsSinceEpoch), .text(actor),
                      .integer(expiresAt.secondsSinceEpoch)])
            let id = db.lastInsertRowID
            try AuditLog.append(db, at: now, actor: actor, action: "signup_code.issue", entity: "registration",
                                entityID: String(registrationID), after: ["code_id": String(id), "expires_at": expiresAt.rfc3339])
            return IssuedSignUpCode(code: code, registrationID: registrationID, registrationName: try registration.get("name"),
                                    expiresAt: expiresAt,
                                    existingLogin: try AccountStore.find(db, registrationID: registrationID)?.account.login)
        }
    }
}
