import CalendarValues
import CenterDomain

extension SignIn {
    /// Makes a staff, planner or admin account (`nakano-center account create`).
    public func createAccount(login typed: String, role: Role, password: String,
                              by actor: String) async throws(ServiceError<CreateAccountRefusal>) -> UserAccount {
        try await context.run(CreateAccountRefusal.self) {
            guard role != .member else {
                throw Refusal(AccountCode.memberAccountBySignup,
                              "Member accounts are made by the member with a sign-up code (staff issue one for the registration).")
            }
            let login = try LoginCode.login(typed)
            try PasswordPolicy.check(password, login: login)
            let stored = await hasher.derive(password)
            let now = clock.now()
            return try await pool.write { db in
                guard try !AccountStore.isTaken(db, login: login) else { throw LoginCode.taken }
                return try AccountStore.insert(db, login: login, role: role, registrationID: nil, password: stored, now: now, by: actor)
            }
        }
    }

    /// Sets a new password (`account reset`) and ends the account's sessions.
    public func resetPassword(login typed: String, password: String,
                              by actor: String) async throws(ServiceError<ResetRefusal>) -> UserAccount {
        try await context.run(ResetRefusal.self) {
            guard let login = LoginName(typed) else { throw AccountCode.notFound(typed) }
            try PasswordPolicy.check(password, login: login)
            let stored = await hasher.derive(password)
            let now = clock.now()
            return try await pool.write { db in
                guard let found = try AccountStore.find(db, login: login) else { throw AccountCode.notFound(login.text) }
                try AccountStore.setPassword(db, account: found.account, password: stored, now: now, by: actor)
                _ = try AccountStore.endSessions(db, accountID: found.account.id, now: now, reason: .passwordChanged)
                return found.account
            }
        }
    }

    /// Disables (`account disable`) or enables (`account enable`) an
    /// account; disabling ends its sessions. False when it already was so.
    public func setDisabled(login typed: String, _ disabled: Bool, by actor: String) async throws(ServiceError<AccountCode>) -> Bool {
        try await context.run(AccountCode.self) {
            guard let login = LoginName(typed) else { throw AccountCode.notFound(typed) }
            let now = clock.now()
            return try await pool.write { db in
                guard let found = try AccountStore.find(db, login: login) else { throw AccountCode.notFound(login.text) }
                let changed = try AccountStore.setDisabled(db, account: found.account, disabled: disabled, now: now, by: actor)
                if disabled { _ = try AccountStore.endSessions(db, accountID: found.account.id, now: now, reason: .disabled) }
                return changed
            }
        }
    }

    /// The account with `login`, if any.
    public func account(login typed: String) async throws -> UserAccount? {
        guard let login = LoginName(typed) else { return nil }
        return try await pool.read { db in try AccountStore.find(db, login: login)?.account }
    }
}
