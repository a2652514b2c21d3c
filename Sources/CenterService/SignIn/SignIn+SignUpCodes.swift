import CalendarValues
import CenterDomain
internal import Store

extension SignIn {
    /// Issues a one-time sign-up code for a registration (staff, at the
    /// counter or through the API): valid 14 days, shown once on the slip.
    /// An older unused code of the registration is withdrawn. For a
    /// registration whose member already has an account, the code sets a
    /// new password (a forgotten one).
    public func issueSignUpCode(registration id: Int64,
                                by actor: Actor) async throws(ServiceError<IssueCodeRefusal>) -> IssuedSignUpCode {
        try await context.run(IssueCodeRefusal.self) {
            let now = clock.now()
            let code = SignUpCode.generate()
            let expiresAt = now.adding(seconds: SignUpCode.validDays * 86_400)
            return try await pool.write { db in
                guard let registration = try db.queryOne("SELECT name, erased_at FROM registrations WHERE id = ?",
                                                         [.integer(id)]) else {
                    throw Refusal(RegistrationLookupCode.registrationNotFound, "No registration has id \(id).",
                                  details: ["registration": String(id)])
                }
                guard (try registration.get("erased_at") as Int64?) == nil else {
                    throw Refusal(RegistrationErasedCode.registrationAlreadyErased,
                                  "Registration \(id) has been erased; no code can be issued for it.",
                                  details: ["registration": String(id)])
                }
                try db.run("""
                    UPDATE signup_codes SET withdrawn_at = ? WHERE registration_id = ? AND used_at IS NULL AND withdrawn_at IS NULL
                    """, [.integer(now.secondsSinceEpoch), .integer(id)])
                try db.run("""
                    INSERT INTO signup_codes (registration_id, hash, created_at, created_by, expires_at) VALUES (?, ?, ?, ?, ?)
                    """, [.integer(id), .blob(code.hash), .integer(now.secondsSinceEpoch), .text(actor.auditLabel),
                          .integer(expiresAt.secondsSinceEpoch)])
                let codeID = db.lastInsertRowID
                try AuditLog.append(db, at: now, actor: actor.auditLabel, action: "signup_code.issue", entity: "registration",
                                    entityID: String(id), after: ["code_id": String(codeID), "expires_at": expiresAt.rfc3339])
                return IssuedSignUpCode(code: code, registrationID: id, registrationName: try registration.get("name"),
                                        expiresAt: expiresAt,
                                        existingLogin: try AccountStore.find(db, registrationID: id)?.account.login)
            }
        }
    }
}
