import CalendarValues
internal import Store

/// Accounts, sign-up codes and sessions in the database, inside the
/// caller's transaction; each change is audited with it.
enum AccountStore {
    /// An account with its stored password.
    struct Credentials {
        let account: UserAccount
        let password: StoredPassword
    }

    static let accountColumns = "id, login, role, registration_id, created_at, disabled_at, password_salt, password_hash, password_iterations"

    static func credentials(_ row: Row) throws -> Credentials? {
        let roleText: String = try row.get("role")
        guard let role = Role(rawValue: roleText) else { return nil }
        let account = UserAccount(id: try row.get("id"), login: try row.get("login"), role: role,
                                  registrationID: try row.get("registration_id"),
                                  createdAt: Instant(secondsSinceEpoch: try row.get("created_at")),
                                  disabledAt: (try row.get("disabled_at") as Int64?).map(Instant.init(secondsSinceEpoch:)))
        let password = StoredPassword(salt: try row.get("password_salt"), hash: try row.get("password_hash"),
                                      iterations: Int(try row.get("password_iterations") as Int64))
        return Credentials(account: account, password: password)
    }

    static func find(_ db: Database, login: LoginName) throws -> Credentials? {
        guard let row = try db.queryOne("SELECT \(accountColumns) FROM user_accounts WHERE login = ?", [.text(login.text)]) else {
            return nil
        }
        return try credentials(row)
    }

    static func find(_ db: Database, registrationID: Int64) throws -> Credentials? {
        guard let row = try db.queryOne("SELECT \(accountColumns) FROM user_accounts WHERE registration_id = ?",
                                        [.integer(registrationID)]) else { return nil }
        return try credentials(row)
    }

    static func isTaken(_ db: Database, login: LoginName, exceptAccount id: Int64? = nil) throws -> Bool {
        try db.queryOne("SELECT 1 FROM user_accounts WHERE login = ? AND id IS NOT ?",
                        [.text(login.text), id.map { .integer($0) } ?? .null]) != nil
    }

