import CalendarValues

extension SignInService {
    /// Makes a staff, planner or admin account (`nakano-center account create`).
    public func createAccount(login typed: String, role: Role, password: String, by actor: String) async throws -> UserAccount {
        guard role != .member else { throw AccountError.memberRole }
        guard let login = LoginName(typed) else { throw AccountError.invalidLogin }
        if let problem = PasswordPolicy.problem(with: password, login: login) { throw AccountError.weakPassword(problem) }
        let stored = await hasher.derive(password)
        let now = self.now
        return try await pool.write { db in
            guard try !AccountStore.isTaken(db, login: login) else { throw AccountError.loginTaken(login.text) }
            return try AccountStore.insert(db, login: login, role: role, registrationID: nil, password: stored, now: now, by: actor)
        }
    }

    /// Sets a new password (`account reset`) and ends the account's sessions.
    public func resetPassword(login typed: String, password: String, by actor: String) async throws -> UserAccount {
        guard let login = LoginName(typed) else { throw AccountError.accountNotFound(typed) }
        if let problem = PasswordPolicy.problem(with: password, login: login) { throw AccountError.weakPassword(problem) }
        let stored = await hasher.derive(password)
        let now = self.now
        return try await pool.write { db in
            guard let found = try AccountStore.find(db, login: login) else { throw AccountError.accountNotFound(login.text) }
            try AccountStore.setPassword(db, account: found.account, password: stored, now: now, by: actor)
            _ = try AccountStore.endSessions(db, accountID: found.account.id, now: now, reason: .passwordChanged)
            return found.account
        }
    }

    /// Disables (`account disable`) or enables (`account enable`) an
    /// account; disabling ends its sessions. False when it already was so.
    public func setDisabled(login typed: String, _ disabled: Bool, by actor: String) async throws -> Bool {
        guard let login = LoginName(typed) else { throw AccountError.accountNotFound(typed) }
        let now = self.now
        return try await pool.write { db in
            guard let found = try AccountStore.find(db, login: login) else { throw AccountError.accountNotFound(login.text) }
            let changed = try AccountStore.setDisabled(db, account: found.account, disabled: disabled, now: now, by: actor)
            if disabled { _ = try AccountStore.endSessions(db, accountID: found.account.id, now: now, reason: .disabled) }
            return changed
        }
    }

    /// The account with `login`, if any.
    public func account(login typed: String) async throws -> UserAccount? {
        guard let login = LoginName(typed) else { return nil }
        return try await pool.read { db in try AccountStore.find(db, login: login)?.account }
    }
}
