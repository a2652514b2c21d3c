import CalendarValues
import CenterDomain

extension SignIn {
    /// Signs a person in with login and password, from `address` (the
    /// client's, for the throttle and the audit log). A new session each
    /// time, never one the browser already had. Refuses `sign_in_throttled`
    /// while the login or the address must wait (without checking the
    /// password), and `sign_in_failed` for an unknown login, a wrong
    /// password or a disabled account alike; every checked failure is audited.
    public func signIn(login typed: String, password: String,
                       address: String) async throws(ServiceError<SignInCode>) -> NewSession {
        try await context.run(SignInCode.self) {
            let started = clock.now()
            let login = LoginName(typed)
            let key = login?.text ?? "?"
            let wait = throttle.signInWait(login: key, address: address, now: started.secondsSinceEpoch)
            if wait > 0 {
                context.log.info("sign-in throttled", [("address", address), ("wait_seconds", String(wait))])
                throw SignInCode.throttled(seconds: wait)
            }
            throttle.signInAttempt(login: key, address: address, now: started.secondsSinceEpoch)
            var credentials: AccountStore.Credentials?
            if let login { credentials = try await pool.read { db in try AccountStore.find(db, login: login) } }
            let matches = await hasher.verify(password, against: credentials?.password)
            let now = clock.now()
            guard let credentials, matches, credentials.account.disabledAt == nil else {
                let reason = login == nil ? "invalid_login" : credentials == nil ? "unknown_login" : matches ? "disabled" : "wrong_password"
                try await auditFailure(reason: reason, account: credentials?.account, address: address, at: now)
                throw Refusal(SignInCode.signInFailed, "The login or the password is not correct.")
            }
            throttle.signInSucceeded(login: key, address: address)
            let rehashed = credentials.password.iterations < signInSettings.passwordIterations ? await hasher.derive(password) : nil
            return try await pool.write { db in
                if let rehashed {
                    try AccountStore.setPassword(db, account: credentials.account, password: rehashed, now: now,
                                                 by: "system:rehash", audited: false)
                }
                return try AccountStore.startSession(db, account: credentials.account, now: now, address: address)
            }
        }
    }

    /// A checked failure in the audit log: a sign-in (`signin.failure`) or
    /// a wrong sign-up code (`signup.failure`). The login is named only
    /// when it is an account's: text typed into the login field may be a
    /// password typed in the wrong box.
    func auditFailure(_ action: String = "signin.failure", reason: String, account: UserAccount?, address: String,
                      at now: Instant) async throws {
        try await pool.write { db in
            try AuditLog.append(db, at: now, actor: "anonymous@\(address)", action: action, entity: "account",
                                entityID: account.map { String($0.id) },
                                after: ["reason": reason, "address": address, "login": account?.login ?? ""])
        }
    }

    /// Who holds the session `token`, or nil when it is unknown, ended,
    /// idle past its role's timeout or past its lifetime (an expired
    /// session is ended then and there). Records the use at most once a
    /// minute, which is what the idle timeout counts from.
    public func session(_ token: SessionToken) async throws -> SignedIn? {
        let now = clock.now()
        guard let row = try await pool.read({ db in try AccountStore.session(db, token: token) }) else { return nil }
        let standing = SessionPolicy.of(row.account.role).standing(createdAt: row.createdAt, lastSeenAt: row.lastSeenAt, now: now)
        guard standing == .live, row.account.disabledAt == nil else {
            let reason: AccountStore.EndReason = standing == .lifetimeOver ? .lifetime : standing == .idle ? .idle : .disabled
            _ = try await pool.write { db in try AccountStore.endSession(db, id: row.id, now: now, reason: reason) }
            return nil
        }
        if now.secondsSinceEpoch - row.lastSeenAt.secondsSinceEpoch >= SessionPolicy.touchSeconds {
            try await pool.write { db in try AccountStore.touch(db, session: row.id, now: now) }
        }
        return SignedIn(accountID: row.account.id, login: row.account.login, role: row.account.role,
                        registrationID: row.account.registrationID, sessionID: row.id, token: token)
    }

    /// Ends this session (サインアウト).
    public func signOut(_ signedIn: SignedIn) async throws {
        let now = clock.now()
        try await pool.write { db in
            if try AccountStore.endSession(db, id: signedIn.sessionID, now: now, reason: .signedOut) {
                try AuditLog.append(db, at: now, actor: signedIn.auditLabel, action: "session.end", entity: "session",
                                    entityID: String(signedIn.sessionID))
            }
        }
    }

    /// Ends every session of the account, on every device (すべての端末からサインアウト).
    public func signOutEverywhere(_ signedIn: SignedIn) async throws {
        let now = clock.now()
        try await pool.write { db in
            let ended = try AccountStore.endSessions(db, accountID: signedIn.accountID, now: now, reason: .signedOutEverywhere)
            try AuditLog.append(db, at: now, actor: signedIn.auditLabel, action: "session.end_all", entity: "account",
                                entityID: String(signedIn.accountID), after: ["sessions": ended])
        }
    }
}