    static func insert(_ db: Database, login: LoginName, role: Role, registrationID: Int64?, password: StoredPassword,
                       now: Instant, by actor: String) throws -> UserAccount {
        try db.run("""
            INSERT INTO user_accounts (login, role, registration_id, password_salt, password_hash, password_iterations,
                                       password_set_at, created_at, created_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.text(login.text), .text(role.rawValue), registrationID.map { .integer($0) } ?? .null,
                  .blob(password.salt), .blob(password.hash), .integer(Int64(password.iterations)),
                  .integer(now.secondsSinceEpoch), .integer(now.secondsSinceEpoch), .text(actor)])
        let account = UserAccount(id: db.lastInsertRowID, login: login.text, role: role, registrationID: registrationID,
                                  createdAt: now, disabledAt: nil)
        try AuditLog.append(db, at: now, actor: actor, action: "account.create", entity: "account",
                            entityID: String(account.id), after: account)
        return account
    }

    /// Sets a new password; `login` too when given (a member's sign-up
    /// with a new code may choose a new one).
    static func setPassword(_ db: Database, account: UserAccount, password: StoredPassword, login: LoginName? = nil,
                            now: Instant, by actor: String, audited: Bool = true) throws {
        try db.run("""
            UPDATE user_accounts SET password_salt = ?, password_hash = ?, password_iterations = ?, password_set_at = ?,
                                     login = coalesce(?, login)
            WHERE id = ?
            """, [.blob(password.salt), .blob(password.hash), .integer(Int64(password.iterations)),
                  .integer(now.secondsSinceEpoch), login.map { .text($0.text) } ?? .null, .integer(account.id)])
        guard audited else { return }
        try AuditLog.append(db, at: now, actor: actor, action: "account.password", entity: "account",
                            entityID: String(account.id), after: ["login": login?.text ?? account.login])
    }

    /// Disables (`disabled: true`) or enables an account; false when it already was.
    static func setDisabled(_ db: Database, account: UserAccount, disabled: Bool, now: Instant, by actor: String) throws -> Bool {
        let changed = try db.run(disabled
                                 ? "UPDATE user_accounts SET disabled_at = ? WHERE id = ? AND disabled_at IS NULL"
                                 : "UPDATE user_accounts SET disabled_at = NULL WHERE id = ? AND disabled_at IS NOT NULL",
                                 disabled ? [.integer(now.secondsSinceEpoch), .integer(account.id)] : [.integer(account.id)])
        if changed > 0 {
            try AuditLog.append(db, at: now, actor: actor, action: disabled ? "account.disable" : "account.enable",
                                entity: "account", entityID: String(account.id))
        }
        return changed > 0
    }

    // MARK: Sessions

    static func startSession(_ db: Database, account: UserAccount, now: Instant, address: String) throws -> NewSession {
        let token = SessionToken.generate()
        try db.run("INSERT INTO user_sessions (hash, account_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)",
                   [.blob(token.hash), .integer(account.id), .integer(now.secondsSinceEpoch), .integer(now.secondsSinceEpoch)])
        let signedIn = SignedIn(accountID: account.id, login: account.login, role: account.role,
                                registrationID: account.registrationID, sessionID: db.lastInsertRowID, token: token)
        try AuditLog.append(db, at: now, actor: signedIn.auditLabel, action: "session.start", entity: "session",
                            entityID: String(signedIn.sessionID), after: ["address": address])
        return NewSession(token: token, signedIn: signedIn)
    }

    /// A live session's row: who, when it began, when it was last used.
    struct SessionRow {
        let id: Int64
        let createdAt: Instant
        let lastSeenAt: Instant
        let account: UserAccount
    }

    static func session(_ db: Database, token: SessionToken) throws -> SessionRow? {
        guard let row = try db.queryOne("""
            SELECT s.id AS session_id, s.hash, s.created_at AS session_created_at, s.last_seen_at,
                   a.id, a.login, a.role, a.registration_id, a.created_at, a.disabled_at,
                   a.password_salt, a.password_hash, a.password_iterations
            FROM user_sessions s JOIN user_accounts a ON a.id = s.account_id
            WHERE s.hash = ? AND s.ended_at IS NULL
            """, [.blob(token.hash)]) else { return nil }
        let stored: [UInt8] = try row.get("hash")
        guard ConstantTime.equal(stored, token.hash), let credentials = try credentials(row) else { return nil }
        return SessionRow(id: try row.get("session_id"),
                          createdAt: Instant(secondsSinceEpoch: try row.get("session_created_at")),
                          lastSeenAt: Instant(secondsSinceEpoch: try row.get("last_seen_at")),
                          account: credentials.account)
    }

    static func touch(_ db: Database, session id: Int64, now: Instant) throws {
        try db.run("UPDATE user_sessions SET last_seen_at = ? WHERE id = ? AND ended_at IS NULL",
                   [.integer(now.secondsSinceEpoch), .integer(id)])
    }

    /// Why sessions end, as `user_sessions.end_reason` records it.
    enum EndReason: String {
        case signedOut = "signed_out"
        case signedOutEverywhere = "signed_out_everywhere"
        case idle, lifetime
        case passwordChanged = "password_changed"
        case disabled
    }

    static func endSession(_ db: Database, id: Int64, now: Instant, reason: EndReason) throws -> Bool {
        try db.run("UPDATE user_sessions SET ended_at = ?, end_reason = ? WHERE id = ? AND ended_at IS NULL",
                   [.integer(now.secondsSinceEpoch), .text(reason.rawValue), .integer(id)]) > 0
    }

    /// Ends every live session of the account; how many there were.
    static func endSessions(_ db: Database, accountID: Int64, now: Instant, reason: EndReason) throws -> Int {
        try db.run("UPDATE user_sessions SET ended_at = ?, end_reason = ? WHERE account_id = ? AND ended_at IS NULL",
                   [.integer(now.secondsSinceEpoch), .text(reason.rawValue), .integer(accountID)])
    }
}
