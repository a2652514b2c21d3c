import CalendarValues
import CenterDomain
internal import Store

extension SignIn {
    /// A member sets their login and password with a code (`/signup`), and
    /// is signed in. With a code issued for a forgotten password the
    /// account keeps its registration, takes the login given (the old one
    /// or a new one) and the new password, and its other sessions end.
    public func signUp(code typed: String, login typedLogin: String, password: String,
                       address: String) async throws(ServiceError<SignUpRefusal>) -> NewSession {
        try await context.run(SignUpRefusal.self) {
            let started = clock.now()
            let wait = throttle.signUpWait(address: address, now: started.secondsSinceEpoch)
            if wait > 0 {
                throw Refusal(SignUpAttemptCode.signupThrottled,
                              "Sign-up is paused after repeated wrong codes. Please try again in \(wait) s.",
                              details: ["retry_after": String(wait)])
            }
            guard let code = SignUpCode(typed: typed) else {
                throttle.signUpCodeFailed(address: address, now: started.secondsSinceEpoch)
                try await auditFailure("signup.failure", reason: "malformed_code", account: nil, address: address, at: started)
                throw Self.invalidCode
            }
            let login = try LoginCode.login(typedLogin)
            try PasswordPolicy.check(password, login: login)
            // The code is checked before the slow derivation, and again in the write.
            guard let registrationID = try await pool.read({ db in try Self.usableCode(db, code, now: started) }) else {
                throttle.signUpCodeFailed(address: address, now: started.secondsSinceEpoch)
                try await auditFailure("signup.failure", reason: "unknown_code", account: nil, address: address, at: started)
                throw Self.invalidCode
            }
            let stored = await hasher.derive(password)
            let now = clock.now()
            return try await pool.write { db in
                guard try Self.usableCode(db, code, now: now) == registrationID else { throw Self.invalidCode }
                guard try db.queryOne("SELECT 1 FROM registrations WHERE id = ? AND erased_at IS NULL",
                                      [.integer(registrationID)]) != nil else {
                    throw Refusal(SignUpAttemptCode.registrationUnavailable,
                                  "This registration cannot sign up. Please ask the front desk.")
                }
                let existing = try AccountStore.find(db, registrationID: registrationID)?.account
                guard try !AccountStore.isTaken(db, login: login, exceptAccount: existing?.id) else { throw LoginCode.taken }
                let account: UserAccount
                if let existing {
                    try AccountStore.setPassword(db, account: existing, password: stored, login: login, now: now,
                                                 by: SignedIn.auditLabel(accountID: existing.id, login: login.text, role: .member))
                    _ = try AccountStore.endSessions(db, accountID: existing.id, now: now, reason: .passwordChanged)
                    if existing.disabledAt != nil {
                        _ = try AccountStore.setDisabled(db, account: existing, disabled: false, now: now, by: "system:signup")
                    }
                    account = UserAccount(id: existing.id, login: login.text, role: .member, registrationID: registrationID,
                                          createdAt: existing.createdAt, disabledAt: nil)
                } else {
                    account = try AccountStore.insert(db, login: login, role: .member, registrationID: registrationID,
                                                      password: stored, now: now, by: "system:signup")
                }
                try db.run("UPDATE signup_codes SET used_at = ? WHERE hash = ?", [.integer(now.secondsSinceEpoch), .blob(code.hash)])
                return try AccountStore.startSession(db, account: account, now: now, address: address)
            }
        }
    }

    static let invalidCode = Refusal(SignUpAttemptCode.invalidSignupCode,
                                     "The sign-up code is not correct or has expired. Please ask the front desk for a new code.")

    /// The registration a code may sign up, or nil when the code is
    /// unknown, used, withdrawn or expired.
    static func usableCode(_ db: Database, _ code: SignUpCode, now: Instant) throws -> Int64? {
        try db.queryOne("""
            SELECT registration_id FROM signup_codes
            WHERE hash = ? AND used_at IS NULL AND withdrawn_at IS NULL AND expires_at > ?
            """, [.blob(code.hash), .integer(now.secondsSinceEpoch)])?.get("registration_id")
    }
}
